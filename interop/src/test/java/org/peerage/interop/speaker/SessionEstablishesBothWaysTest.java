package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.Link.DAEMON_AS;
import static org.peerage.interop.speaker.Link.PEERAGE_AS;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.only;
import static org.peerage.interop.speaker.SpeakerInterop.onlyAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.DaemonRoute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * With every daemon, peerage's session comes up whichever side connects, over IPv4 transport with IPv4 and IPv6
 * unicast negotiated (IPv6 NLRI with IPv6 next hops over the IPv4 session), both ends in 4-octet ASes, and routes
 * whose paths hold 4-octet ASes cross both ways unchanged.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionEstablishesBothWaysTest {
    private static final long BEHIND_DAEMON = 4_211_110_061L;
    private static final long BEHIND_PEERAGE = 4_211_110_062L;

    static Stream<Arguments> daemonsAndDirections() {
        List<Arguments> cases = new ArrayList<>();
        for (DaemonKind kind : DaemonKind.values()) {
            cases.add(Arguments.of(kind, "active"));
            cases.add(Arguments.of(kind, "passive"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, peerage {1}")
    @MethodSource("daemonsAndDirections")
    void ipv4AndIpv6RoutesWithFourOctetPathsCrossBothWays(DaemonKind kind, String peerageRole) {
        boolean peeragePassive = peerageRole.equals("passive");
        Link link = Link.ipv4(kind + "-" + peerageRole, peeragePassive);
        StaticRoute d4 = StaticRoute.of("10.61.0.0/24").withNextHop("192.0.2.61");
        StaticRoute d6 = StaticRoute.of("2001:db8:61::/48").withNextHop("2001:db8::61");
        if (kind.originatesAsPath()) {
            d4 = d4.withAsPath(BEHIND_DAEMON);
            d6 = d6.withAsPath(BEHIND_DAEMON);
        }
        DaemonPeer daemonPeer = link.daemonPeer().ipv6(true).routes(List.of(d4, d6)).build();
        List<StaticRoute> ours = List.of(StaticRoute.of("10.62.0.0/24").withAsPath(BEHIND_PEERAGE),
                StaticRoute.of("2001:db8:62::/48").withAsPath(BEHIND_PEERAGE));

        try (Pairing pair = Pairing.start(kind, daemonPeer, PeerageSpeaker.builder().session(link, ours))) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.awaitEstablished(link.name(), WAIT);
            pair.daemon().waitEstablished(WAIT);

            Negotiated n = peerage.session(link.name()).negotiated();
            assertThat(n.peerAs()).isEqualTo(DAEMON_AS);
            assertThat(n.fourOctetAs()).as("4-octet AS negotiated").isTrue();
            assertThat(n.families()).isEqualTo(Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST));

            List<Long> expectedFromDaemon = kind.originatesAsPath() ? List.of(DAEMON_AS, BEHIND_DAEMON) : List.of(DAEMON_AS);
            List<ReceivedRoute> rib = peerage.awaitPrefixes(link.name(), WAIT, "10.61.0.0/24", "2001:db8:61::/48");
            ReceivedRoute r4 = only(rib, "10.61.0.0/24");
            assertThat(r4.asPath()).isEqualTo(expectedFromDaemon);
            assertThat(r4.nextHop()).isEqualTo("192.0.2.61");
            ReceivedRoute r6 = only(rib, "2001:db8:61::/48");
            assertThat(r6.asPath()).isEqualTo(expectedFromDaemon);
            assertThat(r6.nextHop()).isEqualTo("2001:db8::61");
            // FRR also sends our own routes back to us (path: FRR, us, ...), relying on our loop detection; peerage
            // keeps them in its Adj-RIB-In, which holds what was received, loops included.
            assertThat(rib).filteredOn(r -> !r.prefixText().equals("10.61.0.0/24")
                            && !r.prefixText().equals("2001:db8:61::/48"))
                    .allSatisfy(r -> assertThat(r.asPath()).startsWith(DAEMON_AS, PEERAGE_AS));

            List<DaemonRoute> atDaemon = pair.daemon().awaitReceivedRoutes(2, WAIT);
            DaemonRoute a4 = onlyAt(atDaemon, link.peerageAddress(), "10.62.0.0/24");
            assertThat(a4.asPath()).containsExactly(PEERAGE_AS, BEHIND_PEERAGE);
            assertThat(a4.nextHop()).isEqualTo(PeerageSpeaker.NEXT_HOP_V4);
            DaemonRoute a6 = onlyAt(atDaemon, link.peerageAddress(), "2001:db8:62::/48");
            assertThat(a6.asPath()).containsExactly(PEERAGE_AS, BEHIND_PEERAGE);
            assertThat(a6.nextHop()).isEqualTo(PeerageSpeaker.NEXT_HOP_V6);
        }
    }
}
