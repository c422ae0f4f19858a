package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.only;
import static org.peerage.interop.speaker.SpeakerInterop.onlyAt;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.DaemonRoute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * peerage peers with every daemon over IPv6 transport (::1 to ::1, distinct ports): only IPv6 unicast is negotiated
 * (peerage offers IPv4 too), and IPv6 routes cross both ways with their global next hops.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Ipv6TransportSessionTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DaemonKind.class)
    void ipv6OnlySessionOverLoopbackCarriesIpv6Routes(DaemonKind kind) {
        Link link = Link.ipv6("v6-" + kind, false);
        DaemonPeer daemonPeer = link.daemonPeer()
                .route(StaticRoute.of("2001:db8:81::/48").withNextHop("2001:db8::81").withCommunities("65001:81"))
                .build();
        List<StaticRoute> ours = List.of(StaticRoute.of("2001:db8:82::/48").withCommunities("65001:82"));

        try (Pairing pair = Pairing.start(kind, daemonPeer, PeerageSpeaker.builder().session(link, ours))) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.awaitEstablished(link.name(), WAIT);
            Negotiated n = peerage.session(link.name()).negotiated();
            assertThat(n.families()).isEqualTo(Set.of(AddressFamily.IPV6_UNICAST));
            assertThat(n.fourOctetAs()).isTrue();

            ReceivedRoute got = only(peerage.awaitPrefixes(link.name(), WAIT, "2001:db8:81::/48"), "2001:db8:81::/48");
            assertThat(got.asPath()).containsExactly(Link.DAEMON_AS);
            assertThat(got.nextHop()).isEqualTo("2001:db8::81");
            assertThat(got.communities()).containsExactly("65001:81");

            DaemonRoute at = onlyAt(pair.daemon().awaitReceivedRoutes(
                    rs -> rs.stream().anyMatch(r -> r.prefix().equals("2001:db8:82::/48")), WAIT),
                    "::1", "2001:db8:82::/48");
            assertThat(at.asPath()).containsExactly(Link.PEERAGE_AS);
            assertThat(at.nextHop()).isEqualTo(PeerageSpeaker.NEXT_HOP_V6);
            assertThat(at.communities()).containsExactly("65001:82");
        }
    }
}
