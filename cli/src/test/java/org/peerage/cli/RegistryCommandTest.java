package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The `peerage registry` commands, run as a user runs them, on a generated fixture and the real samples. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Path data;
    private static String db;
    private static Path fixture;

    @BeforeAll
    static void generateAndImport() throws Exception {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("missing " + data);
            }
            Assumptions.abort("shared data not present: " + data);
        }
        db = dir.resolve("registry.duckdb").toString();
        fixture = dir.resolve("fixture");
        var r = PeerageProcess.run(null, "registry", "generate-fixture", "--out", fixture.toString(), "--seed", "3",
                "--ixps", "40", "--networks", "800", "--ixf", "--data", data.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).contains("wrote " + fixture.resolve("peeringdb_2_dump_fixture.json"))
                .contains("wrote 40 IX-F exports");
        var imported = PeerageProcess.run(null, "registry", "import", "--db", db,
                fixture.resolve("peeringdb_2_dump_fixture.json").toString());
        assertThat(imported.exitCode()).as(imported.stderr()).isZero();
    }

    @Test
    @Order(1)
    void importReportsPerTypeChangesAndNothingOnTheSecondRun() throws Exception {
        String net = data.resolve("peeringdb/arouteserver_peeringdb_net_3333_10745.json").toString();
        String other = dir.resolve("other.duckdb").toString();
        var first = PeerageProcess.run(null, "registry", "import", net, "--db", other);
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).startsWith(net + ": PeeringDB API (peeringdb): 3 rows changed\n")
                .contains("  type  added  changed  removed  unchanged\n  net       3        0        0          0\n");
        var second = PeerageProcess.run(null, "registry", "import", "--db", other, net);
        assertThat(second.out()).startsWith(net + ": PeeringDB API (peeringdb): no changes\n")
                .contains("  net       0        0        0          3\n");
    }

    @Test
    @Order(2)
    void aMalformedFileIsRejectedWithItsPathAndTheOthersStillImported() throws Exception {
        Path bad = dir.resolve("peeringdb.json");
        Files.writeString(bad, "{\"net\": {\"data\": [\n{\"id\": 1, \"asn\": 64500},\n"
                + "{\"id\": 2, \"asn\": \"x\"}]}}\n");
        String gr = data.resolve("ixf/gr-ix.json").toString();
        var r = PeerageProcess.run(null, "registry", "import", "--db", db, bad.toString(), gr);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("peerage registry import: " + bad + ": $.net.data[1].asn: expected an "
                + "integer, got \"x\" (object at line 3) (nothing imported from this file)\n");
        assertThat(r.out()).contains(gr + ": IX-F member export (ixf:file:gr-ix): 69 rows changed");
        var net = PeerageProcess.run(null, "registry", "net", "64500", "--db", db);
        assertThat(net.exitCode()).isEqualTo(1);
    }

    @Test
    void netShowsTheNetworkItsPortsAndFacilities() throws Exception {
        var r = PeerageProcess.run(null, "registry", "net", "AS15169", "--db", db);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).startsWith("AS15169  Google LLC  (peeringdb, net ")
                .contains("IRR as-set:    AS-GOOGLE")
                .containsPattern("\n  BCIX +\\d+  193\\.178\\.185\\.100 +2001:7f8:19:1::3b41:1 ");
        var json = PeerageProcess.run(null, "registry", "net", "15169", "--json", "--db", db);
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.at("/network/asn").longValue()).isEqualTo(15169);
        // Every stored field, typed or not, is under "raw".
        assertThat(tree.at("/network/raw/looking_glass").isTextual()).isTrue();
        assertThat(tree.at("/memberships").isArray()).isTrue();
        assertThat(tree.at("/facilities").size()).isPositive();
    }

    @Test
    void unknownNetworksAndExchangesAreAnError() throws Exception {
        var net = PeerageProcess.run(null, "registry", "net", "64511", "--db", db);
        assertThat(net.exitCode()).isEqualTo(1);
        assertThat(net.stderr()).isEqualTo("peerage registry net: AS64511 is not in the registry " + db + "\n");
        var ix = PeerageProcess.run(null, "registry", "ix", "Nowhere Exchange", "--db", db);
        assertThat(ix.exitCode()).isEqualTo(1);
        assertThat(ix.stderr()).isEqualTo("peerage registry ix: no exchange matches Nowhere Exchange\n");
        var missing = PeerageProcess.run(null, "registry", "ix", "BCIX", "--db", dir.resolve("none.duckdb").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).startsWith("peerage registry ix: no registry database at "
                + dir.resolve("none.duckdb"));
        var badAsn = PeerageProcess.run(null, "registry", "net", "AS4294967296", "--db", db);
        assertThat(badAsn.exitCode()).isEqualTo(2);
        assertThat(badAsn.stderr()).isEqualTo("peerage registry net: not an AS number: AS4294967296\n");
    }

    @Test
    void ixShowsTheExchangeAndItsMembers() throws Exception {
        var r = PeerageProcess.run(null, "registry", "ix", "bcix", "--db", db);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).startsWith("BCIX  (ix 1; peeringdb)\n")
                .contains("  name:      Berlin Commercial Internet Exchange\n")
                .contains("  prefixes:  193.178.185.0/24, 2001:7f8:19:1::/64\n")
                .contains("Members: 81 networks, 95 ports\n")
                .containsPattern("\n +15169  Google LLC +193\\.178\\.185\\.100 +2001:7f8:19:1::3b41:1 ");
        var json = PeerageProcess.run(null, "registry", "ix", "1", "--json", "--db", db);
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.at("/exchange/name").textValue()).isEqualTo("BCIX");
        assertThat(tree.at("/members").size()).isEqualTo(95);
    }

    @Test
    void commonShowsBothSidesAtSharedExchanges() throws Exception {
        var r = PeerageProcess.run(null, "registry", "common", "15169", "AS20676", "--db", db);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).startsWith("AS15169 Google LLC  and  AS20676 ")
                .containsPattern("\n  BCIX +1  (yes|no) +15169  193\\.178\\.185\\.100 +2001:7f8:19:1::3b41:1 ")
                .containsPattern("\n +20676  193\\.178\\.185\\.60 +2001:7f8:19:1::50c4:1 ");
        var json = JSON.readTree(PeerageProcess.run(null, "registry", "common", "15169", "20676", "--json", "--db", db)
                .out());
        JsonNode bcix = null;
        for (JsonNode x : json.get("exchanges")) {
            if (x.at("/exchange/name").textValue().equals("BCIX")) {
                bcix = x;
            }
        }
        assertThat(bcix).isNotNull();
        assertThat(bcix.at("/first/0/ipv4").textValue()).isEqualTo("193.178.185.100");
        assertThat(bcix.at("/second/0/ipv4").textValue()).isEqualTo("193.178.185.60");
        boolean bothRs = bcix.at("/first/0/routeServerPeer").asBoolean() && bcix.at("/second/0/routeServerPeer")
                .asBoolean();
        assertThat(bcix.get("viaRouteServers").booleanValue()).isEqualTo(bothRs);
    }

    @Test
    void remotePeersListsSignalsAndUsesMeasuredRtts() throws Exception {
        Path rtt = dir.resolve("rtt.csv");
        // No facility distance on Earth allows 500 ms; 0.1 ms fits any.
        Files.writeString(rtt, "address,rtt_ms\n193.178.185.100,500\n193.178.185.60,0.1\n");
        var r = PeerageProcess.run(null, "registry", "remote-peers", "BCIX", "--rtt", rtt.toString(), "--all",
                "--db", db);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).startsWith("BCIX  (ix 1): 95 member ports, ");
        String google = r.out().lines().filter(l -> l.contains("193.178.185.100")).findFirst().orElseThrow();
        assertThat(google).contains("500.00").endsWith("rtt-too-high");
        String plusnet = r.out().lines().filter(l -> l.contains("193.178.185.60 ")).findFirst().orElseThrow();
        assertThat(plusnet).contains("0.10").doesNotContain("rtt-too-high");
        var json = JSON.readTree(PeerageProcess.run(null, "registry", "remote-peers", "1", "--json", "--db", db)
                .out());
        assertThat(json.get("ports").size()).isEqualTo(95);
        for (JsonNode p : json.get("ports")) {
            long speed = p.at("/membership/speedMbps").asLong();
            boolean fractional = false;
            for (JsonNode s : p.get("signals")) {
                fractional |= s.textValue().equals("FRACTIONAL_PORT");
            }
            assertThat(fractional).as("port " + p.at("/membership/ipv4")).isEqualTo(speed > 0 && speed < 1000);
        }
    }

    @Test
    void generateFixtureWithDbImportsWhatItWrote() throws Exception {
        String other = dir.resolve("generated.duckdb").toString();
        var r = PeerageProcess.run(null, "registry", "generate-fixture", "--out", dir.resolve("fx2").toString(),
                "--ixps", "10", "--networks", "300", "--db", other, "--data", data.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).containsPattern("\nimported 1 file into " + java.util.regex.Pattern.quote(other)
                + " \\(\\d+ rows changed\\)\n");
        var ix = PeerageProcess.run(null, "registry", "ix", "GR-IX", "--db", other);
        assertThat(ix.out()).startsWith("GR-IX  (ix 2; peeringdb)\n").contains("Members: 28 networks, 39 ports");
    }

    @Test
    void statusShowsWhatTheDatabaseHolds() throws Exception {
        var r = PeerageProcess.run(null, "registry", "status", "--db", db);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).startsWith("Registry " + db + " (schema 1)\n")
                .containsPattern("\n  ix +40 +\\d+\n")
                .containsPattern("\n  net +800 +\\d+\n")
                .contains("PEERINGDB_DUMP").contains(fixture.resolve("peeringdb_2_dump_fixture.json").toString());
        var json = PeerageProcess.run(null, "registry", "status", "--json", "--db", db);
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.at("/objects/ix/peeringdb").longValue()).isEqualTo(40);
        assertThat(tree.at("/recentImports/0/importedAt").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void ixfExportsOfTheFixtureImportBesideTheDump() throws Exception {
        Path export = Files.list(fixture.resolve("ixf")).filter(p -> p.toString().endsWith("-bcix.json")).findFirst()
                .orElseThrow();
        String other = dir.resolve("ixf.duckdb").toString();
        var r = PeerageProcess.run(null, "registry", "import", "--db", other, export.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.out()).contains("IX-F member export (ixf:peeringdb:1): ").contains("  netixlan     95 ");
        var ix = PeerageProcess.run(null, "registry", "ix", "BCIX", "--db", other);
        assertThat(ix.out()).startsWith("BCIX  (ix 1; ixf:peeringdb:1)\n").contains("Members: 81 networks, 95 ports");
    }
}
