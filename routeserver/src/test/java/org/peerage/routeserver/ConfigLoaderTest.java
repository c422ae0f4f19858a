package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String MINIMAL = """
            asn: 65000
            router_id: 10.0.0.1
            listen: [127.0.0.1:1790]
            filters:
              enabled: false          # every import check off (default: on, with the defaults below)
            clients:
              - asn: 64600
                ip: [127.1.0.1]
              - asn: 64601
                ip: [127.1.0.2]
            """;

    @Test
    void theMinimalFileOfTheIssueLoadsAsItIs(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, MINIMAL);
        RouteServerConfig c = ConfigLoader.load(f);
        assertThat(c.asn()).isEqualTo(65000);
        assertThat(c.listen()).hasSize(1);
        assertThat(c.listen().getFirst().getPort()).isEqualTo(1790);
        assertThat(c.clients()).extracting(ClientConfig::asn).containsExactly(64600L, 64601L);
        assertThat(c.clients().getFirst().passive()).isTrue();
        assertThat(c.filtersEnabled()).isFalse();
    }

    @Test
    void everyErrorNamesFileLineAndKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                asn: 65000
                router_id: 10.0.0.300
                listen: [127.0.0.1]
                filters: {enabled: false}
                clients:
                  - asn: 64600
                    ip: [127.1.0.1]
                    pasive: true
                  - asn: many
                    ip: [not-an-address]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).containsExactly(
                        f + ":2: router_id: expected a dotted quad, got '10.0.0.300'",
                        f + ":3: listen[0]: expected ADDRESS:PORT (IPv6 as [ADDRESS]:PORT), got '127.0.0.1'",
                        f + ":8: clients[0].pasive: unknown key (known: asn, description, hold_time, ip, passive, "
                                + "password)",
                        f + ":9: clients[1].asn: expected a whole number from 1 to 4294967295, got 'many'",
                        f + ":10: clients[1].ip[0]: expected an IPv4 or IPv6 address, got 'not-an-address'"));
    }

    @Test
    void importFiltersAreOnByDefaultAndNotYetAvailable(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, MINIMAL.replace("filters:\n  enabled: false          # every import check off "
                + "(default: on, with the defaults below)\n", ""));
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("filters.enabled: import filters are not implemented yet");
    }
}
