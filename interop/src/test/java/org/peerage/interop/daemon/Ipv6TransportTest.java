package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;
import static org.peerage.interop.daemon.BirdGoBgpTest.only;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every daemon peers with BIRD over ::1, the one IPv6 loopback address, on distinct ports. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Ipv6TransportTest {

    static Stream<Named<Function<DaemonPeer, Daemon>>> daemons() {
        return Stream.of(
                Named.of("GoBGP", GoBgp::new),
                Named.of("FRR", Frr::new),
                Named.of("OpenBGPD", OpenBgpd::new),
                Named.of("ExaBGP", ExaBgp::new));
    }

    @ParameterizedTest
    @MethodSource("daemons")
    void exchangesIpv6RoutesWithBirdOverLoopback(Function<DaemonPeer, Daemon> daemon) {
        DaemonPeer bird = DaemonPeer.builder()
                .local(65001, "::1", Ports.freePort("::1")).routerId(Ports.loopbackAddress())
                .remote(65009, "::1", Ports.freePort("::1"))
                .route(StaticRoute.of("2001:db8:1::/48").withCommunities("65001:1"))
                .build();
        // The other daemon is passive: BIRD connects within a second (GoBGP would wait 5-10 s).
        DaemonPeer other = bird.mirrored().toBuilder().routerId(Ports.loopbackAddress()).passive(true)
                .route(StaticRoute.of("2001:db8:9::/48").withNextHop("2001:db8::99").withLargeCommunities("65009:1:1"))
                .build();
        try (Daemon d = daemon.apply(other).start(); Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            d.waitEstablished(WAIT);
            DaemonRoute atBird = only(b.awaitReceivedRoutes(1, WAIT), "::1", "2001:db8:9::/48");
            assertThat(atBird.asPath()).containsExactly(65009L);
            assertThat(atBird.nextHop()).isEqualTo("2001:db8::99");
            assertThat(atBird.largeCommunities()).containsExactly("65009:1:1");
            DaemonRoute atOther = only(d.awaitReceivedRoutes(1, WAIT), "::1", "2001:db8:1::/48");
            assertThat(atOther.asPath()).containsExactly(65001L);
            assertThat(atOther.nextHop()).isEqualTo("2001:db8::1");
            assertThat(atOther.communities()).containsExactly("65001:1");
        }
    }
}
