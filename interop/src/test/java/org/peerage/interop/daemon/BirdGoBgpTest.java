package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** BIRD and GoBGP peer with each other over IPv4 and IPv6 and exchange routes with attributes, both ways. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BirdGoBgpTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void ipv4AndIpv6SessionsCarryRoutesWithCommunitiesBothWays() {
        String birdAddress = Ports.loopbackAddress();
        String gobgpAddress = Ports.loopbackAddress();
        int birdPort = Ports.freePort(birdAddress, "::1");
        int gobgpPort = Ports.freePort(gobgpAddress, "::1");

        DaemonPeer bird4 = DaemonPeer.builder()
                .local(65001, birdAddress, birdPort).remote(64601, gobgpAddress, gobgpPort)
                .route(StaticRoute.of("10.1.0.0/24").withNextHop("192.0.2.11").withCommunities("65001:1", "65001:2")
                        .withLargeCommunities("65001:2:3").withMed(50).withOrigin(Origin.EGP).withAsPath(65123L)
                        .withExtCommunities("rt:65001:100"))
                .route(StaticRoute.of("10.1.1.0/24").withNextHop("192.0.2.11"))
                .route(StaticRoute.of("2001:db8:1::/48").withNextHop("2001:db8::11").withCommunities("65001:6")
                        .withLargeCommunities("65001:6:6"))
                .build();
        DaemonPeer bird6 = bird4.toBuilder().remote(64601, "::1", gobgpPort).local(65001, "::1", birdPort)
                .routerId(birdAddress).routes(List.of()).build();
        // GoBGP is passive: when active it waits seconds before its first connect.
        DaemonPeer gobgp4 = bird4.mirrored().toBuilder().passive(true)
                .route(StaticRoute.of("10.2.0.0/24").withNextHop("192.0.2.22").withCommunities("64601:7")
                        .withLargeCommunities("64601:1:2").withMed(20).withAsPath(65500L, 65501L))
                .route(StaticRoute.of("2001:db8:2::/48").withNextHop("2001:db8::22").withCommunities("64601:66")
                        .withLargeCommunities("64601:6:6").withOrigin(Origin.INCOMPLETE))
                .build();
        DaemonPeer gobgp6 = bird6.mirrored().toBuilder().routerId(gobgpAddress).passive(true).build();

        try (Daemon gobgp = new GoBgp(gobgp4, gobgp6).start(); Daemon bird = new Bird2(bird4, bird6).start()) {
            bird.waitEstablished(WAIT);
            gobgp.waitEstablished(WAIT);

            List<DaemonRoute> atBird = bird.awaitReceivedRoutes(2, WAIT);
            DaemonRoute r4 = only(atBird, gobgpAddress, "10.2.0.0/24");
            assertThat(r4.asPath()).containsExactly(64601L, 65500L, 65501L);
            assertThat(r4.nextHop()).isEqualTo("192.0.2.22");
            assertThat(r4.communities()).containsExactly("64601:7");
            assertThat(r4.largeCommunities()).containsExactly("64601:1:2");
            assertThat(r4.med()).isEqualTo(20L);
            assertThat(r4.origin()).isEqualTo(Origin.IGP);
            DaemonRoute r6 = only(atBird, "::1", "2001:db8:2::/48");
            assertThat(r6.asPath()).containsExactly(64601L);
            assertThat(r6.nextHop()).isEqualTo("2001:db8::22");
            assertThat(r6.communities()).containsExactly("64601:66");
            assertThat(r6.largeCommunities()).containsExactly("64601:6:6");
            assertThat(r6.origin()).isEqualTo(Origin.INCOMPLETE);

            List<DaemonRoute> atGobgp = gobgp.awaitReceivedRoutes(3, WAIT);
            DaemonRoute b1 = only(atGobgp, birdAddress, "10.1.0.0/24");
            assertThat(b1.asPath()).containsExactly(65001L, 65123L);
            assertThat(b1.nextHop()).isEqualTo("192.0.2.11");
            assertThat(b1.communities()).containsExactly("65001:1", "65001:2");
            assertThat(b1.largeCommunities()).containsExactly("65001:2:3");
            assertThat(b1.extCommunities()).containsExactly("rt:65001:100");
            assertThat(b1.med()).isEqualTo(50L);
            assertThat(b1.origin()).isEqualTo(Origin.EGP);
            assertThat(only(atGobgp, birdAddress, "10.1.1.0/24").asPath()).containsExactly(65001L);
            DaemonRoute b6 = only(atGobgp, "::1", "2001:db8:1::/48");
            assertThat(b6.nextHop()).isEqualTo("2001:db8::11");
            assertThat(b6.communities()).containsExactly("65001:6");
            assertThat(b6.largeCommunities()).containsExactly("65001:6:6");

            // Announce and withdraw while running.
            gobgp.announce(StaticRoute.sequence("10.20.0.0/24", 5).stream().map(r -> r.withNextHop("192.0.2.22")).toList());
            bird.announce(List.of(StaticRoute.of("10.30.0.0/24").withNextHop("192.0.2.11")));
            bird.awaitReceivedRoutes(7, WAIT);
            gobgp.awaitReceivedRoutes(4, WAIT);
            gobgp.withdraw(List.of(StaticRoute.of("10.20.0.0/24")));
            bird.withdraw(List.of(StaticRoute.of("10.1.1.0/24")));
            assertThat(bird.awaitReceivedRoutes(6, WAIT)).noneMatch(r -> r.prefix().equals("10.20.0.0/24"));
            assertThat(gobgp.awaitReceivedRoutes(3, WAIT)).noneMatch(r -> r.prefix().equals("10.1.1.0/24"));
        }
    }

    @Test
    void ipv6RoutesOverAnIpv4Session() {
        String birdAddress = Ports.loopbackAddress();
        String gobgpAddress = Ports.loopbackAddress();
        DaemonPeer bird = DaemonPeer.builder()
                .local(65001, birdAddress, Ports.freePort(birdAddress))
                .remote(64601, gobgpAddress, Ports.freePort(gobgpAddress))
                .ipv6(true)
                .route(StaticRoute.of("10.1.0.0/24"))
                .route(StaticRoute.of("2001:db8:1::/48").withCommunities("65001:6"))
                .build();
        DaemonPeer gobgp = bird.mirrored().toBuilder().passive(true)
                .route(StaticRoute.of("10.2.0.0/24"))
                .route(StaticRoute.of("2001:db8:2::/48").withNextHop("2001:db8::22"))
                .build();
        try (Daemon g = new GoBgp(gobgp).start(); Daemon b = new Bird2(bird).start()) {
            List<DaemonRoute> atBird = b.awaitReceivedRoutes(2, WAIT);
            assertThat(only(atBird, gobgpAddress, "2001:db8:2::/48").nextHop()).isEqualTo("2001:db8::22");
            assertThat(only(atBird, gobgpAddress, "10.2.0.0/24").nextHop()).isEqualTo("192.0.2.1");
            List<DaemonRoute> atGobgp = g.awaitReceivedRoutes(2, WAIT);
            DaemonRoute v6 = only(atGobgp, birdAddress, "2001:db8:1::/48");
            assertThat(v6.nextHop()).isEqualTo("2001:db8::1");
            assertThat(v6.communities()).containsExactly("65001:6");
            assertThat(b.sessionState(gobgpAddress)).isEqualTo(SessionState.ESTABLISHED);
            assertThat(g.sessionState(birdAddress)).isEqualTo(SessionState.ESTABLISHED);
        }
    }

    static DaemonRoute only(List<DaemonRoute> routes, String peer, String prefix) {
        List<DaemonRoute> matching = routes.stream().filter(r -> r.peer().equals(peer) && r.prefix().equals(prefix)).toList();
        assertThat(matching).as("routes for %s from %s in %s", prefix, peer, routes).hasSize(1);
        return matching.getFirst();
    }
}
