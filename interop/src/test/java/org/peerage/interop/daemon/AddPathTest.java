package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ADD-PATH (RFC 7911): BIRD and GoBGP send each other two paths for one prefix, and only one without ADD-PATH; FRR,
 * OpenBGPD and ExaBGP receive BIRD's two paths and show their path ids.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddPathTest {

    private static DaemonPeer bird(AddPath addPath) {
        String birdAddress = Ports.loopbackAddress();
        String gobgpAddress = Ports.loopbackAddress();
        return DaemonPeer.builder()
                .local(65001, birdAddress, Ports.freePort(birdAddress))
                .remote(64601, gobgpAddress, Ports.freePort(gobgpAddress))
                .addPath(addPath)
                .route(StaticRoute.of("10.1.0.0/24").withNextHop("192.0.2.11").withCommunities("65001:1").withPathId(1))
                .route(StaticRoute.of("10.1.0.0/24").withNextHop("192.0.2.12").withCommunities("65001:2").withPathId(2))
                .build();
    }

    private static DaemonPeer gobgp(DaemonPeer bird) {
        return bird.mirrored().toBuilder().passive(true)
                .route(StaticRoute.of("10.2.0.0/24").withNextHop("192.0.2.21").withPathId(1))
                .route(StaticRoute.of("10.2.0.0/24").withNextHop("192.0.2.22").withAsPath(65500L).withPathId(2))
                .build();
    }

    @Test
    void bothPathsOfAPrefixCrossEachWay() {
        DaemonPeer bird = bird(AddPath.BOTH);
        try (Daemon g = new GoBgp(gobgp(bird)).start(); Daemon b = new Bird2(bird).start()) {
            List<DaemonRoute> atGobgp = g.awaitReceivedRoutes(2, WAIT);
            assertThat(atGobgp).allMatch(r -> r.prefix().equals("10.1.0.0/24") && r.peer().equals(bird.localAddress()));
            assertThat(atGobgp).extracting(DaemonRoute::nextHop).containsExactlyInAnyOrder("192.0.2.11", "192.0.2.12");
            assertThat(atGobgp).extracting(DaemonRoute::communities)
                    .containsExactlyInAnyOrder(List.of("65001:1"), List.of("65001:2"));
            assertThat(atGobgp).extracting(DaemonRoute::pathId).doesNotContainNull().doesNotHaveDuplicates();

            List<DaemonRoute> atBird = b.awaitReceivedRoutes(2, WAIT);
            assertThat(atBird).allMatch(r -> r.prefix().equals("10.2.0.0/24"));
            assertThat(atBird).extracting(DaemonRoute::nextHop).containsExactlyInAnyOrder("192.0.2.21", "192.0.2.22");
            assertThat(atBird).extracting(DaemonRoute::asPath)
                    .containsExactlyInAnyOrder(List.of(64601L), List.of(64601L, 65500L));
        }
    }

    @Test
    void withoutAddPathOnlyOnePathCrosses() throws InterruptedException {
        DaemonPeer bird = bird(AddPath.NONE);
        try (Daemon g = new GoBgp(gobgp(bird)).start(); Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            g.waitEstablished(WAIT);
            g.awaitReceivedRoutes(1, WAIT);
            b.awaitReceivedRoutes(1, WAIT);
            Thread.sleep(500);
            assertThat(g.receivedRoutes()).hasSize(1).allMatch(r -> r.pathId() == null);
            assertThat(b.receivedRoutes()).hasSize(1);
        }
    }

    static Stream<Named<Function<DaemonPeer, Daemon>>> receivers() {
        return Stream.of(Named.of("FRR", Frr::new), Named.of("OpenBGPD", OpenBgpd::new), Named.of("ExaBGP", ExaBgp::new));
    }

    @ParameterizedTest
    @MethodSource("receivers")
    void otherDaemonsReceiveBothPathsWithTheirIds(Function<DaemonPeer, Daemon> receiver) {
        DaemonPeer bird = bird(AddPath.SEND);
        try (Daemon r = receiver.apply(bird.mirrored().toBuilder().passive(true).build()).start();
                Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            List<DaemonRoute> received = r.awaitReceivedRoutes(2, WAIT);
            assertThat(received).allMatch(x -> x.prefix().equals("10.1.0.0/24") && x.asPath().equals(List.of(65001L)));
            assertThat(received).extracting(DaemonRoute::nextHop).containsExactlyInAnyOrder("192.0.2.11", "192.0.2.12");
            assertThat(received).extracting(DaemonRoute::pathId).doesNotContainNull().doesNotHaveDuplicates();
        }
    }
}
