package org.peerage.planner.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Origin;

/** Routing tables from the real MRT dumps in ../shared/data/mrt and from a live session with a peerage speaker. */
class RibLoadingTest {
    static Path mrt(String name) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return data.resolve("mrt").resolve(name);
    }

    private static String pathOf(RoutingTable t, String address) throws Exception {
        byte[] a = InetAddress.getByName(address).getAddress();
        int route = a.length == 4 ? t.lookupIpv4(Addresses.ipv4(a)) : t.lookupIpv6(Addresses.hi(a), Addresses.lo(a));
        return route < 0 ? null : t.prefix(route) + " " + t.asPaths().text(t.path(route));
    }

    @Test
    void ribDumpBestPerPrefixAndOnePeer() throws Exception {
        String file = mrt("pyasn_rib.20140523.0600_firstMB.bz2").toString();
        MrtRib.Loaded best = MrtRib.load(file, null);
        assertThat(best.damage()).isNotNull(); // the file is cut after its first MiB
        RoutingTable t = best.routes().build();
        assertThat(t.size()).isEqualTo(9072); // every prefix bgpdump prints before the cut
        assertThat(pathOf(t, "1.0.4.1")).isEqualTo("1.0.4.0/24 6939 7545 56203"); // the shortest of the peers'
        RoutingTable ntt = MrtRib.load(file, "as:2914").routes().build();
        assertThat(pathOf(ntt, "1.0.4.1")).isEqualTo("1.0.4.0/24 2914 174 7545 56203");
        assertThat(ntt.asPaths().nextAs(ntt.path(0))).isEqualTo(2914);
    }

    @Test
    void updatesReplayedForOnePeer() throws Exception {
        RoutingTable t = MrtRib.load(mrt("bgpdump_updates.et-header.2015.gz").toString(), "0").routes().build();
        // bgpdump's announcements minus withdrawals leave 577,703 prefixes; a session (and so the replay) also
        // treats as withdrawn the few UPDATEs RFC 7606 says to.
        assertThat(t.size()).isBetween(577_690, 577_703);
        assertThat(pathOf(t, "8.8.8.8")).isEqualTo("8.8.8.0/24 15169");
        assertThat(pathOf(t, "193.0.0.1")).isEqualTo("193.0.0.0/21 3333");
    }

    @Test
    @Timeout(60)
    void liveSessionWithAPeerageSpeaker() throws Exception {
        InetAddress them = InetAddress.getByName("127.0.6.1");
        InetAddress us = InetAddress.getByName("127.0.6.2");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RouteTable routes = new RouteTable();
        routes.put(Prefix.parse("192.0.2.0/24"), List.of(Origin.of(0),
                AsPath.of(List.of(AsPathSegment.sequence(64510, 3356, 15169)))));
        routes.put(Prefix.parse("2001:db8::/32"), List.of(Origin.of(0),
                AsPath.of(List.of(AsPathSegment.sequence(64510, 13335)))));
        PeerConfig config = PeerConfig.of(64510, 0x0A000001, 64520).withPassive(true)
                .withTimers(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), true);
        try (Transport transport = Transport.create(1);
             BgpListener listener = BgpListener.bind(transport, List.of(new InetSocketAddress(them, port)));
             Speaker speaker = new Speaker(transport, listener, List.of(new Speaker.Spec("announcer", config,
                     SessionOptions.of(new InetSocketAddress(us, port), them), routes, them.getAddress(),
                     InetAddress.getByName("2001:db8::1").getAddress())),
                     new EventSink(new ByteArrayOutputStream(), System.nanoTime()), false)) {
            speaker.start();
            RoutingTable t = BgpRib.load(new BgpRib.Session(new InetSocketAddress(them, port), 64510, 64520,
                    0x0A000002, us, false, 0, null), Duration.ofSeconds(30)).build();
            assertThat(t.size()).isEqualTo(2);
            // The speaker prepends its AS (eBGP); the path keeps the prepend, next and origin AS ignore it.
            assertThat(pathOf(t, "192.0.2.77")).isEqualTo("192.0.2.0/24 64510 64510 3356 15169");
            assertThat(pathOf(t, "2001:db8:1::1")).isEqualTo("2001:db8::/32 64510 64510 13335");
            int route = t.lookupIpv4(Addresses.ipv4(InetAddress.getByName("192.0.2.77").getAddress()));
            assertThat(t.asPaths().originAs(t.path(route))).isEqualTo(15169);
            assertThat(t.asPaths().nextAs(t.path(route))).isEqualTo(64510);
            speaker.shutdown("test done");
        }
    }
}
