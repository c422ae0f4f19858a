package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.routeserver.RsHarness.attribute;
import static org.peerage.routeserver.RsHarness.path;
import static org.peerage.routeserver.RsHarness.route;
import static org.peerage.routeserver.RsHarness.table;
import static org.peerage.routeserver.RsHarness.waitFor;
import static org.peerage.routeserver.RsHarness.withCommunities;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.routeserver.filter.RejectReason;

/** Export control, blackholing, max-prefix, ADD-PATH and a stalled client, with peerage speakers as clients. */
@Timeout(180)
class RouteServerPolicyTest {
    private static final int RS = 64500;
    private static final String CLIENTS = """
            asn: 64500
            router_id: 10.0.0.1
            listen: [127.0.7.1:%PORT%]
            %EXTRA%
            clients:
              - {asn: 3333, ip: 127.0.7.10}
              - {asn: 8283, ip: 127.0.7.11 %B%}
              - {asn: 20940, ip: 127.0.7.12 %C%}
              - {asn: 196610, ip: 127.0.7.13}
            """;

    private static String config(String extra, String b, String c) {
        return CLIENTS.replace("%EXTRA%", extra).replace("%B%", b).replace("%C%", c);
    }

    private static int[] large(int... values) {
        return values;
    }

    @Test
    void controlCommunitiesSteerEachRouteAndPathHidingFillsTheGap(@TempDir Path dir) throws Exception {
        try (RsHarness h = new RsHarness(dir, config("", "", ""))) {
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(
                            withCommunities("193.0.0.0/24", new int[0], large(RS, 0, 8283)),
                            withCommunities("193.0.1.0/24", new int[0], large(RS, 0, 0, RS, 1, 8283)),
                            withCommunities("193.0.2.0/24", new int[] {3333 << 16 | 100}, large(RS, 102, 8283)),
                            withCommunities("193.0.3.0/24", new int[0], large(RS, 0, 8283)),
                            withCommunities("193.0.4.0/24", new int[] {20940}))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()),
                    h.client("c", 20940, "127.0.7.12", new RouteTable()),
                    h.client("d", 196610, "127.0.7.13", table(route("193.0.3.0/24", 196611))));
            waitFor("b and c have their routes", () -> s.received().get("b") == 4 && s.received().get("c") == 3);
            Map<Route, List<PathAttribute>> b = s.adjRibIn("b");
            Map<Route, List<PathAttribute>> c = s.adjRibIn("c");
            assertThat(path(b, "193.0.0.0/24")).as("RS:0:8283: not to 8283").isNull();
            assertThat(path(c, "193.0.0.0/24")).isEqualTo("3333");
            assertThat(path(b, "193.0.1.0/24")).as("RS:0:0 with RS:1:8283: only to 8283").isEqualTo("3333");
            assertThat(path(c, "193.0.1.0/24")).isNull();
            assertThat(path(b, "193.0.2.0/24")).as("RS:102:8283: prepended twice to 8283").isEqualTo(
                    "3333 3333 3333");
            assertThat(path(c, "193.0.2.0/24")).isEqualTo("3333");
            assertThat(attribute(b, "193.0.2.0/24", Communities.class)).as("other communities pass").isEqualTo(
                    "3333:100");
            assertThat(attribute(b, "193.0.2.0/24", LargeCommunities.class)).as("RS:x:y are scrubbed").isEmpty();
            assertThat(path(b, "193.0.3.0/24")).as("the best path is hidden from 8283: it gets the next best")
                    .isEqualTo("196610 196611");
            assertThat(path(c, "193.0.3.0/24")).isEqualTo("3333");
            assertThat(path(b, "193.0.4.0/24")).isEqualTo("3333");
            assertThat(path(c, "193.0.4.0/24")).as("0:20940: not to 20940").isNull();
            assertThat(path(s.adjRibIn("d"), "193.0.3.0/24")).as("never back to the AS it came from")
                    .isEqualTo("3333");
        }
    }

    @Test
    void blackholesAreAcceptedInTheClientsSpaceRewrittenAndNotForEveryone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("irr.db"), """
                route: 193.0.0.0/21
                origin: AS3333
                source: TEST
                """);
        String yaml = config("""
                irr: {dumps: [irr.db]}
                filters: {irrdb: {enforce_origin_in_as_set: false}}
                blackhole_filtering: {rewrite_next_hop_ipv4: 192.0.2.66}""", "", ", blackhole_filtering: "
                + "{announce_to_client: false}");
        try (RsHarness h = new RsHarness(dir, yaml)) {
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(route("193.0.0.0/21"),
                            withCommunities("193.0.1.1/32", new int[] {Communities.BLACKHOLE}),
                            withCommunities("194.0.0.1/32", new int[] {Communities.BLACKHOLE}))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()),
                    h.client("c", 20940, "127.0.7.12", new RouteTable()));
            waitFor("b has both", () -> s.received().get("b") == 2);
            Map<Route, List<PathAttribute>> b = s.adjRibIn("b");
            assertThat(attribute(b, "193.0.1.1/32", NextHop.class)).as("rewritten to the blackhole address")
                    .isEqualTo("192.0.2.66");
            assertThat(attribute(b, "193.0.1.1/32", Communities.class)).isEqualTo("65535:666 65535:65281");
            assertThat(attribute(b, "193.0.0.0/21", NextHop.class)).isEqualTo("127.0.7.10");
            assertThat(path(b, "194.0.0.1/32")).isNull();
            assertThat(s.adjRibIn("c")).as("announce_to_client: false").doesNotContainKey(
                    Route.of(Prefix.parse("193.0.1.1/32")));
            assertThat(h.rs.routes(Prefix.parse("194.0.0.1/32"))).singleElement().satisfies(v -> {
                assertThat(v.rejected()).isEqualTo(RejectReason.BLACKHOLE_OUTSIDE_CLIENT_SPACE);
                assertThat(v.exportedTo()).isEmpty();
            });
        }
    }

    @Test
    void maxPrefixBlocksOrClosesAndRestartsTheSession(@TempDir Path dir) throws Exception {
        String yaml = config("", ", filters: {max_prefix: {limit_ipv4: 3, action: block}}",
                ", filters: {max_prefix: {limit_ipv4: 2, action: restart, restart_after: 2s}}");
        try (RsHarness h = new RsHarness(dir, yaml)) {
            PeerConfig restarting = PeerConfig.of(20940, 0x0A000002, 0).withTimers(Duration.ofMillis(300),
                    Duration.ofMillis(300), Duration.ofMillis(300), true);
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", new RouteTable()),
                    h.client("b", 8283, "127.0.7.11", table(route("193.0.0.0/24"), route("193.0.1.0/24"),
                            route("193.0.2.0/24"), route("193.0.3.0/24"), route("193.0.4.0/24"))),
                    h.client("c", restarting, "127.0.7.12", table(route("194.0.0.0/24"), route("194.0.1.0/24"),
                            route("194.0.2.0/24")), null));
            waitFor("the session over its limit is closed with Maximum Number of Prefixes Reached",
                    () -> h.events().contains("Maximum Number of Prefixes Reached"));
            waitFor("a has b's first three", () -> s.received().get("a") == 3);
            Thread.sleep(500);
            assertThat(s.adjRibIn("a").keySet()).as("nothing of c's survives its session")
                    .noneMatch(r -> r.prefix().toString().startsWith("194."));
            ClientView b = h.rs.clients().stream().filter(v -> v.asn() == 8283).findFirst().orElseThrow();
            assertThat(b.acceptedIpv4()).isEqualTo(3);
            assertThat(b.filtered()).containsEntry(RejectReason.MAX_PREFIX, 2L);
            waitFor("c comes back after restart_after", () -> h.events().split("\"established\"").length > 4);
            synchronized (h.log) {
                assertThat(h.log).anyMatch(l -> l.contains("max-prefix restart in 2 s"));
            }
        }
    }

    @Test
    void addPathClientsGetEveryAllowedPath(@TempDir Path dir) throws Exception {
        try (RsHarness h = new RsHarness(dir, config("", ", add_path: true", ""))) {
            PeerConfig addPath = PeerConfig.of(8283, 0x0A000003, 0)
                    .withAddPath(Map.of(AddressFamily.IPV4_UNICAST, AddPathMode.RECEIVE))
                    .withTimers(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), true);
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(route("193.0.0.0/24"))),
                    h.client("b", addPath, "127.0.7.11", new RouteTable(), null),
                    h.client("c", 20940, "127.0.7.12", new RouteTable()),
                    h.client("d", 196610, "127.0.7.13", table(route("193.0.0.0/24", 196611))));
            waitFor("b has both paths", () -> s.received().get("b") == 2 && s.received().get("c") == 1);
            assertThat(s.adjRibIn("b").keySet()).extracting(Route::pathId).doesNotHaveDuplicates()
                    .allMatch(id -> id > 0);
            assertThat(path(s.adjRibIn("c"), "193.0.0.0/24")).as("the others get the best one").isEqualTo("3333");
            s.sessions().getFirst().stop("a leaves").get();
            waitFor("b is left with d's path", () -> s.received().get("b") == 1);
            assertThat(s.adjRibIn("b").values()).singleElement().satisfies(attrs -> assertThat(attrs.toString())
                    .contains("196610 196611"));
        }
    }

    @Test
    void ipv6RoutesOverAnIpv4SessionKeepTheirNextHop(@TempDir Path dir) throws Exception {
        String yaml = CLIENTS.replace("%EXTRA%", "").replace("%B%", "").replace("%C%", "")
                .replace("{asn: 3333, ip: 127.0.7.10}", "{asn: 3333, ip: [127.0.7.10, \"2001:db8::10\"]}");
        try (RsHarness h = new RsHarness(dir, yaml)) {
            RouteTable v6 = table(route("2001:67c:2e8::/48"), route("2001:67c:2e9::/48", 196611),
                    route("2001:db8:1::/48"));
            Speaker s = h.start(
                    new Speaker.Spec("a", PeerConfig.of(3333, 0x0A000001, 0).withTimers(Duration.ofMillis(300),
                            Duration.ofMillis(300), Duration.ofMillis(300), true),
                            org.peerage.bgp.transport.SessionOptions.of(new java.net.InetSocketAddress(
                                    RsHarness.RS_ADDRESS, h.port), java.net.InetAddress.getByName("127.0.7.10")),
                            v6, null, org.peerage.bgp.wire.InetText.parseAddress("2001:db8::10")),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()));
            waitFor("b has the IPv6 routes", () -> s.received().get("b") == 2);
            Map<Route, List<PathAttribute>> b = s.adjRibIn("b");
            assertThat(path(b, "2001:67c:2e8::/48")).isEqualTo("3333");
            assertThat(path(b, "2001:67c:2e9::/48")).isEqualTo("3333 196611");
            assertThat(b.get(Route.of(Prefix.parse("2001:67c:2e8::/48"))).toString()).as("next hop kept")
                    .contains("MP_REACH_NLRI ipv6-unicast next-hop [32, 1, 13, -72");
            assertThat(h.rs.routes(Prefix.parse("2001:db8:1::/48"))).singleElement()
                    .extracting(RouteView::rejected).as("documentation space").isEqualTo(RejectReason.BOGON_PREFIX);
        }
    }

    @Test
    void gracefulShutdownMakesAPathLoseToEveryOther(@TempDir Path dir) throws Exception {
        try (RsHarness h = new RsHarness(dir, config("", "", ""))) {
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(withCommunities("193.0.0.0/24",
                            new int[] {Communities.GRACEFUL_SHUTDOWN}))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()),
                    h.client("d", 196610, "127.0.7.13", table(route("193.0.0.0/24", 196611, 196612))));
            waitFor("b has a route", () -> s.received().get("b") == 1 && s.received().get("a") == 1);
            Thread.sleep(300);
            assertThat(path(s.adjRibIn("b"), "193.0.0.0/24")).isEqualTo("196610 196611 196612");
        }
    }

    @Test
    void aClientThatStopsReadingDelaysNobodyAndCatchesUpLater(@TempDir Path dir) throws Exception {
        // One attribute set per route: about 10 MB of UPDATEs, well over what loopback socket buffers (autotuned to a
        // few MB) and the 1 MB output queue hold.
        int routes = 160_000;
        RouteTable big = new RouteTable();
        for (int i = 0; i < routes; i++) {
            List<PathAttribute> attrs = new java.util.ArrayList<>(new RsHarness.Announcement(null,
                    new long[] {196611 + i % 50}, new int[0], new int[0]).attributes());
            attrs.add(org.peerage.bgp.wire.attr.MultiExitDisc.of(i));
            big.put(Prefix.parse((60 + (i >> 16)) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF) + ".0/24"), attrs);
        }
        try (RsHarness h = new RsHarness(dir, config("", "", ""));
             RawBgpClient stalled = new RawBgpClient("127.0.7.12", RsHarness.RS_ADDRESS, h.port, 20940)) {
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", big),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()));
            RsHarness.waitFor("b has every route while c reads nothing", Duration.ofSeconds(90),
                    () -> s.received().get("b") == routes);
            assertThat(h.rs.sessions()).containsEntry("AS20940 127.0.7.12", SessionState.ESTABLISHED);
            ClientView c = h.rs.clients().stream().filter(v -> v.asn() == 20940).findFirst().orElseThrow();
            assertThat(c.pending()).as("held back as pending prefixes, not queued as messages: %s", c).isPositive();
            assertThat(stalled.readAll(routes)).as("c catches up in full").isEqualTo(routes);
        }
    }
}
