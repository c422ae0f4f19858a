package org.peerage.interop.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Prefix;
import org.peerage.interop.daemon.Bird2;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.DaemonRoute;
import org.peerage.interop.daemon.GoBgp;
import org.peerage.interop.daemon.Ports;
import org.peerage.interop.daemon.StaticRoute;
import org.peerage.interop.speaker.DaemonProcess;
import org.peerage.routeserver.RouteServer;
import org.peerage.routeserver.RouteView;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;
import org.peerage.routeserver.filter.RejectReason;

/**
 * The peerage route server with BIRD 2 and GoBGP as its clients on loopback: every import check with a route it
 * accepts and one it refuses, path hiding, control communities, blackholing, max-prefix (block, and a session
 * closed with Cease / Maximum Number of Prefixes Reached as BIRD reports it), and a frozen client that delays nobody.
 *
 * <p>The clients' next hops are documentation addresses (GoBGP and FRR refuse loopback next hops), authorized per
 * client with next_hop policy authorized_addresses.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RouteServerClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final long RS_AS = 64500;
    private static final long BIRD_A = 3333;
    private static final long GOBGP_B = 8283;
    private static final long BIRD_C = 20940;
    private static final long GOBGP_D = 196610;
    private static final long BIRD_E = 34762;

    @Test
    void importChecksExportControlBlackholingMaxPrefixAndAFrozenClient(@TempDir Path dir) throws Exception {
        String rsAddress = Ports.loopbackAddress();
        int rsPort = Ports.freePort(rsAddress);
        String a = Ports.loopbackAddress();
        String b = Ports.loopbackAddress();
        String c = Ports.loopbackAddress();
        String d = Ports.loopbackAddress();
        String e = Ports.loopbackAddress();
        int bPort = Ports.freePort(b);
        int dPort = Ports.freePort(d);

        Files.writeString(dir.resolve("irr.db"), """
                as-set: AS-A
                members: AS3333, AS196608
                source: TEST

                route: 193.0.0.0/23
                origin: AS3333
                source: TEST
                """ + routeObjects("193.0.%d.0/24", 0, 12, BIRD_A) + routeObjects("193.0.12.0/24", 0, 1, 196608)
                + routeObjects("194.0.%d.0/24", 0, 6, GOBGP_B) + routeObjects("193.0.%d.0/24", 0, 12, GOBGP_D)
                + routeObjects("195.0.%d.0/24", 0, 3, BIRD_E));
        Files.writeString(dir.resolve("vrps.json"), """
                {"roas": [
                  {"asn": 9999, "prefix": "193.0.5.0/24", "maxLength": 24, "ta": "test"},
                  {"asn": 3333, "prefix": "193.0.6.0/24", "maxLength": 24, "ta": "test"}
                ]}""");
        Files.writeString(dir.resolve("rs.yaml"), """
                asn: %d
                router_id: 10.0.0.1
                listen: ["%s:%d"]
                irr: {dumps: [irr.db]}
                rpki: {vrp_files: [vrps.json]}
                blackhole_filtering: {rewrite_next_hop_ipv4: 192.0.2.66}
                clients:
                  - asn: %d
                    ip: [%s]
                    filters:
                      irrdb: {as_sets: [AS-A]}
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [192.0.2.10]}
                  - asn: %d
                    ip: [%s]
                    passive: false
                    port: %d
                    filters:
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [192.0.2.11]}
                      max_prefix: {limit_ipv4: 4, action: block}
                  - asn: %d
                    ip: [%s]
                    hold_time: 9
                    filters:
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [192.0.2.12]}
                  - asn: %d
                    ip: [%s]
                    passive: false
                    port: %d
                    filters:
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [192.0.2.13]}
                  - asn: %d
                    ip: [%s]
                    filters:
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [192.0.2.14]}
                      max_prefix: {limit_ipv4: 2, action: shutdown}
                """.formatted(RS_AS, rsAddress, rsPort, BIRD_A, a, GOBGP_B, b, bPort, BIRD_C, c, GOBGP_D, d, dPort,
                BIRD_E, e));
        RouteServerConfig config = ConfigLoader.load(dir.resolve("rs.yaml"));
        List<String> log = Collections.synchronizedList(new ArrayList<>());

        long[] tooLong = new long[39];
        java.util.Arrays.fill(tooLong, BIRD_A);
        List<StaticRoute> fromA = List.of(
                route("193.0.0.0/24", "192.0.2.10"),                                       // accepted
                route("193.0.0.0/25", "192.0.2.10"),                                       // prefix too long
                route("10.0.0.0/8", "192.0.2.10"),                                         // bogon
                route("193.0.1.0/24", "192.0.2.10").withAsPath(64512L),                    // private AS
                route("193.0.2.0/24", "192.0.2.10").withAsPath(3356L, 196608L),            // transit-free
                route("193.0.3.0/24", "192.0.2.10").withAsPath(boxed(tooLong)),            // path too long
                route("193.0.4.0/24", "192.0.2.99"),                                       // foreign next hop
                route("193.0.5.0/24", "192.0.2.10"),                                       // RPKI invalid
                route("193.0.6.0/24", "192.0.2.10"),                                       // RPKI valid
                route("193.0.7.0/24", "192.0.2.10").withAsPath(8075L),                     // origin not in AS-A
                route("193.0.8.0/22", "192.0.2.10"),                                       // no route object
                route("193.0.12.0/24", "192.0.2.10").withAsPath(196608L),                  // origin via AS-A
                route("193.0.9.0/24", "192.0.2.10").withLargeCommunities(RS_AS + ":0:" + GOBGP_B),
                route("193.0.10.0/24", "192.0.2.10").withLargeCommunities(RS_AS + ":102:" + BIRD_C),
                route("193.0.11.1/32", "192.0.2.10").withCommunities("65535:666"));        // blackhole
        List<StaticRoute> fromB = StaticRoute.sequence("194.0.0.0/24", 6).stream()
                .map(r -> r.withNextHop("192.0.2.11")).toList();                          // 4 of 6: max-prefix block
        List<StaticRoute> fromD = List.of(
                route("193.0.0.0/24", "192.0.2.13").withAsPath(GOBGP_D),                  // longer than A's
                route("193.0.9.0/24", "192.0.2.13").withAsPath(GOBGP_D));                 // B gets this one
        List<StaticRoute> fromE = StaticRoute.sequence("195.0.0.0/24", 3).stream()
                .map(r -> r.withNextHop("192.0.2.14")).toList();                          // over 2: shut down

        try (Transport transport = Transport.create(2);
             RouteServer rs = new RouteServer(config, PolicyData.load(config, Instant.now()), transport, log::add);
             Daemon birdA = new Bird2(client(BIRD_A, a, rsAddress, rsPort, fromA, false)).start();
             Daemon gobgpB = new GoBgp(client(GOBGP_B, b, rsAddress, rsPort, fromB, true)
                     .toBuilder().local(GOBGP_B, b, bPort).build()).start();
             Daemon birdC = new Bird2(client(BIRD_C, c, rsAddress, rsPort, List.of(), false)).start();
             Daemon gobgpD = new GoBgp(client(GOBGP_D, d, rsAddress, rsPort, fromD, true)
                     .toBuilder().local(GOBGP_D, d, dPort).build()).start();
             Daemon birdE = new Bird2(client(BIRD_E, e, rsAddress, rsPort, fromE, false)).start()) {
            rs.start();
            birdA.waitEstablished(WAIT);
            gobgpB.waitEstablished(WAIT);
            birdC.waitEstablished(WAIT);
            gobgpD.waitEstablished(WAIT);

            // A's accepted: 193.0.0.0/24, 193.0.6.0/24, 193.0.12.0/24, 193.0.9.0/24, 193.0.10.0/24, the blackhole;
            // B's first four; D's two (193.0.0.0/24 loses to A's, 193.0.9.0/24 is hidden from nobody but B).
            List<DaemonRoute> atC = birdC.awaitReceivedRoutes(routes -> has(routes, "193.0.11.1/32")
                    && count(routes, "194.0.") == 4 && has(routes, "193.0.12.0/24"), WAIT);
            assertThat(prefixes(atC)).filteredOn(p -> !p.startsWith("194.")).containsExactlyInAnyOrder(
                    "193.0.0.0/24", "193.0.6.0/24", "193.0.12.0/24", "193.0.9.0/24", "193.0.10.0/24",
                    "193.0.11.1/32");
            DaemonRoute best = only(atC, "193.0.0.0/24");
            assertThat(best.asPath()).as("transparent: no route-server AS, the shorter path").containsExactly(BIRD_A);
            assertThat(best.nextHop()).isEqualTo("192.0.2.10");
            assertThat(only(atC, "193.0.10.0/24").asPath()).as("RS:102:20940 prepends twice towards 20940")
                    .containsExactly(BIRD_A, BIRD_A, BIRD_A);
            assertThat(only(atC, "193.0.6.0/24").largeCommunities()).as("RPKI valid, marked")
                    .containsExactly(RS_AS + ":1000:1");
            DaemonRoute blackhole = only(atC, "193.0.11.1/32");
            assertThat(blackhole.nextHop()).isEqualTo("192.0.2.66");
            assertThat(blackhole.communities()).contains("65535:666", "65535:65281");

            List<DaemonRoute> atB = gobgpB.awaitReceivedRoutes(routes -> has(routes, "193.0.11.1/32")
                    && has(routes, "193.0.9.0/24"), WAIT);
            assertThat(only(atB, "193.0.9.0/24").asPath()).as("RS:0:8283 hides A's path from B: D's instead")
                    .containsExactly(GOBGP_D, GOBGP_D);
            assertThat(only(atB, "193.0.10.0/24").asPath()).containsExactly(BIRD_A);
            assertThat(count(atB, "194.")).as("never its own routes back").isZero();

            assertThat(reason(rs, "193.0.0.0/25")).isEqualTo(RejectReason.PREFIX_TOO_LONG);
            assertThat(reason(rs, "10.0.0.0/8")).isEqualTo(RejectReason.BOGON_PREFIX);
            assertThat(reason(rs, "193.0.1.0/24")).isEqualTo(RejectReason.INVALID_ASN);
            assertThat(reason(rs, "193.0.2.0/24")).isEqualTo(RejectReason.TRANSIT_FREE_ASN);
            assertThat(reason(rs, "193.0.3.0/24")).isEqualTo(RejectReason.AS_PATH_TOO_LONG);
            assertThat(reason(rs, "193.0.4.0/24")).isEqualTo(RejectReason.NEXT_HOP_NOT_CLIENT);
            assertThat(reason(rs, "193.0.5.0/24")).isEqualTo(RejectReason.RPKI_INVALID);
            assertThat(reason(rs, "193.0.7.0/24")).isEqualTo(RejectReason.ORIGIN_NOT_IN_AS_SET);
            assertThat(reason(rs, "193.0.8.0/22")).isEqualTo(RejectReason.PREFIX_NOT_IN_AS_SET);
            assertThat(StaticRoute.sequence("194.0.0.0/24", 6).stream().map(r -> reason(rs, r.prefix())))
                    .as("B's routes beyond its limit of 4, whichever came last").containsOnly(null,
                            RejectReason.MAX_PREFIX).filteredOn(java.util.Objects::nonNull).hasSize(2);

            // E went over its limit of 2 with action shutdown: BIRD reports our Cease subcode.
            waitFor("BIRD E reports the max-prefix Cease", () -> ((Bird2) birdE).birdc("show protocols all")
                    .contains("Maximum number of prefixes reached"));
            assertThat(prefixes(birdC.receivedRoutes())).noneMatch(p -> p.startsWith("195."));

            // C stops reading (SIGSTOP); B and D still get a new route from A at once.
            DaemonProcess.freeze(birdC);
            try {
                birdA.announce(List.of(route("193.0.0.0/23", "192.0.2.10")));
                gobgpB.awaitReceivedRoutes(routes -> has(routes, "193.0.0.0/23"), Duration.ofSeconds(5));
                gobgpD.awaitReceivedRoutes(routes -> has(routes, "193.0.0.0/23"), Duration.ofSeconds(5));
            } finally {
                DaemonProcess.thaw(birdC);
            }
            birdC.awaitReceivedRoutes(routes -> has(routes, "193.0.0.0/23"), WAIT);
        }
    }

    private static DaemonPeer client(long asn, String address, String rs, int rsPort, List<StaticRoute> routes,
                                     boolean passive) {
        return DaemonPeer.builder().local(asn, address, Ports.freePort(address)).remote(RS_AS, rs, rsPort)
                .passive(passive).routes(routes).build();
    }

    private static StaticRoute route(String prefix, String nextHop) {
        return StaticRoute.of(prefix).withNextHop(nextHop);
    }

    private static Long[] boxed(long[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Long[]::new);
    }

    private static String routeObjects(String pattern, int from, int count, long origin) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append("\nroute: ").append(pattern.contains("%d") ? pattern.formatted(i) : pattern)
                    .append("\norigin: AS").append(origin).append("\nsource: TEST\n");
        }
        return sb.toString();
    }

    private static RejectReason reason(RouteServer rs, String prefix) {
        List<RouteView> views = rs.routes(Prefix.parse(prefix));
        assertThat(views).as("paths for %s", prefix).isNotEmpty();
        return views.getFirst().rejected();
    }

    private static boolean has(List<DaemonRoute> routes, String prefix) {
        return routes.stream().anyMatch(r -> r.prefix().equals(prefix));
    }

    private static long count(List<DaemonRoute> routes, String start) {
        return routes.stream().filter(r -> r.prefix().startsWith(start)).count();
    }

    private static List<String> prefixes(List<DaemonRoute> routes) {
        return routes.stream().map(DaemonRoute::prefix).toList();
    }

    private static DaemonRoute only(List<DaemonRoute> routes, String prefix) {
        List<DaemonRoute> m = routes.stream().filter(r -> r.prefix().equals(prefix)).toList();
        assertThat(m).as("routes for %s in %s", prefix, routes).hasSize(1);
        return m.getFirst();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
