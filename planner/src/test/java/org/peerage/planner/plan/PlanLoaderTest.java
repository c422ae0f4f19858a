package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan file: a good one read whole, bad ones reported with file, line and key, every problem at once. */
class PlanLoaderTest {
    static final String GOOD = """
            asn: 64500
            name: Example
            pops:
              - name: fra
                latitude: 50.11
                longitude: 8.68
                traffic_share: 0.6
                facilities: [58]
              - name: ams
                latitude: 52.37
                longitude: 4.90
            transit:
              - name: Big Transit
                asn: AS3356
                price_per_mbps: 0.5
                commit_mbps: 1000
                burst_price_per_mbps: 0.75
                measure: p95-of-max
            ixps:
              - name: DE-CIX Frankfurt
                registry_id: 31
                port_mbps: 10000
                port_monthly: 2000
                colocation_monthly: 1000
                transport_monthly: 2000
                member: true
            remote_peering:
              - reseller: Reach
                ixps: [DE-CIX Frankfurt]
                monthly: 500
                per_mbps: 0.2
            inputs:
              traffic: traffic
              registry: registry.duckdb
            """;

    private static Path inputs(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("traffic"));
        Files.writeString(dir.resolve("registry.duckdb"), "");
        return dir;
    }

    @Test
    void readsAGoodPlan(@TempDir Path dir) throws Exception {
        Path f = inputs(dir).resolve("plan.yaml");
        Files.writeString(f, GOOD);
        Plan p = PlanLoader.load(f);
        assertThat(p.asn()).isEqualTo(64500);
        // A share not given takes what is left: 1 - 0.6 = 0.4.
        assertThat(p.pops().get(1).share()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.pops().get(0).facilities()).containsExactly(58L);
        Plan.Transit t = p.transit().getFirst();
        assertThat(t.asn()).isEqualTo(3356);
        assertThat(t.burstPricePerMbps()).isEqualTo(0.75);
        assertThat(t.measure()).isEqualTo(Plan.Measure.P95_OF_MAX);
        assertThat(t.line()).isEqualTo(13);
        Plan.Ixp x = p.ixps().getFirst();
        assertThat(x.fixedMonthly()).isEqualTo(5000);
        assertThat(x.member()).isTrue();
        assertThat(x.routeServer()).isTrue();
        assertThat(p.remote().getFirst().perMbps()).isEqualTo(0.2);
        // Defaults: PNI 0.5 x (300 + 2 x 500) = 650; 75 % port utilisation; open, selective, unknown policies.
        assertThat(p.pni().monthly()).isEqualTo(650);
        assertThat(p.settings().portUtilisation()).isEqualTo(0.75);
        assertThat(p.settings().policies()).containsExactly("open", "selective", "unknown");
        assertThat(p.inputs().traffic()).isEqualTo(dir.resolve("traffic"));
    }

    @Test
    void namesFileLineAndKeyOfEveryProblem(@TempDir Path dir) throws Exception {
        String bad = GOOD.replace("price_per_mbps: 0.5", "price_per_mbps: cheap")   // line 15
                .replace("    port_monthly: 2000\n", "    port_monthyl: 2000\n")     // line 23
                .replace("    ixps: [DE-CIX Frankfurt]", "    ixps: [DE-CIX Frnakfurt]") // line 29
                .replace("measure: p95-of-max", "measure: average")                 // line 18
                .replace("    latitude: 52.37\n", "    latitude: 152.37\n");         // line 10
        Path f = inputs(dir).resolve("bad.yaml");
        Files.writeString(f, bad);
        assertThatThrownBy(() -> PlanLoader.load(f)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.errors()).containsExactlyInAnyOrder(
                        f + ":10: pops[1].latitude: expected a number from -90 to 90, got '152.37'",
                        f + ":15: transit[0].price_per_mbps: expected a number from 0 to 1000000000000, got 'cheap'",
                        f + ":18: transit[0].measure: expected one of max-of-p95, p95-of-max, got 'average'",
                        f + ":23: ixps[0].port_monthyl: unknown key (known: colocation_monthly, cross_connect_monthly,"
                                + " equipment_monthly, member, name, port_mbps, port_monthly, registry_id, "
                                + "registry_name, route_server, session_monthly, transport_monthly)",
                        f + ":20: ixps[0].port_monthly: missing",
                        f + ":29: remote_peering[0].ixps: 'DE-CIX Frnakfurt' is not one of the ixps"));
    }

    @Test
    void missingInputsAndSyntax(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, GOOD);
        assertThatThrownBy(() -> PlanLoader.load(f)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.errors()).containsExactly(
                        f + ":33: inputs.traffic: not a directory: " + dir.resolve("traffic"),
                        f + ":34: inputs.registry: no such file: " + dir.resolve("registry.duckdb")));
        Files.writeString(f, "asn: 1\npops: [\n");
        assertThatThrownBy(() -> PlanLoader.load(f)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.errors().getFirst()).startsWith(f + ":3: not valid YAML"));
        Files.writeString(f, "asn: 1\n");
        assertThatThrownBy(() -> PlanLoader.load(f)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.errors()).contains(f + ":1: pops: missing", f + ":1: transit: missing",
                        f + ":1: inputs: missing"));
    }

    @Test
    void conesAreInferredOnlyFromARoutingTable(@TempDir Path dir) throws Exception {
        Path f = inputs(dir).resolve("p.yaml");
        Files.writeString(f, GOOD + "  customer_cones: infer\n");
        assertThatThrownBy(() -> PlanLoader.load(f)).isInstanceOfSatisfying(PlanException.class, e ->
                assertThat(e.errors()).containsExactly(f + ":35: inputs.customer_cones: infer needs "
                        + "inputs.routing_table (the AS paths to infer them from)"));
        Files.writeString(dir.resolve("rib.mrt"), "");
        Files.writeString(f, GOOD + "  routing_table: rib.mrt\n  customer_cones: infer\n");
        Plan p = PlanLoader.load(f);
        assertThat(p.inputs().inferCones()).isTrue();
        assertThat(p.inputs().customerCones()).isEmpty();
    }
}
