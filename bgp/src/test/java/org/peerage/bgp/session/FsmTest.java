package org.peerage.bgp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.OpenErrorSubcode;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.open.AddPathCapability;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.bgp.wire.open.BgpRole;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RoleCapability;

/** The transition function, driven without sockets or clocks. */
class FsmTest {
    private static final int OUR_ID = 0x0A000001;
    private static final int THEIR_ID = 0x0A000002;
    private final PeerConfig config = PeerConfig.of(65000, OUR_ID, 64601);
    private final Fsm fsm = new Fsm(config);

    private static OpenMessage theirOpen(long asn, int hold) {
        return OpenMessage.of(asn, hold, THEIR_ID, List.of(new MultiprotocolCapability(AddressFamily.IPV4_UNICAST, 0),
                new FourOctetAsCapability(asn)));
    }

    private Transition run(FsmState s, SessionEvent... events) {
        Transition t = new Transition(s, List.of());
        for (SessionEvent e : events) {
            t = fsm.apply(t.next(), e);
        }
        return t;
    }

    @Test
    void activePeerConnectsExchangesOpensAndComesUp() {
        Transition t = fsm.apply(FsmState.INITIAL, new SessionEvent.Start());
        assertThat(t.next().state()).isEqualTo(SessionState.CONNECT);
        assertThat(t.actions()).first().isInstanceOf(SessionAction.Connect.class);

        t = fsm.apply(t.next(), new SessionEvent.TcpConnected());
        assertThat(t.next().state()).isEqualTo(SessionState.OPEN_SENT);
        assertThat(t.actions()).contains(new SessionAction.Send(config.open()),
                new SessionAction.StartTimer(SessionTimer.HOLD, Duration.ofMinutes(4)));

        t = fsm.apply(t.next(), new SessionEvent.OpenReceived(theirOpen(64601, 30)));
        assertThat(t.next().state()).isEqualTo(SessionState.OPEN_CONFIRM);
        assertThat(t.actions()).contains(new SessionAction.Send(KeepaliveMessage.INSTANCE),
                new SessionAction.StartTimer(SessionTimer.HOLD, Duration.ofSeconds(30)),
                new SessionAction.StartTimer(SessionTimer.KEEPALIVE, Duration.ofSeconds(10)));
        Negotiated n = t.next().negotiated();
        assertThat(n.holdTime()).isEqualTo(30);
        assertThat(n.fourOctetAs()).isTrue();
        assertThat(n.families()).containsExactly(AddressFamily.IPV4_UNICAST);

        t = fsm.apply(t.next(), new SessionEvent.KeepaliveReceived());
        assertThat(t.next().state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(t.actions()).contains(new SessionAction.Up(n));
    }

    @Test
    void passivePeerWaitsInActiveWithoutConnecting() {
        Fsm passive = new Fsm(config.withPassive(true));
        Transition t = passive.apply(FsmState.INITIAL, new SessionEvent.Start());
        assertThat(t.next().state()).isEqualTo(SessionState.ACTIVE);
        assertThat(t.actions()).isEmpty();
        t = passive.apply(t.next(), new SessionEvent.TimerExpired(SessionTimer.CONNECT_RETRY));
        assertThat(t.actions()).isEmpty();
        assertThat(passive.apply(t.next(), new SessionEvent.TcpConnected()).next().state())
                .isEqualTo(SessionState.OPEN_SENT);
    }

    @Test
    void failedConnectWaitsInActiveAndRetries() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpFailed("refused"));
        assertThat(t.next().state()).isEqualTo(SessionState.ACTIVE);
        t = fsm.apply(t.next(), new SessionEvent.TimerExpired(SessionTimer.CONNECT_RETRY));
        assertThat(t.next().state()).isEqualTo(SessionState.CONNECT);
        assertThat(t.actions()).first().isInstanceOf(SessionAction.Connect.class);
    }

    @Test
    void wrongPeerAsIsRefusedWithBadPeerAs() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpConnected(),
                new SessionEvent.OpenReceived(theirOpen(64999, 90)));
        assertThat(t.next().state()).isEqualTo(SessionState.IDLE);
        NotificationMessage sent = (NotificationMessage) ((SessionAction.Send) t.actions().getFirst()).message();
        assertThat(sent.code()).isEqualTo(NotificationCode.OPEN_MESSAGE_ERROR.code());
        assertThat(sent.subcode()).isEqualTo(OpenErrorSubcode.BAD_PEER_AS.code());
        assertThat(t.actions()).anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(SessionAction.Down.class,
                d -> assertThat(d.reason()).contains("AS 64999")));
    }

    @Test
    void keepaliveBeforeOpenIsAnFsmError() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpConnected(),
                new SessionEvent.KeepaliveReceived());
        NotificationMessage sent = (NotificationMessage) ((SessionAction.Send) t.actions().getFirst()).message();
        assertThat(sent.code()).isEqualTo(NotificationCode.FINITE_STATE_MACHINE_ERROR.code());
        assertThat(sent.subcode()).isEqualTo(1);
    }

    @Test
    void holdTimerExpiryInEstablishedSendsHoldTimerExpiredAndGoesDown() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpConnected(),
                new SessionEvent.OpenReceived(theirOpen(64601, 9)), new SessionEvent.KeepaliveReceived(),
                new SessionEvent.TimerExpired(SessionTimer.HOLD));
        assertThat(t.next().state()).isEqualTo(SessionState.IDLE);
        assertThat(((NotificationMessage) ((SessionAction.Send) t.actions().getFirst()).message()).code())
                .isEqualTo(NotificationCode.HOLD_TIMER_EXPIRED.code());
        assertThat(t.actions()).contains(new SessionAction.StartTimer(SessionTimer.IDLE_HOLD, Duration.ofSeconds(1)));
    }

    @Test
    void updatesInEstablishedRestartTheHoldTimerAndAreDelivered() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpConnected(),
                new SessionEvent.OpenReceived(theirOpen(64601, 90)), new SessionEvent.KeepaliveReceived());
        UpdateMessage eor = UpdateMessage.endOfRib();
        t = fsm.apply(t.next(), new SessionEvent.UpdateReceived(eor, false));
        assertThat(t.actions()).containsExactly(new SessionAction.StartTimer(SessionTimer.HOLD,
                Duration.ofSeconds(90)), new SessionAction.Deliver(eor, false));
    }

    @Test
    void idleHoldDoublesWithEachFailureUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 7, 8).stream().map(fsm::idleHold).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
        FsmState failedTwice = new FsmState(SessionState.IDLE, null, 2);
        Transition t = run(failedTwice, new SessionEvent.TimerExpired(SessionTimer.IDLE_HOLD),
                new SessionEvent.TcpConnected(), new SessionEvent.TcpFailed("reset"));
        assertThat(t.next().failures()).isEqualTo(3);
        assertThat(t.actions()).contains(new SessionAction.StartTimer(SessionTimer.IDLE_HOLD, Duration.ofSeconds(4)));
    }

    @Test
    void manualStopSendsAdministrativeShutdownWithItsMessage() {
        Transition t = run(FsmState.INITIAL, new SessionEvent.Start(), new SessionEvent.TcpConnected(),
                new SessionEvent.OpenReceived(theirOpen(64601, 90)), new SessionEvent.KeepaliveReceived(),
                new SessionEvent.Stop("maintenance until 02:00"));
        NotificationMessage cease = (NotificationMessage) ((SessionAction.Send) t.actions().getFirst()).message();
        assertThat(cease).isEqualTo(NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN,
                "maintenance until 02:00"));
        assertThat(t.next()).isEqualTo(FsmState.INITIAL);
        assertThat(t.actions()).noneMatch(a -> a instanceof SessionAction.StartTimer);
    }

    @Test
    void addPathIsNegotiatedPerDirection() {
        PeerConfig both = config.withAddPath(Map.of(AddressFamily.IPV4_UNICAST, AddPathMode.BOTH));
        OpenMessage theirs = OpenMessage.of(64601, 90, THEIR_ID, List.of(
                new MultiprotocolCapability(AddressFamily.IPV4_UNICAST, 0), new FourOctetAsCapability(64601),
                new AddPathCapability(List.of(AddPathCapability.Family.of(AddressFamily.IPV4_UNICAST,
                        AddPathMode.SEND)))));
        var agreed = (Negotiation.Result.Agreed) Negotiation.negotiate(both, both.open(), theirs);
        assertThat(agreed.negotiated().addPathReceive()).containsExactly(AddressFamily.IPV4_UNICAST);
        assertThat(agreed.negotiated().addPathSend()).isEmpty();
        assertThat(agreed.negotiated().receiveContext().addPath(AddressFamily.IPV4_UNICAST)).isTrue();
    }

    @Test
    void peerWithoutMultiprotocolIsIpv4UnicastOnlyAndTwoOctetWithoutTheCapability() {
        OpenMessage old = OpenMessage.of(64601, 90, THEIR_ID, List.of());
        var agreed = (Negotiation.Result.Agreed) Negotiation.negotiate(config, config.open(), old);
        assertThat(agreed.negotiated().families()).containsExactly(AddressFamily.IPV4_UNICAST);
        assertThat(agreed.negotiated().fourOctetAs()).isFalse();
    }

    @Test
    void roleMismatchIsRefused() {
        PeerConfig rs = config.withRole(BgpRole.ROUTE_SERVER, false);
        OpenMessage peer = OpenMessage.of(64601, 90, THEIR_ID, List.of(new RoleCapability(BgpRole.PEER.code())));
        var refused = (Negotiation.Result.Refused) Negotiation.negotiate(rs, rs.open(), peer);
        assertThat(refused.error().subcode()).isEqualTo(OpenErrorSubcode.ROLE_MISMATCH.code());
        OpenMessage client = OpenMessage.of(64601, 90, THEIR_ID, List.of(
                new RoleCapability(BgpRole.ROUTE_SERVER_CLIENT.code())));
        assertThat(Negotiation.negotiate(rs, rs.open(), client)).isInstanceOf(Negotiation.Result.Agreed.class);
        assertThat(Negotiation.negotiate(rs.withRole(BgpRole.ROUTE_SERVER, true), rs.open(),
                OpenMessage.of(64601, 90, THEIR_ID, List.of()))).isInstanceOf(Negotiation.Result.Refused.class);
    }

    @Test
    void extendedMessagesOnlyWhenBothOfferThem() {
        PeerConfig ours = config.withExtendedMessages(true);
        OpenMessage with = OpenMessage.of(64601, 90, THEIR_ID, List.of(new FourOctetAsCapability(64601),
                new org.peerage.bgp.wire.open.ExtendedMessageCapability()));
        var agreed = (Negotiation.Result.Agreed) Negotiation.negotiate(ours, ours.open(), with);
        assertThat(agreed.negotiated().extendedMessages()).isTrue();
        assertThat(agreed.negotiated().receiveContext().maxMessageLength()).isEqualTo(65535);
        var plain = (Negotiation.Result.Agreed) Negotiation.negotiate(ours, ours.open(), theirOpen(64601, 90));
        assertThat(plain.negotiated().sendContext().maxMessageLength()).isEqualTo(4096);
        var notOffered = (Negotiation.Result.Agreed) Negotiation.negotiate(config, config.open(), with);
        assertThat(notOffered.negotiated().extendedMessages()).isFalse();
    }

    @Test
    void noCommonFamilyIsRefused() {
        PeerConfig v6only = config.withFamilies(Set.of(AddressFamily.IPV6_UNICAST));
        var refused = (Negotiation.Result.Refused) Negotiation.negotiate(v6only, v6only.open(), theirOpen(64601, 90));
        assertThat(refused.error().subcode()).isEqualTo(OpenErrorSubcode.UNSUPPORTED_CAPABILITY.code());
    }
}
