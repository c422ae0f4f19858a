package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;
import static org.peerage.interop.daemon.BirdGoBgpTest.only;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** ExaBGP announces routes with attributes to BIRD, at start and while running; BIRD's route reaches ExaBGP. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BirdExaBgpTest {

    @Test
    void exabgpAnnouncesAndWithdrawsBirdReceives() {
        String birdAddress = Ports.loopbackAddress();
        String exaAddress = Ports.loopbackAddress();
        DaemonPeer exa = DaemonPeer.builder()
                .local(65005, exaAddress, Ports.freePort(exaAddress))
                .remote(65001, birdAddress, Ports.freePort(birdAddress))
                .passive(true)
                .ipv6(true)
                .route(StaticRoute.of("10.5.0.0/24").withNextHop("192.0.2.55").withCommunities("65005:1", "65005:2")
                        .withLargeCommunities("65005:2:3").withExtCommunities("rt:65005:7").withMed(10)
                        .withOrigin(Origin.EGP).withAsPath(65999L))
                .route(StaticRoute.of("10.5.1.0/24").withNextHop("192.0.2.55"))
                .route(StaticRoute.of("2001:db8:5::/48").withNextHop("2001:db8::55").withCommunities("65005:6"))
                .build();
        DaemonPeer bird = exa.mirrored().toBuilder().route(StaticRoute.of("10.1.0.0/24").withCommunities("65001:1")).build();

        try (Daemon e = new ExaBgp(exa).start(); Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            e.waitEstablished(WAIT);

            List<DaemonRoute> atBird = b.awaitReceivedRoutes(3, WAIT);
            DaemonRoute r = only(atBird, exaAddress, "10.5.0.0/24");
            assertThat(r.asPath()).containsExactly(65005L, 65999L);
            assertThat(r.nextHop()).isEqualTo("192.0.2.55");
            assertThat(r.communities()).containsExactly("65005:1", "65005:2");
            assertThat(r.largeCommunities()).containsExactly("65005:2:3");
            assertThat(r.extCommunities()).containsExactly("rt:65005:7");
            assertThat(r.med()).isEqualTo(10L);
            assertThat(r.origin()).isEqualTo(Origin.EGP);
            assertThat(only(atBird, exaAddress, "10.5.1.0/24").asPath()).containsExactly(65005L);
            assertThat(only(atBird, exaAddress, "2001:db8:5::/48").communities()).containsExactly("65005:6");

            DaemonRoute atExa = only(e.awaitReceivedRoutes(1, WAIT), birdAddress, "10.1.0.0/24");
            assertThat(atExa.asPath()).containsExactly(65001L);
            assertThat(atExa.communities()).containsExactly("65001:1");
            assertThat(atExa.nextHop()).isEqualTo("192.0.2.1");

            e.announce(StaticRoute.sequence("10.55.0.0/24", 10).stream().map(x -> x.withMed(99)).toList());
            assertThat(b.awaitReceivedRoutes(13, WAIT)).filteredOn(x -> x.prefix().startsWith("10.55."))
                    .allMatch(x -> x.med() == 99L && x.asPath().equals(List.of(65005L)));
            e.withdraw(List.of(StaticRoute.of("10.5.0.0/24"), StaticRoute.of("10.55.9.0/24")));
            assertThat(b.awaitReceivedRoutes(11, WAIT)).noneMatch(x -> x.prefix().equals("10.5.0.0/24"));
        }
    }
}
