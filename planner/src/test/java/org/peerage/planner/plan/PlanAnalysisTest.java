package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.planner.plan.PlanResult.Candidate;
import org.peerage.planner.plan.PlanResult.Option;
import org.peerage.planner.plan.PlanResult.OptionKind;
import org.peerage.planner.plan.traffic.TrafficData;
import org.peerage.registry.ImportOutcome;
import org.peerage.registry.RegistryImporter;
import org.peerage.registry.store.RegistryDatabase;

/**
 * A plan small enough to compute by hand: 20 five-minute samples, one transit provider (AS3356, 1.00 per Mbps, no
 * commit), three destinations, outbound only:
 * <ul>
 * <li>AS65001 (open, at exchange X on the route servers): 100 Mbps in every sample, IPv4 — P95 100;</li>
 * <li>AS65002 (selective, at X on the route servers): 10·i Mbps in sample i, IPv6 — P95 (rank 18) 180;</li>
 * <li>AS65003 (open, at no exchange of the plan): 50 Mbps, IPv4.</li>
 * </ul>
 * Exchange X: F_d = port 150; reseller R reaches it for F_r = 100 and v = 0.5 per Mbps.
 * Provider's series: 150 + 10·i, P95 330, bill 330. Values: A 100, B 180, C 50 (not meetable).
 * Open X directly: 150 fixed, A and B over the route servers at no session cost: 280 saved, the plan saves
 * 280 - 150 = 130 (linear). Remote: 100 + 0.5 x 280 = 240 > 150. Residual series 50: bill 50.
 * Total after: 50 + 150 = 200; saving 330 - 200 = 130.
 */
class PlanAnalysisTest {
    @TempDir
    static Path dir;
    static PlanResult r;

    @BeforeAll
    static void run() throws Exception {
        Path traffic = Files.createDirectories(dir.resolve("traffic"));
        StringBuilder csv = new StringBuilder("start,end,dst,direction,next_as,origin_as,scaled_bytes\n");
        for (int i = 0; i < 20; i++) {
            String t = String.format(Locale.ROOT, "2026-01-01 %02d:%02d:10", i / 12, (i % 12) * 5);
            String e = String.format(Locale.ROOT, "2026-01-01 %02d:%02d:20", i / 12, (i % 12) * 5);
            // Mbps x 1e6 / 8 x 300 s = bytes in a bucket: 1 Mbps = 37,500,000 bytes.
            csv.append(t).append(',').append(e).append(",11.0.0.1,out,3356,65001,").append(100 * 37_500_000L)
                    .append('\n');
            if (i > 0) {
                csv.append(t).append(',').append(e).append(",2a01:2::1,out,3356,65002,").append(10L * i * 37_500_000L)
                        .append('\n');
            }
            csv.append(t).append(',').append(e).append(",11.0.2.1,out,3356,65003,").append(50 * 37_500_000L)
                    .append('\n');
        }
        Files.writeString(traffic.resolve("flows.csv"), csv);
        Path dump = dir.resolve("peeringdb_2_dump_test.json");
        Files.writeString(dump, """
                {"org": {"data": [{"id": 1, "name": "Org", "status": "ok"}]},
                 "net": {"data": [
                   {"id": 1, "org_id": 1, "asn": 65001, "name": "Alpha", "policy_general": "Open", "status": "ok"},
                   {"id": 2, "org_id": 1, "asn": 65002, "name": "Beta", "policy_general": "Selective", "status": "ok"},
                   {"id": 3, "org_id": 1, "asn": 65003, "name": "Gamma", "policy_general": "Open", "status": "ok"}]},
                 "fac": {"data": [{"id": 10, "org_id": 1, "name": "Fac One", "city": "Frankfurt", "country": "DE",
                   "latitude": 50.1, "longitude": 8.7, "status": "ok"}]},
                 "ix": {"data": [{"id": 1, "org_id": 1, "name": "X", "city": "Frankfurt", "country": "DE",
                   "status": "ok"}]},
                 "ixlan": {"data": [{"id": 1, "ix_id": 1, "status": "ok"}]},
                 "ixfac": {"data": [{"id": 1, "ix_id": 1, "fac_id": 10, "status": "ok"}]},
                 "netfac": {"data": [{"id": 1, "net_id": 2, "fac_id": 10, "local_asn": 65002, "status": "ok"}]},
                 "netixlan": {"data": [
                   {"id": 1, "net_id": 1, "ix_id": 1, "ixlan_id": 1, "asn": 65001, "speed": 10000,
                    "ipaddr4": "185.1.0.1", "is_rs_peer": true, "operational": true, "status": "ok"},
                   {"id": 2, "net_id": 2, "ix_id": 1, "ixlan_id": 1, "asn": 65002, "speed": 10000,
                    "ipaddr4": "185.1.0.2", "is_rs_peer": true, "operational": true, "status": "ok"}]}}
                """);
        try (RegistryDatabase db = RegistryDatabase.openForWriting(dir.resolve("registry.duckdb"))) {
            ImportOutcome o = new RegistryImporter(db).importFile(dump.toString());
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        }
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                asn: 64500
                pops:
                  - name: fra
                    latitude: 50.0
                    longitude: 8.0
                transit:
                  - name: T
                    asn: 3356
                    price_per_mbps: 1.0
                ixps:
                  - name: X
                    registry_id: 1
                    port_mbps: 10000
                    port_monthly: 150
                remote_peering:
                  - reseller: R
                    ixps: [X]
                    monthly: 100
                    per_mbps: 0.5
                    port_mbps: 10000
                inputs:
                  traffic: traffic
                  registry: registry.duckdb
                """);
        r = PlanAnalysis.run(PlanLoader.load(plan), Progress.SILENT);
    }

    private static Candidate candidate(long asn) {
        return r.candidates().stream().filter(c -> c.asn() == asn).findFirst().orElseThrow();
    }

    @Test
    void bills() {
        assertThat(r.summary().samples()).isEqualTo(20);
        assertThat(r.summary().transitNow()).isCloseTo(330, within(1e-6));
        assertThat(r.summary().transitAfter()).isCloseTo(50, within(1e-6));
        assertThat(r.summary().peeringCost()).isCloseTo(150, within(1e-6));
        assertThat(r.summary().saving()).isCloseTo(130, within(1e-6));
        // Per family: IPv4 carries A + C = 150 in every sample; IPv6 carries B, P95 180.
        var now = r.transit().getFirst().now();
        assertThat(now.get("IPv4").billedMbps()).isCloseTo(150, within(1e-6));
        assertThat(now.get("IPv6").billedMbps()).isCloseTo(180, within(1e-6));
    }

    @Test
    void candidates() {
        Candidate a = candidate(65001);
        Candidate b = candidate(65002);
        Candidate c = candidate(65003);
        assertThat(a.offloadMbps().get("all")).isCloseTo(100, within(1e-6));
        assertThat(a.offloadMbps().get("IPv6")).isZero();
        assertThat(b.offloadMbps().get("IPv6")).isCloseTo(180, within(1e-6));
        assertThat(b.transitValue()).isCloseTo(180, within(1e-6));
        assertThat(b.policy()).isEqualTo("selective");
        assertThat(b.meetings()).singleElement().satisfies(m -> assertThat(m.routeServerPath()).isTrue());
        assertThat(b.sharedFacilities()).containsExactly("Fac One (X)");
        assertThat(c.eligible()).isFalse();
        assertThat(c.reason()).contains("not at any");
        // Ranked by net saving alone: B 180 - 150 = 30 (route server at X), then A 100 - 150 = -50.
        assertThat(b.rank()).isLessThan(a.rank());
        assertThat(b.netSaving()).isCloseTo(30, within(1e-6));
        assertThat(a.peered()).isTrue();
        assertThat(b.peeredAt()).isEqualTo("X");
    }

    @Test
    void options() {
        // A's remote option at X: 100 + 0.5 x 100 = 150; break-even 100 / (1 - 0.5) = 200 Mbps; remote beats
        // direct (F_d + session = 150) below (150 - 100) / 0.5 = 100 Mbps.
        Option remote = r.options().stream().filter(o -> o.asn() == 65001 && o.kind() == OptionKind.REMOTE)
                .findFirst().orElseThrow();
        assertThat(remote.standaloneMonthly()).isCloseTo(150, within(1e-6));
        assertThat(remote.breakEvenMbps()).isCloseTo(200, within(1e-6));
        assertThat(remote.remoteBeatsDirectBelowMbps()).isCloseTo(100, within(1e-6));
        // A's public option: break-even 150 / 1.00 = 150 Mbps; savings 100 - 150 = -50; incremental 0 cost.
        Option pub = r.options().stream().filter(o -> o.asn() == 65001 && o.kind() == OptionKind.PUBLIC)
                .findFirst().orElseThrow();
        assertThat(pub.breakEvenMbps()).isCloseTo(150, within(1e-6));
        assertThat(pub.savings()).isCloseTo(-50, within(1e-6));
        assertThat(pub.incrementalSavings()).isCloseTo(100, within(1e-6));
        // B shares Fac One with X: a PNI there costs 0.5 x (300 + 2 x 500) = 650 with the place in use.
        assertThat(r.options()).anySatisfy(o -> {
            assertThat(o.asn()).isEqualTo(65002);
            assertThat(o.kind()).isEqualTo(OptionKind.PRIVATE);
            assertThat(o.incrementalMonthly()).isCloseTo(650, within(1e-6));
        });
    }

    @Test
    void selection() {
        var s = r.selection();
        assertThat(s.optimal()).isTrue();
        assertThat(s.transitOnly()).isCloseTo(280, within(1e-6));
        assertThat(s.linearCost()).isCloseTo(150, within(1e-6));
        assertThat(s.sites()).filteredOn(PlanResult.Site::open).singleElement().satisfies(site -> {
            assertThat(site.name()).isEqualTo("X");
            assertThat(site.peers()).containsExactlyInAnyOrder(65001L, 65002L);
            // Load: 100 + 10·i, P95 280; IPv4 100, IPv6 180.
            assertThat(site.loadMbps()).isCloseTo(280, within(1e-6));
            assertThat(site.loadByFamily().get("IPv6")).isCloseTo(180, within(1e-6));
            assertThat(site.portsNeeded()).isEqualTo(1);
        });
        assertThat(s.steps()).anyMatch(t -> t.contains("Open X") && t.contains("280 -> 150"));
        assertThat(s.steps()).anyMatch(t -> t.contains("Not X via R") && t.contains("same exchange"));
        // The linear estimate: 330 - 280 + 150 = 200, here equal to the real total.
        assertThat(r.summary().linearEstimate()).isCloseTo(200, within(1e-6));
    }

    @Test
    void customerConesCreditTheirCustomersTraffic() throws Exception {
        // AS65003 is a customer of AS65001 (ppdc line "65001 65003"): A is credited with 100 + 50 = 150 Mbps in
        // every sample (P95 150); peering with A at X takes C's traffic too: the residual is empty, transit after 0,
        // saving 330 - 0 - 150 = 180.
        Path cones = dir.resolve("cones.ppdc");
        Files.writeString(cones, "# cone-as customers\n65001 65003\n");
        Plan plan = PlanLoader.load(dir.resolve("plan.yaml"));
        PlanResult withCones = PlanAnalysis.analyse(plan, TrafficData.load(dir.resolve("traffic")),
                RegistryView.load(dir.resolve("registry.duckdb"), plan),
                org.peerage.planner.plan.cones.PpdcCones.read(cones), java.util.Map.of(), Progress.SILENT);
        Candidate a = withCones.candidates().stream().filter(c -> c.asn() == 65001).findFirst().orElseThrow();
        assertThat(a.coneSize()).isEqualTo(2);
        assertThat(a.offloadMbps().get("all")).isCloseTo(150, within(1e-6));
        assertThat(withCones.summary().transitAfter()).isCloseTo(0, within(1e-6));
        assertThat(withCones.summary().saving()).isCloseTo(180, within(1e-6));
        assertThat(withCones.summary().cones()).contains("customer cones from");
    }

    @Test
    void trafficIsReadPerFamily() throws Exception {
        TrafficData t = TrafficData.load(dir.resolve("traffic"));
        assertThat(t.samples()).isEqualTo(20);
        assertThat(t.series()).hasSize(3);
        assertThat(t.keysOfOrigin(65002)).singleElement().satisfies(k -> assertThat(k.ipVersion()).isEqualTo(6));
    }
}
