package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;

/** The minimal configuration of the issue, with three peerage speakers as clients, all in one JVM on loopback. */
@Timeout(60)
class RouteServerTest {
    private static final Prefix CONTESTED = Prefix.parse("192.0.2.0/24");
    private static final Prefix ONLY_B = Prefix.parse("198.51.100.0/24");

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static RouteTable routes(Object... prefixAndPath) {
        RouteTable t = new RouteTable();
        for (int i = 0; i < prefixAndPath.length; i += 2) {
            long[] behind = (long[]) prefixAndPath[i + 1];
            // The speaker prepends its own AS: the stored path is what lies behind it.
            t.put((Prefix) prefixAndPath[i], List.of(Origin.of(0), AsPath.of(behind.length == 0 ? List.of()
                    : List.of(AsPathSegment.sequence(behind)))));
        }
        return t;
    }

    private static Speaker.Spec client(String name, long asn, String address, int rsPort, RouteTable table)
            throws Exception {
        InetAddress local = InetAddress.getByName(address);
        PeerConfig c = PeerConfig.of(asn, 0x0A000000 + (int) (asn & 0xFF), 65000)
                .withTimers(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), true);
        return new Speaker.Spec(name, c, SessionOptions.of(new InetSocketAddress("127.0.7.1", rsPort), local),
                table, local.getAddress(), null);
    }

    @Test
    void transparentBestPathPerClientWithPathHidingAndWithdrawalOnSessionLoss(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path yaml = dir.resolve("rs.yaml");
        Files.writeString(yaml, """
                asn: 65000
                router_id: 10.0.0.1
                listen: [127.0.7.1:%d]
                filters:
                  enabled: false          # every import check off (default: on, with the defaults below)
                clients:
                  - asn: 64600
                    ip: [127.0.7.10]
                  - asn: 64601
                    ip: [127.0.7.11]
                  - asn: 64602
                    ip: [127.0.7.12]
                """.formatted(port));
        RouteServerConfig config = ConfigLoader.load(yaml);
        List<String> log = new ArrayList<>();
        try (Transport transport = Transport.create(2);
             RouteServer rs = new RouteServer(config, PolicyData.builtIn(), transport, line -> { synchronized (log) { log.add(line); } })) {
            rs.start();
            ByteArrayOutputStream events = new ByteArrayOutputStream();
            Speaker clients = new Speaker(transport, null, List.of(
                    client("a", 64600, "127.0.7.10", port, routes(CONTESTED, new long[0])),
                    client("b", 64601, "127.0.7.11", port, routes(CONTESTED, new long[] {3356},
                            ONLY_B, new long[0])),
                    client("c", 64602, "127.0.7.12", port, new RouteTable())),
                    new EventSink(events, System.nanoTime()), false);
            clients.start();
            try {
                waitFor(() -> clients.received().equals(Map.of("a", 2, "b", 1, "c", 2)));
            } catch (AssertionError e) {
                synchronized (log) {
                    throw new AssertionError("clients have " + clients.received() + "; route server: "
                            + rs.clients() + "; log: " + log + "; events: " + events, e);
                }
            }

            Map<Route, List<PathAttribute>> c = clients.adjRibIn("c");
            assertThat(path(c, CONTESTED)).as("the shorter path, and no route-server AS in it").isEqualTo("64600");
            assertThat(nextHop(c, CONTESTED)).as("next hop unchanged").isEqualTo("127.0.7.10");
            assertThat(path(c, ONLY_B)).isEqualTo("64601");
            // a's own path is the best; it gets the best path from another AS instead.
            assertThat(path(clients.adjRibIn("a"), CONTESTED)).isEqualTo("64601 3356");
            assertThat(path(clients.adjRibIn("b"), CONTESTED)).isEqualTo("64600");
            assertThat(rs.counts()).containsExactly(2, 3, 3);

            clients.sessions().getFirst().stop("a leaves").get();
            try {
                waitFor(() -> path(clients.adjRibIn("c"), CONTESTED).equals("64601 3356"));
            } catch (AssertionError e) {
                synchronized (log) {
                    throw new AssertionError("c has " + clients.adjRibIn("c") + "; route server: " + rs.clients()
                            + "; log: " + log, e);
                }
            }
            assertThat(clients.adjRibIn("b")).doesNotContainKey(Route.of(CONTESTED));
            Thread.sleep(1500);
            synchronized (log) {
                assertThat(log.stream().filter(l -> l.startsWith("AS64600 127.0.7.10 down")).count())
                        .as("one down per session loss: %s", log).isEqualTo(1);
            }
            clients.close();
        }
    }

    private static String path(Map<Route, List<PathAttribute>> rib, Prefix p) {
        List<PathAttribute> attrs = rib.get(Route.of(p));
        if (attrs == null) return "";
        return attrs.stream().filter(a -> a.typeCode() == AttributeType.AS_PATH.code()).findFirst().orElseThrow()
                .toString();
    }

    private static String nextHop(Map<Route, List<PathAttribute>> rib, Prefix p) {
        return rib.get(Route.of(p)).stream().filter(a -> a instanceof NextHop).findFirst().orElseThrow().toString();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
