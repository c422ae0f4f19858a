package org.peerage.routeserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;

/**
 * Runs the route server's hot paths once before it takes sessions: a route server of its own on a loopback address
 * and an ephemeral port, with a few clients in the same process announcing generated routes to each other, until
 * every client holds every other's. What the JIT compiler does then (UPDATE decoding, ingest, best path, export
 * plans and their encoding: 1.3-1.8 s of compiler CPU on two cores at 10 clients x 20,000 prefixes) is done when
 * the operator's clients come, which after a restart is all of them at once. Nothing of it stays: the route server,
 * its clients and their memory are gone when {@link #run} returns.
 */
public final class Warmup {
    private static final long RS_AS = 64_999;
    private static final long FIRST_CLIENT_AS = 65_001;

    private Warmup() {
    }

    /**
     * @param clients      how many clients (127.99.0.1 and up)
     * @param prefixesEach how many IPv4 prefixes each announces
     * @param limit        when to give up waiting (the compiled code is there either way)
     * @return whether every client received everything in time
     */
    public static boolean run(int clients, int prefixesEach, Duration limit) throws Exception {
        boolean complete = exercise(clients, prefixesEach, limit);
        // Here, not in exercise: there its frame still holds the route server and the clients.
        MemoryReturn.collectAndTrim();
        return complete;
    }

    private static boolean exercise(int clients, int prefixesEach, Duration limit) throws Exception {
        Path dir = Files.createTempDirectory("peerage-warmup-");
        Transport transport = Transport.create(0);
        RouteServer rs = null;
        Speaker speaker = null;
        try {
            Path yaml = dir.resolve("rs.yaml");
            Files.writeString(yaml, config(clients, freePort()));
            RouteServerConfig config = ConfigLoader.load(yaml);
            rs = new RouteServer(config, PolicyData.load(config, Instant.now()), transport, line -> { });
            rs.start();
            speaker = new Speaker(transport, null, specs(clients, prefixesEach, rs.listening().getFirst()),
                    new EventSink(OutputStream.nullOutputStream(), 0), false);
            speaker.countOnly();
            speaker.start();
            return awaitEverything(speaker, (long) clients * (clients - 1) * prefixesEach, limit);
        } finally {
            if (speaker != null) speaker.close();
            if (rs != null) rs.close();
            transport.close();
            delete(dir);
        }
    }

    /** A port free on 127.0.0.1 now (the configuration names a port; none is reserved for this). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String config(int clients, int port) {
        StringBuilder y = new StringBuilder("asn: " + RS_AS + "\nrouter_id: 10.99.0.1\n"
                + "listen: [\"127.0.0.1:" + port + "\"]\nfilters: {enabled: false}\nclients:\n");
        for (int i = 0; i < clients; i++) {
            y.append("  - {asn: ").append(FIRST_CLIENT_AS + i).append(", ip: [127.99.0.").append(i + 1).append("]}\n");
        }
        return y.toString();
    }

    /** Each client: /24s of its own with AS paths of two to four ASes and a community, as real tables have. */
    private static List<Speaker.Spec> specs(int clients, int prefixesEach, InetSocketAddress rs) throws IOException {
        List<Speaker.Spec> specs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long asn = FIRST_CLIENT_AS + i;
            RouteTable routes = new RouteTable();
            for (int j = 0; j < prefixesEach; j++) {
                int network = 0x1400_0000 + (i * prefixesEach + j << 8);
                Prefix p = Prefix.of(false, 24, new byte[] {(byte) (network >>> 24), (byte) (network >>> 16),
                        (byte) (network >>> 8)});
                List<PathAttribute> attributes = List.of(Origin.of(Origin.IGP),
                        AsPath.of(List.of(j % 3 == 0 ? AsPathSegment.sequence(asn, 3000 + j % 50)
                                : AsPathSegment.sequence(asn, 3000 + j % 50, 10_000 + j % 997))),
                        MultiExitDisc.of(j % 5), Communities.of((int) (asn << 16 | j % 7)));
                routes.put(p, attributes);
            }
            PeerConfig c = PeerConfig.of(asn, 0x0A63_0000 | i + 1, RS_AS)
                    .withTimers(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(1), true);
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 99, 0, (byte) (i + 1)});
            specs.add(new Speaker.Spec("warm-up " + (i + 1), c, SessionOptions.of(rs, local), routes,
                    new byte[] {(byte) 198, 18, 99, (byte) (i + 1)}, null));
        }
        return specs;
    }

    private static boolean awaitEverything(Speaker speaker, long routes, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (speaker.received().values().stream().mapToLong(Integer::longValue).sum() >= routes) return true;
            Thread.sleep(20);
        }
        return false;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
