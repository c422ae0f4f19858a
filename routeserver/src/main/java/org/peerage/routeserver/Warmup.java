package org.peerage.routeserver;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.Locale;
import java.util.stream.Stream;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;

/**
 * Runs the route server's hot paths before it takes sessions: a route server of its own on a loopback address and
 * an ephemeral port, with a few clients in the same process announcing generated routes to each other until every
 * client holds every other's, twice, each time until the JIT compilers are idle. What they do then (UPDATE
 * decoding, ingest, best path, export plans and their encoding) is done when the operator's clients come, which
 * after a restart is all of them at once. Nothing of it stays: the route server, its clients and their memory are
 * gone when {@link #run} returns.
 */
public final class Warmup {
    private static final long RS_AS = 64_999;
    private static final long FIRST_CLIENT_AS = 65_001;
    /**
     * Two exchanges: in the first the compiler queue is long, and HotSpot raises its thresholds with the queue's
     * length, so the ingest and export loops are still C1 code at its end; the second gets them to C2.
     */
    private static final int ROUNDS = 2;
    /** At most this long for the compilers to finish what the exercise gave them (seen: 1-3 s on two cores). */
    private static final Duration COMPILER_WAIT = Duration.ofSeconds(20);
    private static final Duration COMPILER_IDLE = Duration.ofMillis(500);

    private Warmup() {
    }

    /**
     * @param operator     the configuration the route server will run: the warm-up's own takes its settings that
     *                     change what is sent (informational communities, the RFC 1997 policy), so that the code
     *                     compiled is that of the branches the operator's routes take
     * @param clients      how many clients (127.99.0.1 and up)
     * @param prefixesEach how many IPv4 prefixes each announces
     * @param limit        when to give up waiting (the compiled code is there either way)
     * @return whether every client received everything in time
     */
    public static boolean run(RouteServerConfig operator, int clients, int prefixesEach, Duration limit)
            throws Exception {
        boolean complete = true;
        for (int round = 0; round < ROUNDS; round++) {
            complete &= exercise(operator, clients, prefixesEach, limit);
            awaitCompilersIdle(COMPILER_WAIT);
        }
        // Here, not in exercise: there its frame still holds the route server and the clients.
        MemoryReturn.collectAndTrim();
        return complete;
    }

    private static boolean exercise(RouteServerConfig operator, int clients, int prefixesEach, Duration limit)
            throws Exception {
        Path dir = Files.createTempDirectory("peerage-warmup-");
        Transport transport = Transport.create(0);
        RouteServer rs = null;
        Speaker speaker = null;
        try {
            Path yaml = dir.resolve("rs.yaml");
            Files.writeString(yaml, config(operator, clients, freePort()));
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

    /**
     * Waits until the JIT compilers have finished nothing for {@link #COMPILER_IDLE}: the exercise leaves a queue of
     * methods that became hot near its end (on two cores the route server used to listen with it still long), and
     * the next exchange, or the clients, should find them compiled rather than wait on the queue.
     */
    private static void awaitCompilersIdle(Duration limit) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) return;
        long deadline = System.nanoTime() + limit.toNanos();
        long idleSince = System.nanoTime();
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() - idleSince < COMPILER_IDLE.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            long total = jit.getTotalCompilationTime();
            if (total != last) idleSince = System.nanoTime();
            last = total;
        }
    }

    /** A port free on 127.0.0.1 now (the configuration names a port; none is reserved for this). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Filters off (its routes are generated, not registered), the operator's export settings, its own clients. */
    static String config(RouteServerConfig operator, int clients, int port) {
        StringBuilder y = new StringBuilder("asn: " + RS_AS + "\nrouter_id: 10.99.0.1\n"
                + "listen: [\"127.0.0.1:" + port + "\"]\nfilters: {enabled: false}\n"
                + "informational_communities: " + operator.informationalCommunities() + "\n"
                + "rfc1997_wellknown_communities: {policy: "
                + operator.wellKnownCommunities().name().toLowerCase(Locale.ROOT) + "}\nclients:\n");
        for (int i = 0; i < clients; i++) {
            y.append("  - {asn: ").append(FIRST_CLIENT_AS + i).append(", ip: [127.99.0.").append(i + 1).append("]}\n");
        }
        return y.toString();
    }

    /**
     * Each client: prefixes of its own in the mix of lengths and attributes a real table has (mostly /24s, some
     * shorter down to /16, a few longer; AS paths of one to six ASes with prepends and now and then an AS_SET;
     * one to four communities; AGGREGATOR and ATOMIC_AGGREGATE on some), so that the compiled code's branch and
     * type profiles are those of the operator's routes and not of one uniform shape.
     */
    private static List<Speaker.Spec> specs(int clients, int prefixesEach, InetSocketAddress rs) throws IOException {
        List<Speaker.Spec> specs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long asn = FIRST_CLIENT_AS + i;
            RouteTable routes = new RouteTable();
            long next = 0x1400_0000L + ((long) i << 26);
            for (int j = 0; j < prefixesEach; j++) {
                int length = prefixLength(j);
                long size = 1L << 32 - length;
                long network = next + size - 1 & -size;
                next = network + size;
                routes.put(prefix((int) network, length), attributes(asn, j));
            }
            PeerConfig c = PeerConfig.of(asn, 0x0A63_0000 | i + 1, RS_AS)
                    .withTimers(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(1), true);
            InetAddress local = InetAddress.getByAddress(new byte[] {127, 99, 0, (byte) (i + 1)});
            specs.add(new Speaker.Spec("warm-up " + (i + 1), c, SessionOptions.of(rs, local), routes,
                    new byte[] {(byte) 198, 18, 99, (byte) (i + 1)}, null));
        }
        return specs;
    }

    /** Roughly the DFZ's share per length: 60 % /24, then /22, /23, /21, /20, /19, /16, and one in 200 longer. */
    private static int prefixLength(int j) {
        int k = j % 200;
        if (k == 0) return 28 + j / 200 % 5;
        if (k < 120) return 24;
        if (k < 145) return 22;
        if (k < 165) return 23;
        if (k < 178) return 21;
        if (k < 188) return 20;
        if (k < 196) return 19;
        return 16 + k % 3;
    }

    private static Prefix prefix(int network, int length) {
        byte[] bytes = new byte[(length + 7) / 8];
        for (int b = 0; b < bytes.length; b++) bytes[b] = (byte) (network >>> 24 - 8 * b);
        return Prefix.of(false, length, bytes);
    }

    private static List<PathAttribute> attributes(long asn, int j) {
        List<PathAttribute> a = new ArrayList<>(6);
        a.add(Origin.of(j % 11 == 0 ? Origin.INCOMPLETE : Origin.IGP));
        long[] path = new long[1 + j % 6];
        path[0] = asn;
        for (int k = 1; k < path.length; k++) path[k] = 3000 + (j * 31 + k * 7) % 400;
        if (j % 13 == 0 && path.length > 2) path[path.length - 2] = path[path.length - 1];
        AsPathSegment sequence = AsPathSegment.sequence(path);
        a.add(AsPath.of(j % 97 == 0 ? List.of(sequence, AsPathSegment.set(20_000 + j % 50, 20_100 + j % 50))
                : List.of(sequence)));
        if (j % 4 != 0) a.add(MultiExitDisc.of(j % 5));
        int[] communities = new int[1 + j % 4];
        for (int k = 0; k < communities.length; k++) communities[k] = (int) (asn << 16 | (j + k) % 300);
        a.add(Communities.of(communities));
        if (j % 9 == 0) {
            a.add(AtomicAggregate.of());
            a.add(Aggregator.of(path[path.length - 1], 0xAC10_0000 | j & 0xFFFF));
        }
        return a;
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
