package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.onlyAt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.interop.daemon.AddPath;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.DaemonRoute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * ADD-PATH (RFC 7911) both ways with BIRD and GoBGP: negotiated in both directions; the speaker receives both paths
 * the daemon sends for one prefix, each under its own path identifier; the speaker's announcement (one path per
 * prefix, path id 1) reaches the daemon; and the session layer sends two paths for one prefix, which the daemon keeps
 * side by side.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddPathExchangeTest {
    private static final Map<AddressFamily, AddPathMode> BOTH = Map.of(AddressFamily.IPV4_UNICAST, AddPathMode.BOTH);

    private static DaemonPeer.Builder daemonWithTwoPaths(Link link) {
        return link.daemonPeer().addPath(AddPath.BOTH)
                .route(StaticRoute.of("10.101.0.0/24").withNextHop("192.0.2.11").withCommunities("65001:1").withPathId(1))
                .route(StaticRoute.of("10.101.0.0/24").withNextHop("192.0.2.12").withCommunities("65001:2").withPathId(2));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "GOBGP"})
    void speakerReceivesEveryPathWithItsIdAndIsReceived(DaemonKind kind) {
        Link link = Link.ipv4("add-path-" + kind, false);
        PeerConfig config = link.peerConfig().withAddPath(BOTH);
        RouteTable ours = Routes.table(List.of(StaticRoute.of("10.102.0.0/24")));
        PeerageSpeaker.Builder speaker = PeerageSpeaker.builder().session(link, config, link.options(), ours);

        try (Pairing pair = Pairing.start(kind, daemonWithTwoPaths(link).build(), speaker)) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.awaitEstablished(link.name(), WAIT);
            Negotiated n = peerage.session(link.name()).negotiated();
            assertThat(n.addPathReceive()).isEqualTo(Set.of(AddressFamily.IPV4_UNICAST));
            assertThat(n.addPathSend()).isEqualTo(Set.of(AddressFamily.IPV4_UNICAST));

            List<ReceivedRoute> paths = peerage.awaitRib(link.name(),
                    rib -> rib.stream().filter(r -> r.prefixText().equals("10.101.0.0/24")).count() == 2, WAIT);
            assertThat(paths).filteredOn(r -> r.prefixText().equals("10.101.0.0/24"))
                    .allSatisfy(r -> assertThat(r.asPath()).containsExactly(Link.DAEMON_AS))
                    .extracting(ReceivedRoute::nextHop).containsExactlyInAnyOrder("192.0.2.11", "192.0.2.12");
            assertThat(paths).filteredOn(r -> r.prefixText().equals("10.101.0.0/24"))
                    .extracting(ReceivedRoute::pathId).doesNotContainNull().doesNotHaveDuplicates();

            DaemonRoute at = onlyAt(pair.daemon().awaitReceivedRoutes(1, WAIT), link.peerageAddress(), "10.102.0.0/24");
            assertThat(at.asPath()).containsExactly(Link.PEERAGE_AS);
            if (kind == DaemonKind.GOBGP) {
                assertThat(at.pathId()).as("the speaker's path id").isEqualTo(1L); // BIRD 2.0 does not show ids
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "GOBGP"})
    void sessionSendsTwoPathsForOnePrefix(DaemonKind kind) {
        Link link = Link.ipv4("add-path-tx-" + kind, false);
        DaemonPeer daemonPeer = link.daemonPeer().addPath(AddPath.BOTH).build();
        try (var daemon = kind.create(List.of(daemonPeer)).start();
                RecordingSession session = new RecordingSession(link, link.peerConfig().withAddPath(BOTH),
                        link.options()).start()) {
            Negotiated n = session.awaitUp(WAIT);
            assertThat(n.addPathSend()).contains(AddressFamily.IPV4_UNICAST);
            Prefix prefix = Prefix.parse("10.103.0.0/24");
            for (long id : List.of(1L, 2L)) {
                session.session().send(new UpdateMessage(List.of(), List.of(Origin.of(Origin.IGP),
                        AsPath.of(List.of(AsPathSegment.sequence(Link.PEERAGE_AS))),
                        NextHop.of(ipv4("192.0.2.3" + id))), List.of(new Route(prefix, id))));
            }
            session.session().flush();

            List<DaemonRoute> at = daemon.awaitReceivedRoutes(2, WAIT);
            assertThat(at).allMatch(r -> r.prefix().equals("10.103.0.0/24") && r.peer().equals(link.peerageAddress()));
            assertThat(at).extracting(DaemonRoute::nextHop).containsExactlyInAnyOrder("192.0.2.31", "192.0.2.32");
            if (kind == DaemonKind.GOBGP) {
                assertThat(at).extracting(DaemonRoute::pathId).containsExactlyInAnyOrder(1L, 2L);
            }
        }
    }

    private static int ipv4(String text) {
        byte[] b = InetText.parseAddress(text);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
}
