package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.RouteRefreshSubtype;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.StaticRoute;

/**
 * Route refresh (RFC 2918, enhanced RFC 7313) both ways: peerage's session asks the daemon and receives its routes
 * again (between BoRR and EoRR where enhanced refresh is negotiated); the daemon asks peerage's speaker, which reports
 * "refresh-requested" and sends its routes again, which the daemon counts and keeps (an enhanced refresh without them
 * would have made it drop them at the EoRR). GoBGP is not among the daemons asking: {@code gobgp neighbor ADDR
 * softresetin} re-runs its import policy over the Adj-RIB-In it keeps anyway and sends no ROUTE-REFRESH.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RouteRefreshTest {
    /** Three routes with different communities: three UPDATEs (the speaker packs routes that share attributes). */
    private static final List<StaticRoute> ROUTES = List.of(
            StaticRoute.of("10.111.0.0/24").withCommunities("65001:1"),
            StaticRoute.of("10.111.1.0/24").withCommunities("65001:2"),
            StaticRoute.of("10.111.2.0/24").withCommunities("65001:3"));
    private static final Set<String> PREFIXES = Set.of("10.111.0.0/24", "10.111.1.0/24", "10.111.2.0/24");

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "GOBGP", "FRR"})
    void daemonSendsItsRoutesAgainWhenPeerageAsks(DaemonKind kind) {
        Link link = Link.ipv4("refresh-in-" + kind, false);
        DaemonPeer daemonPeer = link.daemonPeer().routes(ROUTES).build();
        try (Daemon daemon = kind.create(List.of(daemonPeer)).start();
                RecordingSession session = new RecordingSession(link).start()) {
            Negotiated n = session.awaitUp(WAIT);
            assertThat(n.routeRefresh()).as("route refresh negotiated").isTrue();
            session.await(0, events -> announced(events).containsAll(PREFIXES), WAIT, "the first announcements");

            int mark = session.mark();
            session.session().requestRefresh(RouteRefreshMessage.of(AddressFamily.IPV4_UNICAST,
                    RouteRefreshSubtype.NORMAL));
            List<RecordingSession.Event> again = session.await(mark, events -> announced(events).containsAll(PREFIXES)
                    && (!n.enhancedRouteRefresh() || refreshSubtypes(events).contains(RouteRefreshSubtype.END.code())),
                    WAIT, "the routes again after our ROUTE-REFRESH");
            if (n.enhancedRouteRefresh()) {
                assertThat(refreshSubtypes(again)).as("BoRR, then EoRR")
                        .containsExactly(RouteRefreshSubtype.BEGINNING.code(), RouteRefreshSubtype.END.code());
                int borr = indexOfRefresh(again, RouteRefreshSubtype.BEGINNING);
                int eorr = indexOfRefresh(again, RouteRefreshSubtype.END);
                assertThat(announced(again.subList(borr, eorr))).as("routes between BoRR and EoRR").containsAll(PREFIXES);
            }
            assertThat(session.session().state()).isEqualTo(org.peerage.bgp.session.SessionState.ESTABLISHED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "FRR", "OPENBGPD"})
    void speakerSendsItsRoutesAgainWhenTheDaemonAsks(DaemonKind kind) {
        Link link = Link.ipv4("refresh-out-" + kind, false);
        try (Pairing pair = Pairing.start(kind, link.daemonPeer().build(),
                PeerageSpeaker.builder().session(link, ROUTES))) {
            Daemon daemon = pair.daemon();
            daemon.awaitReceivedRoutes(3, WAIT);
            long before = awaitUpdatesSettled(daemon, link.peerageAddress());

            DaemonCommands.requestRefresh(daemon, link.peerageAddress());
            JsonNode requested = pair.peerage().events().await("refresh-requested", link.name(), WAIT);
            assertThat(requested.path("family").asText()).isEqualTo("ipv4-unicast");

            // Each route goes out in an UPDATE of its own: three more UPDATEs (BIRD counts routes: three more).
            long deadline = System.nanoTime() + WAIT.toNanos();
            long after = before;
            while (after < before + 3 && System.nanoTime() < deadline) {
                PeerageSpeaker.sleep(100);
                after = DaemonCommands.updatesReceived(daemon, link.peerageAddress());
            }
            assertThat(after).as("UPDATEs %s counted from peerage after asking", kind).isGreaterThanOrEqualTo(before + 3);
            PeerageSpeaker.sleep(500);
            assertThat(daemon.receivedRoutes()).as("routes still held after the refresh")
                    .extracting(r -> r.prefix()).containsExactlyInAnyOrderElementsOf(PREFIXES);
            assertThat(pair.peerage().established(link.name())).isTrue();
        }
    }

    /** The daemon's UPDATE count once it stopped moving (End-of-RIB and all). */
    private static long awaitUpdatesSettled(Daemon daemon, String peer) {
        long last = -2;
        long now = DaemonCommands.updatesReceived(daemon, peer);
        while (now != last) {
            PeerageSpeaker.sleep(300);
            last = now;
            now = DaemonCommands.updatesReceived(daemon, peer);
        }
        assertThat(now).as("%s's UPDATE counter", daemon.name()).isGreaterThanOrEqualTo(3);
        return now;
    }

    private static Set<String> announced(List<RecordingSession.Event> events) {
        Set<String> prefixes = new HashSet<>();
        for (RecordingSession.Event e : events) {
            if (e instanceof RecordingSession.Event.Update(UpdateMessage u)) {
                for (Route r : u.nlri()) {
                    prefixes.add(r.prefix().toString());
                }
            }
        }
        return prefixes;
    }

    private static List<Integer> refreshSubtypes(List<RecordingSession.Event> events) {
        return events.stream().filter(e -> e instanceof RecordingSession.Event.Refresh)
                .map(e -> ((RecordingSession.Event.Refresh) e).message().subtype()).toList();
    }

    private static int indexOfRefresh(List<RecordingSession.Event> events, RouteRefreshSubtype subtype) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RecordingSession.Event.Refresh(RouteRefreshMessage m)
                    && m.subtype() == subtype.code()) {
                return i;
            }
        }
        return -1;
    }
}
