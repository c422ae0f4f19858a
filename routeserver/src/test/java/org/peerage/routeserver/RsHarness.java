package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;

/**
 * A route server started from YAML in this JVM, and peerage speakers as its clients, on 127.0.7.x. The route
 * server listens on 127.0.7.1; {@code %PORT%} in the YAML is its port.
 */
final class RsHarness implements AutoCloseable {
    static final String RS_ADDRESS = "127.0.7.1";
    final int port;
    final Transport transport = Transport.create(2);
    final RouteServer rs;
    final List<String> log = new ArrayList<>();
    final ByteArrayOutputStream events = new ByteArrayOutputStream();
    private final List<Speaker> speakers = new ArrayList<>();

    RsHarness(Path dir, String yaml) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path file = dir.resolve("rs.yaml");
        Files.writeString(file, yaml.replace("%PORT%", String.valueOf(port)));
        RouteServerConfig config = ConfigLoader.load(file);
        rs = new RouteServer(config, PolicyData.load(config, Instant.now()), transport, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        rs.start();
    }

    /**
     * A client speaker of {@code asn} at {@code address}; the routes' paths are what lies behind its own AS. It
     * reconnects after a failure, as a real client does.
     */
    Speaker.Spec client(String name, long asn, String address, RouteTable table) throws Exception {
        return client(name, PeerConfig.of(asn, 0x0A000000 + (int) (asn & 0xFFFF), 0)
                .withTimers(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), true), address,
                table, null);
    }

    Speaker.Spec client(String name, PeerConfig config, String address, RouteTable table, byte[] nextHop)
            throws Exception {
        InetAddress local = InetAddress.getByName(address);
        return new Speaker.Spec(name, config, SessionOptions.of(new InetSocketAddress(RS_ADDRESS, port), local),
                table, nextHop == null ? local.getAddress() : nextHop, null);
    }

    Speaker start(Speaker.Spec... specs) {
        Speaker s = new Speaker(transport, null, List.of(specs), new EventSink(events, System.nanoTime()), false);
        speakers.add(s);
        s.start();
        return s;
    }

    /** What the route server logged so far. */
    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    String events() {
        synchronized (events) {
            return events.toString(StandardCharsets.UTF_8);
        }
    }

    static RouteTable table(Object... prefixPathAndMore) {
        RouteTable t = new RouteTable();
        for (Object o : prefixPathAndMore) {
            Announcement a = (Announcement) o;
            t.put(a.prefix, a.attributes());
        }
        return t;
    }

    /** One announcement: prefix, the path behind the announcing client, communities. */
    record Announcement(Prefix prefix, long[] behind, int[] communities, int[] large) {
        List<PathAttribute> attributes() {
            List<PathAttribute> l = new ArrayList<>();
            l.add(Origin.of(Origin.IGP));
            l.add(AsPath.of(behind.length == 0 ? List.of() : List.of(AsPathSegment.sequence(behind))));
            if (communities.length > 0) l.add(Communities.of(communities));
            if (large.length > 0) l.add(LargeCommunities.of(large));
            return l;
        }
    }

    static Announcement route(String prefix, long... behind) {
        return new Announcement(Prefix.parse(prefix), behind, new int[0], new int[0]);
    }

    static Announcement withCommunities(String prefix, int[] communities, int... large) {
        return new Announcement(Prefix.parse(prefix), new long[0], communities, large);
    }

    static String path(Map<Route, List<PathAttribute>> rib, String prefix) {
        List<PathAttribute> attrs = rib.get(Route.of(Prefix.parse(prefix)));
        if (attrs == null) return null;
        return attrs.stream().filter(a -> a.typeCode() == AttributeType.AS_PATH.code()).findFirst().orElseThrow()
                .toString();
    }

    static String attribute(Map<Route, List<PathAttribute>> rib, String prefix, Class<?> type) {
        List<PathAttribute> attrs = rib.get(Route.of(Prefix.parse(prefix)));
        if (attrs == null) return null;
        return attrs.stream().filter(type::isInstance).map(a -> a instanceof NextHop n
                ? InetText.formatIpv4(n.address()) : a.toString()).findFirst().orElse("");
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(what, Duration.ofSeconds(20), condition);
    }

    static void waitFor(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + limit.toSeconds() + " s");
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        for (Speaker s : speakers) {
            s.shutdown("test over");
            s.close();
        }
        rs.close();
        transport.close();
    }
}
