package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;
import static org.peerage.interop.daemon.BirdGoBgpTest.only;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** BIRD and FRR exchange IPv4 and IPv6 routes with attributes over one IPv4 session. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BirdFrrTest {

    @Test
    void routesWithAttributesBothWays() {
        String birdAddress = Ports.loopbackAddress();
        String frrAddress = Ports.loopbackAddress();
        DaemonPeer bird = DaemonPeer.builder()
                .local(65001, birdAddress, Ports.freePort(birdAddress))
                .remote(65002, frrAddress, Ports.freePort(frrAddress))
                .ipv6(true)
                .route(StaticRoute.of("10.1.0.0/24").withNextHop("192.0.2.11").withCommunities("65001:1")
                        .withLargeCommunities("65001:2:3").withExtCommunities("rt:65001:100").withMed(7)
                        .withAsPath(65123L))
                .route(StaticRoute.of("2001:db8:1::/48").withNextHop("2001:db8::11").withOrigin(Origin.EGP))
                .build();
        DaemonPeer frr = bird.mirrored().toBuilder()
                .route(StaticRoute.of("10.3.0.0/24").withNextHop("192.0.2.33").withCommunities("65002:1", "65002:2")
                        .withLargeCommunities("65002:3:4").withExtCommunities("rt:65002:9").withMed(33)
                        .withOrigin(Origin.EGP).withAsPath(65300L, 65301L))
                .route(StaticRoute.of("2001:db8:3::/48").withNextHop("2001:db8::33").withCommunities("65002:6"))
                .build();

        try (Daemon f = new Frr(frr).start(); Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            f.waitEstablished(WAIT);

            List<DaemonRoute> atBird = b.awaitReceivedRoutes(2, WAIT);
            DaemonRoute r = only(atBird, frrAddress, "10.3.0.0/24");
            assertThat(r.asPath()).containsExactly(65002L, 65300L, 65301L);
            assertThat(r.nextHop()).isEqualTo("192.0.2.33");
            assertThat(r.communities()).containsExactly("65002:1", "65002:2");
            assertThat(r.largeCommunities()).containsExactly("65002:3:4");
            assertThat(r.extCommunities()).containsExactly("rt:65002:9");
            assertThat(r.med()).isEqualTo(33L);
            assertThat(r.origin()).isEqualTo(Origin.EGP);
            DaemonRoute r6 = only(atBird, frrAddress, "2001:db8:3::/48");
            assertThat(r6.nextHop()).isEqualTo("2001:db8::33");
            assertThat(r6.communities()).containsExactly("65002:6");

            List<DaemonRoute> atFrr = f.awaitReceivedRoutes(2, WAIT);
            DaemonRoute b1 = only(atFrr, birdAddress, "10.1.0.0/24");
            assertThat(b1.asPath()).containsExactly(65001L, 65123L);
            assertThat(b1.nextHop()).isEqualTo("192.0.2.11");
            assertThat(b1.communities()).containsExactly("65001:1");
            assertThat(b1.largeCommunities()).containsExactly("65001:2:3");
            assertThat(b1.extCommunities()).containsExactly("rt:65001:100");
            assertThat(b1.med()).isEqualTo(7L);
            DaemonRoute b6 = only(atFrr, birdAddress, "2001:db8:1::/48");
            assertThat(b6.nextHop()).isEqualTo("2001:db8::11");
            assertThat(b6.origin()).isEqualTo(Origin.EGP);

            f.announce(StaticRoute.sequence("10.40.0.0/24", 3));
            b.awaitReceivedRoutes(5, WAIT);
            f.withdraw(List.of(StaticRoute.of("10.3.0.0/24")));
            assertThat(b.awaitReceivedRoutes(4, WAIT)).noneMatch(x -> x.prefix().equals("10.3.0.0/24"));
        }
    }
}
