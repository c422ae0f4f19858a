package org.peerage.policy.rpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.SharedData;
import org.peerage.policy.aspa.Aspa;

class VrpFilesTest {
    private static final Instant JULY_2021 = Instant.parse("2021-07-27T19:00:00Z");

    @Test
    void rpkiClientJson() throws Exception {
        VrpFile f = VrpFiles.load(SharedData.path("rpki/stayrtr_test.rpki.json"), JULY_2021);
        assertThat(f.format()).isEqualTo("rpki-client");
        assertThat(f.vrps()).hasSize(18);
        assertThat(f.expiredDropped()).isZero();
        assertThat(f.vrps().get(0)).isEqualTo(new Vrp(Prefix.parse("1.0.0.0/24"), 24, 13335, "apnic", 1627568318));
        assertThat(f.vrps()).contains(new Vrp(Prefix.parse("2800:38::/32"), 128, 27808, "lacnic", 1627677646));
        VrpTable t = VrpTable.of(f.vrps());
        assertThat(t.validate(Prefix.parse("1.0.0.0/24"), 13335)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:610:1::/48"), 1103)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:610:240::/42"), 3333)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:610:240::/42"), 64500)).isEqualTo(RovState.INVALID);
    }

    @Test
    void expiredEntriesAreDroppedAndCounted() throws Exception {
        VrpFile later = VrpFiles.load(SharedData.path("rpki/stayrtr_test.rpki.json"), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(later.vrps()).isEmpty();
        assertThat(later.expiredDropped()).isEqualTo(18);
        VrpFile expired = VrpFiles.load(SharedData.path("rpki/arouteserver_rpki-client_expired.json"), JULY_2021);
        assertThat(expired.vrps()).isEmpty();
        assertThat(expired.expiredDropped()).isEqualTo(1);
    }

    @Test
    void ripeValidatorExportWithAsStrings() throws Exception {
        VrpFile f = VrpFiles.load(SharedData.path("rpki/arouteserver_ripe-rpki-cache.json"), JULY_2021);
        assertThat(f.format()).isEqualTo("ripe-validator");
        assertThat(f.vrps()).hasSize(28);
        assertThat(f.vrps().get(0)).isEqualTo(new Vrp(Prefix.parse("193.0.20.0/23"), 23, 3333, "RIPE NCC RPKI Root", 0));
        VrpTable t = VrpTable.of(f.vrps());
        assertThat(t.size()).as("each VRP is listed twice, once per repository copy").isEqualTo(14);
        assertThat(t.validate(Prefix.parse("193.0.24.0/26"), 3333)).isEqualTo(RovState.VALID);
    }

    @Test
    void aspasInBothShapesAndCompressedInput(@TempDir Path dir) throws Exception {
        String json = """
                {"metadata": {"buildmachine": "x"},
                 "roas": [{"asn": "AS64500", "prefix": "192.0.2.0/24"}],
                 "aspas": [
                   {"customer_asid": 64500, "expires": 1900000000, "providers": [64501, 64502]},
                   {"customer_asid": 64503, "expires": 1900000000,
                    "provider_set": [{"provider_asid": 64504, "afi_limit": "ipv4"}, 64505]},
                   {"customer_asid": 64506, "expires": 1000, "providers": [64507]}
                 ]}""";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("vrps.json.gz");
        Files.write(file, gz.toByteArray());
        VrpFile f = VrpFiles.load(file, JULY_2021);
        assertThat(f.vrps()).containsExactly(new Vrp(Prefix.parse("192.0.2.0/24"), 24, 64500, "", 0));
        assertThat(f.aspas()).containsExactly(new Aspa(64500, new long[] {64501, 64502}),
                new Aspa(64503, new long[] {64504, 64505}));
        assertThat(f.expiredDropped()).isEqualTo(1);
    }

    @Test
    void aBadEntryNamesTheFileLineAndJsonPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"roas": [
                  {"asn": 1, "prefix": "192.0.2.0/24", "maxLength": 24},
                  {"asn": 2, "prefix": "192.0.2.0/24", "maxLength": 20}
                ]}""");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).isInstanceOf(PolicyDataException.class)
                .hasMessage(file + ":3: roas[1].maxLength: maxLength 20 is shorter than the prefix 192.0.2.0/24");
        Files.writeString(file, "{\"roas\": [{\"asn\": 1, \"prefix\": \"192.0.2.1/24\"}]}");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining(":1: roas[0].prefix: host bits set");
        Files.writeString(file, "{\"roas\": [{\"asn\": \"ASX\", \"prefix\": \"192.0.2.0/24\"}]}");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining("roas[0].asn: not an AS number");
        Files.writeString(file, "{\"roas\": [{\"asn\": 1, \"prefix\": \"2001:db8::/32\", \"maxLength\": 129}]}");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining("roas[0].maxLength: 129 out of range");
        Files.writeString(file, "{\"roas\": [{\"asn\": 1}]}");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining("roas[0]: no \"prefix\"");
        Files.writeString(file, "{\"vrps\": []}");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining("not a VRP file");
        Files.writeString(file, "{\"roas\": [");
        assertThatThrownBy(() -> VrpFiles.load(file, JULY_2021)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> VrpFiles.load(dir.resolve("none.json"), JULY_2021))
                .hasMessage(dir.resolve("none.json") + ": no such file");
    }
}
