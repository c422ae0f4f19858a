package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;
import static org.peerage.interop.daemon.BirdGoBgpTest.only;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** GoBGP and OpenBGPD exchange IPv4 and IPv6 routes with attributes over one IPv4 session. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GoBgpOpenBgpdTest {

    @Test
    void routesWithAttributesBothWays() {
        String gobgpAddress = Ports.loopbackAddress();
        String openbgpdAddress = Ports.loopbackAddress();
        DaemonPeer openbgpd = DaemonPeer.builder()
                .local(64700, openbgpdAddress, Ports.freePort(openbgpdAddress))
                .remote(64601, gobgpAddress, Ports.freePort(gobgpAddress))
                .ipv6(true)
                .route(StaticRoute.of("10.4.0.0/24").withNextHop("192.0.2.44").withCommunities("64700:1")
                        .withLargeCommunities("64700:2:3").withExtCommunities("rt:64700:9").withMed(10)
                        .withOrigin(Origin.EGP))
                .route(StaticRoute.of("2001:db8:4::/48").withNextHop("2001:db8::44").withCommunities("64700:6"))
                .build();
        DaemonPeer gobgp = openbgpd.mirrored().toBuilder().passive(true)
                .route(StaticRoute.of("10.2.0.0/24").withNextHop("192.0.2.22").withCommunities("64601:1")
                        .withLargeCommunities("64601:6:6").withMed(5).withAsPath(65500L))
                .route(StaticRoute.of("2001:db8:2::/48").withNextHop("2001:db8::22").withLargeCommunities("64601:7:7"))
                .build();

        try (Daemon g = new GoBgp(gobgp).start(); Daemon o = new OpenBgpd(openbgpd).start()) {
            o.waitEstablished(WAIT);
            g.waitEstablished(WAIT);

            List<DaemonRoute> atGobgp = g.awaitReceivedRoutes(2, WAIT);
            DaemonRoute r = only(atGobgp, openbgpdAddress, "10.4.0.0/24");
            assertThat(r.asPath()).containsExactly(64700L);
            assertThat(r.nextHop()).isEqualTo("192.0.2.44");
            assertThat(r.communities()).containsExactly("64700:1");
            assertThat(r.largeCommunities()).containsExactly("64700:2:3");
            assertThat(r.extCommunities()).containsExactly("rt:64700:9");
            assertThat(r.med()).isEqualTo(10L);
            assertThat(r.origin()).isEqualTo(Origin.EGP);
            DaemonRoute r6 = only(atGobgp, openbgpdAddress, "2001:db8:4::/48");
            assertThat(r6.nextHop()).isEqualTo("2001:db8::44");
            assertThat(r6.communities()).containsExactly("64700:6");

            List<DaemonRoute> atOpenbgpd = o.awaitReceivedRoutes(2, WAIT);
            DaemonRoute g1 = only(atOpenbgpd, gobgpAddress, "10.2.0.0/24");
            assertThat(g1.asPath()).containsExactly(64601L, 65500L);
            assertThat(g1.nextHop()).isEqualTo("192.0.2.22");
            assertThat(g1.communities()).containsExactly("64601:1");
            assertThat(g1.largeCommunities()).containsExactly("64601:6:6");
            assertThat(g1.med()).isEqualTo(5L);
            DaemonRoute g6 = only(atOpenbgpd, gobgpAddress, "2001:db8:2::/48");
            assertThat(g6.nextHop()).isEqualTo("2001:db8::22");
            assertThat(g6.largeCommunities()).containsExactly("64601:7:7");

            o.announce(StaticRoute.sequence("10.44.0.0/24", 3).stream().map(x -> x.withCommunities("64700:44")).toList());
            assertThat(g.awaitReceivedRoutes(5, WAIT)).filteredOn(x -> x.prefix().startsWith("10.44."))
                    .allMatch(x -> x.communities().equals(List.of("64700:44")));
            o.withdraw(List.of(StaticRoute.of("10.4.0.0/24")));
            assertThat(g.awaitReceivedRoutes(4, WAIT)).noneMatch(x -> x.prefix().equals("10.4.0.0/24"));
        }
    }
}
