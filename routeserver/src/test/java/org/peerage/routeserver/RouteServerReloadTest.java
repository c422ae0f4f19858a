package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.routeserver.RsHarness.path;
import static org.peerage.routeserver.RsHarness.route;
import static org.peerage.routeserver.RsHarness.table;
import static org.peerage.routeserver.RsHarness.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;

/** Hitless reload: configuration and VRP changes applied without resetting unchanged sessions, differences only. */
@Timeout(120)
class RouteServerReloadTest {
    private static final String CONFIG = """
            asn: 64500
            router_id: 10.0.0.1
            listen: [127.0.7.1:%PORT%]
            rpki: {vrp_files: [vrps.json]}
            filters: {max_as_path_len: MAXLEN}
            clients:
              - {asn: 3333, ip: 127.0.7.10}
              - {asn: 8283, ip: 127.0.7.11}
            %MORE%
            """;

    private static void write(Path dir, String port, int maxLength, String more) throws Exception {
        Files.writeString(dir.resolve("rs.yaml"), CONFIG.replace("%PORT%", port).replace("MAXLEN",
                String.valueOf(maxLength)).replace("%MORE%", more));
    }

    private static ClientView view(RsHarness h, long asn) {
        return h.rs.clients().stream().filter(v -> v.asn() == asn).findFirst().orElseThrow();
    }

    @Test
    void changesApplyWithoutResettingUnchangedSessionsAndSendOnlyDifferences(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vrps.json"), "{\"roas\": []}");
        String d = "  - {asn: 196610, ip: 127.0.7.13}";
        try (RsHarness h = new RsHarness(dir, CONFIG.replace("MAXLEN", "10").replace("%MORE%", d))) {
            String port = String.valueOf(h.port);
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(route("193.0.0.0/24"),
                            route("193.0.1.0/24", 196611, 196612, 196613, 196614, 196615),
                            route("193.0.2.0/24", 196611))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()),
                    h.client("d", 196610, "127.0.7.13", table(route("194.0.0.0/24"))));
            try {
                waitFor("b has every route", () -> s.received().get("b") == 4);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; speaker events: " + h.events(), e);
            }
            long aSince = view(h, 3333).stateSinceMillis();
            long bSince = view(h, 8283).stateSinceMillis();
            long bSent = view(h, 8283).routesSent();

            // Tighter path length, d removed, c added.
            write(dir, port, 4, "  - {asn: 20940, ip: 127.0.7.12}");
            ReloadResult r = h.rs.reload();
            Speaker c = h.start(h.client("c", org.peerage.bgp.session.PeerConfig.of(20940, 0x0A000004, 0).withTimers(
                    java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(300),
                    true), "127.0.7.12", new RouteTable(), null));
            assertThat(r.applied()).as(r.summary()).isTrue();
            assertThat(r.added()).isEqualTo(1);
            assertThat(r.removed()).isEqualTo(1);
            assertThat(r.reset()).isZero();
            assertThat(r.changedPaths()).as("only the 6-AS path changes verdict").isEqualTo(1);
            waitFor("b lost the long path and d's route", () -> s.received().get("b") == 2);
            assertThat(path(s.adjRibIn("b"), "193.0.1.0/24")).isNull();
            assertThat(path(s.adjRibIn("b"), "193.0.0.0/24")).isEqualTo("3333");
            waitFor("the new client c has the accepted routes", () -> c.received().get("c") == 2);
            assertThat(view(h, 3333).stateSinceMillis()).as("a's session was not reset").isEqualTo(aSince);
            assertThat(view(h, 8283).stateSinceMillis()).as("b's session was not reset").isEqualTo(bSince);
            assertThat(view(h, 8283).routesSent() - bSent).as("b was sent the two withdrawals and nothing else")
                    .isEqualTo(2);
            assertThat(h.rs.sessions()).doesNotContainKey("AS196610 127.0.7.13")
                    .containsEntry("AS20940 127.0.7.12", SessionState.ESTABLISHED);
            assertThat(h.events()).contains("Peer De-configured");

            // A bad file is refused and the running configuration kept.
            Files.writeString(dir.resolve("rs.yaml"), Files.readString(dir.resolve("rs.yaml"))
                    .replace("max_as_path_len: 4", "max_as_path_len: many"));
            ReloadResult bad = h.rs.reload();
            assertThat(bad.applied()).isFalse();
            assertThat(bad.errors()).singleElement().asString().contains("rs.yaml:5: filters.max_as_path_len");
            assertThat(h.rs.config().filters().maxAsPathLength()).isEqualTo(4);

            // A ROA appears that makes one prefix invalid: only the paths under it are checked again.
            write(dir, port, 4, "  - {asn: 20940, ip: 127.0.7.12}");
            Files.writeString(dir.resolve("vrps.json"), """
                    {"roas": [{"asn": 9999, "prefix": "193.0.2.0/24", "maxLength": 24, "ta": "test"}]}""");
            Files.setLastModifiedTime(dir.resolve("vrps.json"), java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() + 5000));
            bSent = view(h, 8283).routesSent();
            ReloadResult vrp = h.rs.reload();
            assertThat(vrp.applied()).as(vrp.summary()).isTrue();
            assertThat(vrp.reevaluatedPaths()).as("only the path under the changed ROA").isEqualTo(1);
            assertThat(vrp.changedPaths()).isEqualTo(1);
            waitFor("b lost the now invalid route", () -> s.received().get("b") == 1);
            assertThat(view(h, 8283).routesSent() - bSent).isEqualTo(1);

            // A session parameter changes: that session alone is reset.
            write(dir, port, 4, "  - {asn: 20940, ip: 127.0.7.12, hold_time: 30}");
            ReloadResult hold = h.rs.reload();
            assertThat(hold.reset()).isEqualTo(1);
            assertThat(view(h, 8283).stateSinceMillis()).isEqualTo(bSince);
            waitFor("c is back", () -> Map.of("c", 1).equals(c.received())
                    && h.rs.sessions().get("AS20940 127.0.7.12") == SessionState.ESTABLISHED);
            assertThat(h.events()).contains("Other Configuration Change");
        }
    }

    @Test
    void aLargeRibIsCheckedAgainOnEveryCoreWithTheSameOutcome(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vrps.json"), "{\"roas\": []}");
        int prefixes = 30_000; // above the size from which the checks are split over the cores
        RouteTable table = new RouteTable();
        for (int i = 0; i < prefixes; i++) {
            var a = i % 3 == 0 ? route("1." + (i >> 8) + "." + (i & 255) + ".0/24", 196611, 196612, 196613, 196614,
                    196615) : route("1." + (i >> 8) + "." + (i & 255) + ".0/24", 196611);
            table.put(a.prefix(), a.attributes());
        }
        try (RsHarness h = new RsHarness(dir, CONFIG.replace("MAXLEN", "10").replace("%MORE%", ""))) {
            String port = String.valueOf(h.port);
            Speaker s = h.start(h.client("a", 3333, "127.0.7.10", table),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()));
            waitFor("b has every route", java.time.Duration.ofSeconds(60),
                    () -> s.received().getOrDefault("b", 0) == prefixes);
            long bSent = view(h, 8283).routesSent();

            write(dir, port, 4, "");
            ReloadResult r = h.rs.reload();
            assertThat(r.reevaluatedPaths()).as(r.summary()).isEqualTo(prefixes);
            assertThat(r.changedPaths()).as("every third path is now too long").isEqualTo(prefixes / 3);
            assertThat(r.changedPrefixes()).isEqualTo(prefixes / 3);
            waitFor("b lost the long paths", () -> s.received().get("b") == prefixes - prefixes / 3);
            assertThat(view(h, 3333).acceptedIpv4()).isEqualTo(prefixes - prefixes / 3);
            assertThat(view(h, 3333).filtered()).containsEntry(org.peerage.routeserver.filter.RejectReason
                    .AS_PATH_TOO_LONG, (long) (prefixes / 3));
            assertThat(path(s.adjRibIn("b"), "1.0.0.0/24")).isNull();
            assertThat(path(s.adjRibIn("b"), "1.0.1.0/24")).isEqualTo("3333 196611");

            write(dir, port, 10, "");
            ReloadResult back = h.rs.reload();
            assertThat(back.changedPaths()).isEqualTo(prefixes / 3);
            waitFor("b has every route again", () -> s.received().get("b") == prefixes);
            assertThat(view(h, 8283).routesSent() - bSent).as("withdrawn once, announced once").isEqualTo(
                    2L * (prefixes / 3));
        }
    }
}
