package org.peerage.routeserver.config;

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
        assertThat(c.filters().enabled()).isFalse();
        assertThat(c.clients().getFirst().filters().enabled()).as("a client inherits the global setting").isFalse();
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
                        f + ":8: clients[0].pasive: unknown key (known: add_path, asn, blackhole_filtering, "
                                + "description, filters, graceful_shutdown, gtsm, hold_time, ip, passive, password, "
                                + "port, rfc8950)",
                        f + ":9: clients[1].asn: expected a whole number from 1 to 4294967295, got 'many'",
                        f + ":10: clients[1].ip[0]: expected an IPv4 or IPv6 address, got 'not-an-address'"));
    }

    @Test
    void filtersAreOnByDefaultWithArouteserversDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, MINIMAL.replace("filters:\n  enabled: false          # every import check off "
                + "(default: on, with the defaults below)\n", ""));
        FilterSettings s = ConfigLoader.load(f).clients().getFirst().filters();
        assertThat(s.enabled()).isTrue();
        assertThat(s.rejectPolicy()).isEqualTo(FilterSettings.RejectPolicy.REJECT);
        assertThat(s.ipv4Length()).isEqualTo(new FilterSettings.LengthRange(8, 24));
        assertThat(s.ipv6Length()).isEqualTo(new FilterSettings.LengthRange(12, 48));
        assertThat(s.maxAsPathLength()).isEqualTo(32);
        assertThat(s.nextHop().policy()).isEqualTo(FilterSettings.NextHopPolicy.STRICT);
        assertThat(s.transitFree().asns()).contains(174L, 3356L, 12956L).hasSize(14);
        assertThat(s.irr().enforceOriginInAsSet()).as("no IRR data configured: IRR checks cannot run").isFalse();
        assertThat(s.rpki().enabled()).as("no VRPs configured").isFalse();
        assertThat(s.maxPrefix().action()).isEqualTo(FilterSettings.MaxPrefixAction.RESTART);
        assertThat(s.maxPrefix().generalLimitIpv4()).isEqualTo(170_000);
    }

    @Test
    void clientSettingsOverrideTheGlobalOnesKeyByKey(@TempDir Path dir) throws Exception {
        Path vrps = dir.resolve("vrps.json");
        Files.writeString(vrps, "{\"roas\": []}");
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, """
                asn: 65000
                router_id: 10.0.0.1
                listen: ["127.0.0.1:1790"]
                rpki: {vrp_files: [vrps.json]}
                filters:
                  reject_policy: {policy: tag}
                  ipv4_pref_len: {min: 8, max: 24}
                  max_as_path_len: 20
                  transit_free: {action: reject, asns: "174, 3356"}
                  max_prefix: {action: block, restart_after: 30s}
                clients:
                  - asn: 64600
                    ip: 127.1.0.1
                    filters:
                      ipv4_pref_len: {max: 25}
                      next_hop: {policy: authorized_addresses, authorized_addresses_list: [127.1.0.9]}
                      max_prefix: {limit_ipv4: 10, action: restart}
                      black_list_pref: ["192.0.2.0/24", {prefix: 198.51.100.0, length: 24, exact: true}]
                  - asn: 64601
                    ip: [127.1.0.2, "2001:db8::2"]
                """);
        RouteServerConfig c = ConfigLoader.load(f);
        FilterSettings a = c.clients().get(0).filters();
        FilterSettings b = c.clients().get(1).filters();
        assertThat(a.ipv4Length()).isEqualTo(new FilterSettings.LengthRange(8, 25));
        assertThat(b.ipv4Length()).isEqualTo(new FilterSettings.LengthRange(8, 24));
        assertThat(a.maxAsPathLength()).as("inherited").isEqualTo(20);
        assertThat(a.rejectPolicy()).isEqualTo(FilterSettings.RejectPolicy.TAG);
        assertThat(a.transitFree().asns()).containsExactlyInAnyOrder(174L, 3356L);
        assertThat(a.nextHop().authorizedAddresses()).hasSize(1);
        assertThat(a.maxPrefix().limitIpv4()).isEqualTo(10);
        assertThat(a.maxPrefix().action()).isEqualTo(FilterSettings.MaxPrefixAction.RESTART);
        assertThat(a.maxPrefix().restartAfter()).hasSeconds(30);
        assertThat(b.maxPrefix().action()).isEqualTo(FilterSettings.MaxPrefixAction.BLOCK);
        assertThat(a.clientBlockList()).hasSize(2);
        assertThat(a.clientBlockList().get(1).exact()).isTrue();
        assertThat(b.clientBlockList()).isEmpty();
        assertThat(a.rpki().enabled()).as("VRPs configured: origin validation on").isTrue();
        assertThat(c.clients().get(1).ips()).hasSize(2);
    }

    @Test
    void checksThatNeedDataRefuseToRunWithoutIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, """
                asn: 65000
                router_id: 10.0.0.1
                listen: ["127.0.0.1:1790"]
                filters:
                  rpki_bgp_origin_validation: {enabled: true}
                  irrdb: {enforce_origin_in_as_set: true}
                  never_via_route_servers: {peering_db: true}
                blackhole_filtering: {policy_ipv4: rewrite-next-hop}
                clients: []
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).containsExactly(
                        f + ":7: filters.never_via_route_servers.peering_db: needs PeeringDB data: set peeringdb.file",
                        f + ":6: filters.irrdb.enforce_origin_in_as_set: IRR checks need IRR data: set irr.dumps",
                        f + ":5: filters.rpki_bgp_origin_validation.enabled: RPKI origin validation needs VRPs: set "
                                + "rpki.vrp_files or rpki.rtr",
                        f + ":8: blackhole_filtering.rewrite_next_hop_ipv4: policy_ipv4 rewrite-next-hop needs this "
                                + "address"));
    }

    @Test
    void rtrCachesArePreferredInTheOrderGivenUnlessTheySayOtherwise(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, MINIMAL + "rpki: {rtr: [\"127.0.0.1:8282\", \"[::1]:8283,7\", \"rtr.example:323\"]}\n");
        RouteServerConfig c = ConfigLoader.load(f);
        assertThat(c.rtrCaches()).extracting(org.peerage.policy.rtr.RtrCache::address,
                org.peerage.policy.rtr.RtrCache::preference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("127.0.0.1:8282", 1),
                org.assertj.core.groups.Tuple.tuple("[::1]:8283", 7),
                org.assertj.core.groups.Tuple.tuple("rtr.example:323", 3));

        Files.writeString(f, MINIMAL + "rpki:\n  rtr: [\"127.0.0.1\"]\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.errors()).singleElement().asString().startsWith(f + ":12: rpki.rtr[0]: ")
                        .contains("no port"));
    }
}
