package org.peerage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.load.Shape;
import org.peerage.registry.store.Changes;
import org.peerage.registry.store.RegistryDatabase;

class RegistryImporterTest {
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

    private String write(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p.toString();
    }

    @Test
    void importsTheRealPeeringDbApiAnswerAndReimportsWithoutChanges() throws IOException {
        String file = SharedData.file("peeringdb/arouteserver_peeringdb_net_3333_10745.json");
        ImportReport first = imported(file);
        assertThat(first.shape()).isEqualTo(Shape.PEERINGDB_API);
        assertThat(first.changes(ObjectType.NET)).isEqualTo(new Changes(3, 0, 0, 0));
        var ripe = registry.network(3333).orElseThrow();
        assertThat(ripe.name()).isEqualTo("RIPE NCC");
        assertThat(ripe.irrAsSet()).isEqualTo("AS-RIPENCC");
        assertThat(ripe.prefixes4()).isEqualTo(30L);
        assertThat(ripe.policyGeneral()).isEqualTo("Selective");
        // A field no typed column holds is still there.
        assertThat(ripe.rawJson()).contains("\"rir_status\":\"ok\"");
        assertThat(registry.network(197000).orElseThrow().irrAsSet()).isEqualTo("RS-AUTHDNS-AMS RS-AUTHDNS-LON "
                + "RS-AUTHDNS-BMA");

        ImportReport again = imported(file);
        assertThat(again.modified()).isZero();
        assertThat(again.changes(ObjectType.NET)).isEqualTo(new Changes(0, 0, 0, 3));
    }

    @Test
    void aChangedFieldIsReportedAsChangedAndAMissingObjectAsRemoved() throws IOException {
        imported(write("dump.json", SmallDump.JSON));
        String changed = SmallDump.JSON.replace("\"name\": \"Beta\"", "\"name\": \"Beta Networks\"")
                .replace("""
                        {"id": 103, "org_id": 1, "name": "Delta", "asn": 64503, "status": "ok"}""", """
                        {"id": 104, "org_id": 1, "name": "Epsilon", "asn": 64504, "status": "ok"}""");
        ImportReport r = imported(write("dump2.json", changed));
        assertThat(r.changes(ObjectType.NET)).isEqualTo(new Changes(1, 1, 1, 2));
        assertThat(r.changes(ObjectType.NETIXLAN)).isEqualTo(new Changes(0, 0, 0, 6));
        assertThat(registry.network(64501).orElseThrow().name()).isEqualTo("Beta Networks");
        assertThat(registry.network(64503)).isEmpty();
    }

    @Test
    void aFullDumpLoadsEveryType() throws IOException {
        ImportReport r = imported(write("peeringdb_2_dump_2026_01_01.json", SmallDump.JSON));
        assertThat(r.shape()).isEqualTo(Shape.PEERINGDB_DUMP);
        assertThat(r.changes(ObjectType.ORG).added()).isEqualTo(2);
        assertThat(r.changes(ObjectType.NET).added()).isEqualTo(4);
        assertThat(r.changes(ObjectType.NETIXLAN).added()).isEqualTo(6);
        assertThat(r.changes(ObjectType.FAC).added()).isEqualTo(4);
        assertThat(r.changes(ObjectType.CARRIERFAC).added()).isEqualTo(1);
        assertThat(r.changes(ObjectType.POC).added()).isEqualTo(1);
        assertThat(r.changes(ObjectType.CAMPUS)).isEqualTo(Changes.NONE);
        assertThat(registry.network(64500).orElseThrow().rawJson()).contains("\"future_field\":{\"kept\":true}");
        assertThat(imported(write("again.json", SmallDump.JSON)).modified()).isZero();
    }

    @Test
    void aSingleTypeApiAnswerReplacesOnlyThatType() throws IOException {
        imported(write("dump.json", SmallDump.JSON));
        ImportReport r = imported(write("api-ix.json", """
                {"data": [{"id": 1, "org_id": 2, "name": "FRA-X", "name_long": "Frankfurt Exchange",
                  "city": "Frankfurt", "country": "DE", "region_continent": "Europe", "media": "Ethernet",
                  "status": "ok"}], "meta": {}}
                """));
        assertThat(r.changes(ObjectType.IX)).isEqualTo(new Changes(0, 0, 1, 1));
        assertThat(r.changes()).containsOnlyKeys(ObjectType.IX);
        assertThat(registry.network(64500)).isPresent();
    }

    @Test
    void nestedSetsOfADepthAnswerAreImportedWithoutRemovingAnything() throws IOException {
        ImportReport r = imported(write("net.json", """
                {"data": [{"id": 7, "name": "Nested", "asn": 64510, "info_type": "NSP",
                  "netixlan_set": [{"id": 70, "ix_id": 1, "ixlan_id": 1, "asn": 64510, "ipaddr4": "192.0.2.70",
                                    "ipaddr6": null, "is_rs_peer": true, "speed": 1000}],
                  "netfac_set": [5, 6]}]}
                """));
        assertThat(r.changes(ObjectType.NET)).isEqualTo(new Changes(1, 0, 0, 0));
        assertThat(r.changes(ObjectType.NETIXLAN)).isEqualTo(new Changes(1, 0, 0, 0));
        var ports = registry.membershipsOf(64510);
        assertThat(ports).singleElement().satisfies(m -> assertThat(m.ipv4()).isEqualTo("192.0.2.70"));
    }

    @Test
    void aMalformedElementRejectsTheWholeFileWithItsPath() throws IOException {
        imported(write("dump.json", SmallDump.JSON));
        String bad = SmallDump.JSON.replace("\"name\": \"Alpha\"", "\"name\": \"Alpha Changed\"")
                .replace("\"asn\": 64501", "\"asn\": \"x\"");
        ImportOutcome o = importer.importFile(write("peeringdb.json", bad));
        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) o;
        assertThat(r.path()).isEqualTo("$.net.data[1].asn");
        assertThat(r.message()).startsWith(dir.resolve("peeringdb.json") + ": $.net.data[1].asn: expected an integer, "
                + "got \"x\" (object at line ");
        // Nothing of the rejected file was stored: the earlier name stands.
        assertThat(registry.network(64500).orElseThrow().name()).isEqualTo("Alpha");
    }

    @Test
    void otherMalformationsNameTheirPath() throws IOException {
        assertThat(rejection("{\"data\": [{\"id\": 1, \"name\": \"x\", \"asn\": 1, \"info_type\": \"NSP\"},"
                + " {\"id\": 1, \"name\": \"y\", \"asn\": 2, \"info_type\": \"NSP\"}]}"))
                .isEqualTo("$.data[1].id: duplicate net id 1 (also at $.data[0]) (object at line 1)");
        assertThat(rejection("{\"netixlan\": {\"data\": [{\"id\": 1, \"ixlan_id\": 1, \"asn\": 5,"
                + " \"ipaddr4\": \"300.1.1.1\"}]}}"))
                .isEqualTo("$.netixlan.data[0].ipaddr4: not an IPv4 address: \"300.1.1.1\" (object at line 1)");
        assertThat(rejection("{\"ixlan\": {\"data\": [{\"id\": 1}]}}"))
                .isEqualTo("$.ixlan.data[0].ix_id: missing required field (object at line 1)");
        assertThat(rejection("{\"net\": {\"data\": [{\"id\": 1, \"asn\": 5,}]}}")).startsWith("$.net.data[0].asn: "
                + "invalid JSON at line 1, column 38: Unexpected character ('}'");
        assertThat(rejection("[1, 2]")).isEqualTo("$: expected a JSON object at the top, got an array");
        assertThat(rejection("{\"hello\": 1}")).startsWith("$: neither a PeeringDB file");
        assertThat(rejection("{\"data\": [], \"meta\": {\"error\": \"Rate limited\"}}"))
                .isEqualTo("$.meta.error: the PeeringDB API answered with an error: \"Rate limited\"");
    }

    private String rejection(String json) throws IOException {
        ImportOutcome o = importer.importFile(write("f.json", json));
        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) o;
        return r.path() + ": " + r.reason();
    }

    @Test
    void anApiAnswerWhoseTypeOnlyTheFileNameTellsIsRead() throws IOException {
        ImportReport r = imported(write("peeringdb_campus.json", "{\"data\": [{\"id\": 3, \"org_id\": 1,"
                + " \"name\": \"Campus\"}]}"));
        assertThat(r.changes(ObjectType.CAMPUS).added()).isEqualTo(1);
        ImportOutcome unknown = importer.importFile(write("answer.json", "{\"data\": []}"));
        assertThat(((ImportOutcome.Rejected) unknown).reason()).contains("--type");
        ImportOutcome typed = importer.importFile(write("answer.json", "{\"data\": []}"), Optional.of(ObjectType.POC));
        assertThat(typed).isInstanceOf(ImportOutcome.Imported.class);
    }

    @Test
    void theDatabaseSaysWhatItHoldsAndWhatWasImported() throws IOException {
        imported(write("dump.json", SmallDump.JSON));
        imported(write("dump.json", SmallDump.JSON));
        imported(SharedData.file("ixf/gr-ix.json"));
        var contents = registry.contents();
        assertThat(contents.get("net")).containsEntry("peeringdb", 4L).containsEntry("ixf", 28L);
        assertThat(contents.get("fac")).containsOnly(java.util.Map.entry("peeringdb", 4L));
        assertThat(registry.ixfExports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("ixf:file:gr-ix");
            assertThat(e.exchangeId()).isEqualTo(-1);
            assertThat(e.version()).isEqualTo("0.6");
        });
        var log = registry.recentImports(10);
        assertThat(log).extracting(e -> e.modified()).containsExactly(69L, 0L, 33L);
        assertThat(log.getFirst().shape()).isEqualTo("IXF");
        assertThat(log.getFirst().importedAt()).isBetween(java.time.Instant.now().minusSeconds(600),
                java.time.Instant.now());
    }

    @Test
    void aMissingFileIsRejected() throws IOException {
        ImportOutcome o = importer.importFile(dir.resolve("nope.json").toString());
        assertThat(((ImportOutcome.Rejected) o).message()).endsWith("nope.json: no such file");
    }
}
