package org.peerage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.load.Shape;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.Membership;
import org.peerage.registry.store.Changes;
import org.peerage.registry.store.RegistryDatabase;

class IxfImportTest {
    @TempDir
    Path dir;
    private RegistryDatabase db;
    private RegistryImporter importer;
    private Registry registry;

    @BeforeEach
    void open() throws IOException {
        db = RegistryDatabase.openForWriting(dir.resolve("registry.duckdb"));
        importer = new RegistryImporter(db);
        registry = new Registry(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportReport imported(String file) throws IOException {
        ImportOutcome o = importer.importFile(file);
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        return ((ImportOutcome.Imported) o).report();
    }

    @Test
    void theRealSchema06ExportsLoadAsExchangesWithMembers() throws IOException {
        ImportReport bcix = imported(SharedData.file("ixf/bcix.json"));
        ImportReport grix = imported(SharedData.file("ixf/gr-ix.json"));
        assertThat(bcix.shape()).isEqualTo(Shape.IXF);
        assertThat(bcix.sources()).containsExactly("ixf:file:bcix");
        assertThat(bcix.changes(ObjectType.NET).added()).isEqualTo(81);
        // 95 IPv4 and 87 IPv6 vlan_list elements pair up into 95 ports.
        assertThat(bcix.changes(ObjectType.NETIXLAN).added()).isEqualTo(95);
        assertThat(grix.changes(ObjectType.NET).added()).isEqualTo(28);
        assertThat(grix.changes(ObjectType.NETIXLAN).added()).isEqualTo(39);
        assertThat(bcix.warnings()).singleElement().asString().contains("neither peeringdb_id nor ixf_id");

        Exchange x = registry.findExchanges("bcix").getFirst();
        assertThat(x.name()).isEqualTo("Test IXP");
        var detail = registry.exchangeDetail(x.id()).orElseThrow();
        assertThat(detail.memberCount()).isEqualTo(81);
        List<Membership> google = detail.members().stream().filter(m -> m.asn() == 15169).toList();
        assertThat(google).singleElement().satisfies(m -> {
            assertThat(m.ipv4()).isEqualTo("193.178.185.100");
            assertThat(m.ipv6()).isEqualTo("2001:7f8:19:1::3b41:1");
            assertThat(m.sources()).containsExactly("ixf:file:bcix");
        });
        // Netflix lists two address pairs.
        assertThat(detail.members().stream().filter(m -> m.asn() == 2906).map(Membership::ipv4))
                .containsExactly("193.178.185.80", "193.178.185.81");
        assertThat(registry.network(25152).orElseThrow().name()).isEqualTo("K-root nameserver (operated by RIPE)");
        assertThat(registry.network(15169).orElseThrow().irrAsSet()).isEqualTo("AS-GOOGLE");
        assertThat(registry.network(15169).orElseThrow().prefixes4()).isEqualTo(15000L);

        assertThat(imported(SharedData.file("ixf/bcix.json")).modified()).isZero();
        assertThat(registry.findExchanges("bcix").getFirst().id()).isEqualTo(x.id());
    }

    static String schema10(String members) {
        return """
                {"version": "1.0", "timestamp": "2026-01-01T00:00:00Z",
                 "ixp_list": [{"ixp_id": 1, "shortname": "FRA-X", "name": "Frankfurt Exchange", "peeringdb_id": 1,
                   "country": "DE", "url": "https://fra-x.example.net",
                   "vlan": [{"id": 10, "name": "Peering", "ipv4": {"prefix": "192.0.2.0", "mask_length": 24},
                             "ipv6": {"prefix": "2001:db8:1::", "mask_length": 64}}],
                   "switch": [{"id": 1, "name": "sw1", "pdb_facility_id": 10}, {"id": 2, "pdb_facility_id": 11}]}],
                 "member_list": [%s]}
                """.formatted(members);
    }

    static final String ALPHA = """
            {"asnum": 64500, "name": "Alpha", "peering_policy": "open",
             "connection_list": [{"ixp_id": 1, "state": "active",
               "if_list": [{"switch_id": 1, "if_speed": 100000}, {"switch_id": 2, "if_speed": 100000}],
               "vlan_list": [{"vlan_id": 10,
                 "ipv4": {"address": "192.0.2.10", "as_macro": "AS-ALPHA", "routeserver": true, "max_prefix": 120},
                 "ipv6": {"address": "2001:db8:1::10", "routeserver": true}}]}]}""";
    /** Without vlan_id: on the one VLAN the exchange declares. */
    static final String EPSILON = """
            {"asnum": 64504, "name": "Epsilon", "peering_policy": "selective",
             "connection_list": [{"ixp_id": 1, "if_list": [{"if_speed": 1000}],
               "vlan_list": [{"ipv4": {"address": "192.0.2.14", "routeserver": false}}]}]}""";

    @Test
    void aSchema10ExportMapsOntoTheExchangeItNames() throws IOException {
        Path file = dir.resolve("fra-x.json");
        Files.writeString(file, schema10(ALPHA + "," + EPSILON));
        ImportReport r = imported(file.toString());
        assertThat(r.sources()).containsExactly("ixf:peeringdb:1");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.changes(ObjectType.IXPFX).added()).isEqualTo(2);
        assertThat(r.changes(ObjectType.IXFAC).added()).isEqualTo(2);
        Exchange x = registry.exchange(1).orElseThrow();
        assertThat(x.name()).isEqualTo("FRA-X");
        assertThat(x.nameLong()).isEqualTo("Frankfurt Exchange");
        var d = registry.exchangeDetail(1).orElseThrow();
        assertThat(d.prefixes()).containsExactly("192.0.2.0/24", "2001:db8:1::/64");
        assertThat(d.members()).hasSize(2);
        Membership alpha = d.members().getFirst();
        assertThat(alpha.asn()).isEqualTo(64500);
        assertThat(alpha.speedMbps()).isEqualTo(200_000L);
        assertThat(alpha.routeServerPeer()).isTrue();
        assertThat(alpha.ipv6()).isEqualTo("2001:db8:1::10");
        Membership epsilon = d.members().get(1);
        assertThat(epsilon.routeServerPeer()).isFalse();
        assertThat(epsilon.ixlanId()).isEqualTo(alpha.ixlanId());
        assertThat(r.changes(ObjectType.IXLAN).added()).isEqualTo(1);
        assertThat(registry.network(64504).orElseThrow().policyGeneral()).isEqualTo("Selective");

        // The export again, without Epsilon: its net and port go, Alpha's stay.
        Files.writeString(file, schema10(ALPHA));
        ImportReport again = imported(file.toString());
        assertThat(again.changes(ObjectType.NETIXLAN)).isEqualTo(new Changes(0, 0, 1, 1));
        assertThat(again.changes(ObjectType.NET)).isEqualTo(new Changes(0, 0, 1, 1));
        assertThat(registry.network(64504)).isEmpty();
    }

    @Test
    void aPortBothPeeringDbAndTheExportListIsShownOnceFromPeeringDb() throws IOException {
        Path dump = dir.resolve("dump.json");
        Files.writeString(dump, SmallDump.JSON);
        imported(dump.toString());
        Path file = dir.resolve("fra-x.json");
        Files.writeString(file, schema10(ALPHA + "," + EPSILON));
        imported(file.toString());
        List<Membership> alpha = registry.members(1).stream().filter(m -> m.asn() == 64500).toList();
        assertThat(alpha).singleElement().satisfies(m -> {
            assertThat(m.sources()).containsExactly("peeringdb", "ixf:peeringdb:1");
            assertThat(m.speedMbps()).isEqualTo(100_000L);
        });
        assertThat(registry.exchange(1).orElseThrow().source()).isEqualTo("peeringdb");
        // Epsilon is only in the export; its name comes from there.
        assertThat(registry.members(1).stream().filter(m -> m.asn() == 64504).findFirst().orElseThrow()
                .networkName()).isEqualTo("Epsilon");
    }

    @Test
    void aFileThatGainsAPeeringDbIdMovesItsRowsToTheNewSource() throws IOException {
        Path file = dir.resolve("fra-x.json");
        Files.writeString(file, schema10(ALPHA).replace("\"peeringdb_id\": 1,", ""));
        ImportReport first = imported(file.toString());
        assertThat(first.sources()).containsExactly("ixf:file:fra-x");
        long oldId = registry.findExchanges("fra-x").getFirst().id();
        assertThat(oldId).isNegative();

        Files.writeString(file, schema10(ALPHA));
        ImportReport second = imported(file.toString());
        assertThat(second.sources()).containsExactly("ixf:peeringdb:1", "ixf:file:fra-x");
        assertThat(second.warnings()).containsExactly("replaces what this file said before as ixf:file:fra-x");
        assertThat(second.changes(ObjectType.NETIXLAN)).isEqualTo(new Changes(1, 0, 1, 0));
        assertThat(second.changes(ObjectType.IX)).isEqualTo(new Changes(1, 0, 1, 0));
        assertThat(registry.exchange(oldId)).isEmpty();
        assertThat(registry.findExchanges("FRA-X")).singleElement().satisfies(x -> assertThat(x.id()).isEqualTo(1));
        assertThat(registry.ixfExports()).singleElement().satisfies(e -> assertThat(e.source())
                .isEqualTo("ixf:peeringdb:1"));
        assertThat(imported(file.toString()).modified()).isZero();
    }

    @Test
    void malformedExportsAreRejectedWithThePath() throws IOException {
        assertThat(rejection(schema10(ALPHA.replace("\"192.0.2.10\"", "\"192.0.2\""))))
                .isEqualTo("$.member_list[0].connection_list[0].vlan_list[0].ipv4.address: not an IPv4 address: "
                        + "\"192.0.2\"");
        assertThat(rejection(schema10(ALPHA.replace("\"ixp_id\": 1, \"state\"", "\"ixp_id\": 7, \"state\""))))
                .isEqualTo("$.member_list[0].connection_list[0].ixp_id: no IXP 7 in $.ixp_list");
        assertThat(rejection(schema10(ALPHA).replace("\"1.0\"", "\"0.3\"")))
                .isEqualTo("$.version: unsupported IX-F schema version \"0.3\" (supported: 0.6 to 1.x)");
        assertThat(rejection(schema10(ALPHA.replace("\"asnum\": 64500", "\"asnum\": \"AS64500\""))))
                .isEqualTo("$.member_list[0].asnum: expected an integer, got \"AS64500\"");
        assertThat(registry.exchange(1)).isEmpty();
    }

    private String rejection(String json) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        ImportOutcome o = importer.importFile(file.toString());
        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) o;
        return r.path() + ": " + r.reason();
    }
}
