package org.peerage.policy.peeringdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.SharedData;

class PeeringDbNetsTest {
    @Test
    void realApiAnswer() throws Exception {
        PeeringDbNets nets = PeeringDbNets.load(SharedData.path("peeringdb/arouteserver_peeringdb_net_3333_10745.json"));
        assertThat(nets.size()).isEqualTo(3);
        assertThat(nets.get(3333)).isEqualTo(new PeeringDbNet(3333, "RIPE NCC", 30, 20, false, "AS-RIPENCC"));
        assertThat(nets.get(10745)).isEqualTo(new PeeringDbNet(10745, "ARIN", 5, 0, false, ""));
        assertThat(nets.get(197000).irrAsSet()).isEqualTo("RS-AUTHDNS-AMS RS-AUTHDNS-LON RS-AUTHDNS-BMA");
        assertThat(nets.get(64500)).isNull();
    }

    @Test
    void nullsAndBadValues(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("net.json");
        Files.writeString(f, """
                {"data": [{"asn": 64500, "name": "X", "info_prefixes4": null, "info_prefixes6": 10,
                           "info_never_via_route_servers": true, "irr_as_set": null}]}""");
        assertThat(PeeringDbNets.load(f).get(64500)).isEqualTo(new PeeringDbNet(64500, "X", 0, 10, true, ""));
        Files.writeString(f, """
                {"data": [
                  {"asn": 64500},
                  {"asn": 64501, "info_prefixes4": "many"}
                ]}""");
        assertThatThrownBy(() -> PeeringDbNets.load(f)).isInstanceOf(PolicyDataException.class)
                .hasMessage(f + ":3: data[1].info_prefixes4: expected a prefix count, found many");
        Files.writeString(f, "{\"meta\": {}}");
        assertThatThrownBy(() -> PeeringDbNets.load(f)).hasMessageContaining("no \"data\" list");
    }
}
