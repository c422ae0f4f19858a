package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.FilterSettings;
import org.peerage.routeserver.config.RouteServerConfig;

/** An arouteserver setup in the shape its documentation gives, converted and then loaded by peerage. */
class ImportArouteserverCommandTest {
    private static final String GENERAL = """
            cfg:
              rs_as: 999
              router_id: "192.0.2.2"
              prepend_rs_as: False
              path_hiding: True
              passive: True
              gtsm: False
              add_path: True
              filtering:
                next_hop:
                  policy: "same-as"
                ipv4_pref_len: {min: 8, max: 24}
                ipv6_pref_len: {min: 12, max: 48}
                global_black_list_pref:
                  - prefix: "192.0.2.0"
                    length: 24
                    comment: "Local network"
                max_as_path_len: 32
                reject_invalid_as_in_as_path: True
                transit_free:
                  action: "reject"
                  asns: "174, 701, 1299, 2914, 3257, 3320, 3356"
                never_via_route_servers:
                  peering_db: True
                irrdb:
                  enforce_origin_in_as_set: True
                  enforce_prefix_in_as_set: True
                  allow_longer_prefixes: False
                  tag_as_set: True
                rpki_bgp_origin_validation:
                  enabled: True
                  reject_invalid: True
                max_prefix:
                  action: "shutdown"
                  peering_db:
                    enabled: True
                    increment: {absolute: 100, relative: 15}
                reject_policy:
                  policy: "tag"
              rpki_roas:
                source: "ripe-rpki-validator-cache"
                ripe_rpki_validator_url:
                  - "https://console.rpki-client.org/vrps.json"
              blackhole_filtering:
                policy_ipv4: "rewrite-next-hop"
                rewrite_next_hop_ipv4: "192.0.2.66"
                announce_to_client: True
              graceful_shutdown:
                enabled: True
              rfc1997_wellknown_communities:
                policy: "pass"
              communities:
                do_not_announce_to_peer:
                  lrg: "rs_as:0:peer_as"
            """;
    private static final String CLIENTS = """
            asns:
              AS3333:
                as_sets:
                  - "AS-RIPENCC"
            clients:
              - asn: 3333
                ip: "192.0.2.11"
                description: "RIPE NCC"
              - asn: 10745
                ip:
                - "192.0.2.22"
                - "2001:db8:1:1::22"
                password: "s3cret"
                cfg:
                  passive: False
                  filtering:
                    next_hop:
                      policy: "authorized_addresses"
                      authorized_addresses_list: ["192.0.2.23"]
                    irrdb:
                      as_sets: ["AS-ARIN"]
                    max_prefix:
                      limit_ipv4: 1000
                  blackhole_filtering:
                    announce_to_client: False
            """;

    @Test
    void convertsAnArouteserverSetupIntoOneThatLoads(@TempDir Path dir) throws Exception {
        Path general = dir.resolve("general.yml");
        Path clients = dir.resolve("clients.yml");
        Files.writeString(general, GENERAL);
        Files.writeString(clients, CLIENTS);
        Path irr = dir.resolve("irr.db");
        Files.writeString(irr, "as-set: AS-RIPENCC\nmembers: AS3333\nsource: RIPE\n");
        Path vrps = dir.resolve("vrps.json");
        Files.writeString(vrps, "{\"roas\": []}");
        Path out = dir.resolve("rs.yaml");
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "import-arouteserver", general.toString(),
                clients.toString(), "--out", out.toString(), "--irr-dump", irr.toString(), "--vrp-file",
                vrps.toString(), "--listen", "127.0.0.1:1790");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("warning: cfg.rpki_roas.ripe_rpki_validator_url https://console.rpki-"
                        + "client.org/vrps.json", "warning: cfg.filtering.never_via_route_servers.peering_db",
                "warning: cfg.communities.do_not_announce_to_peer (lrg rs_as:0:peer_as)");

        RouteServerConfig c = ConfigLoader.load(out);
        assertThat(c.asn()).isEqualTo(999);
        assertThat(c.blackholing().nextHopIpv4().getHostAddress()).isEqualTo("192.0.2.66");
        assertThat(c.gracefulShutdown().enabled()).isTrue();
        FilterSettings g = c.filters();
        assertThat(g.nextHop().policy()).isEqualTo(FilterSettings.NextHopPolicy.SAME_AS);
        assertThat(g.rejectPolicy()).isEqualTo(FilterSettings.RejectPolicy.TAG);
        assertThat(g.transitFree().asns()).hasSize(7);
        assertThat(g.maxPrefix().action()).isEqualTo(FilterSettings.MaxPrefixAction.SHUTDOWN);
        assertThat(g.globalBlockList()).singleElement().satisfies(p -> assertThat(p.prefix()).hasToString(
                "192.0.2.0/24"));
        ClientConfig ripe = c.clients().get(0);
        ClientConfig arin = c.clients().get(1);
        assertThat(ripe.filters().irr().asSets()).as("the AS-level as_sets").containsExactly("AS-RIPENCC");
        assertThat(ripe.addPath()).as("cfg.add_path applies to every client").isTrue();
        assertThat(arin.passive()).isFalse();
        assertThat(arin.ips()).hasSize(2);
        assertThat(arin.password()).isEqualTo("s3cret");
        assertThat(arin.filters().nextHop().policy()).isEqualTo(FilterSettings.NextHopPolicy.AUTHORIZED_ADDRESSES);
        assertThat(arin.filters().maxPrefix().limitIpv4()).isEqualTo(1000);
        assertThat(arin.filters().irr().asSets()).containsExactly("AS-ARIN");
        assertThat(arin.announceBlackholes()).isFalse();
    }

    @Test
    void arouteserverDefaultsAreKeptWhereOursDiffer(@TempDir Path dir) throws Exception {
        Path general = dir.resolve("general.yml");
        Path clients = dir.resolve("clients.yml");
        Files.writeString(general, "cfg:\n  rs_as: 999\n  router_id: 192.0.2.2\n");
        Files.writeString(clients, "clients:\n  - asn: 3333\n    ip: 192.0.2.11\n");
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "import-arouteserver", general.toString(),
                clients.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Path out = dir.resolve("rs.yaml");
        Files.writeString(out, r.out());
        FilterSettings f = ConfigLoader.load(out).filters();
        assertThat(f.transitFree().action()).as("arouteserver acts on transit-free ASNs only when told")
                .isEqualTo(FilterSettings.Action.NONE);
        assertThat(f.maxPrefix().action()).isEqualTo(FilterSettings.MaxPrefixAction.NONE);
        assertThat(ConfigLoader.load(out).blackholing().ipv4()).hasToString("NONE");
    }

    @Test
    void aConversionThatNeedsDataSaysSo(@TempDir Path dir) throws Exception {
        Path general = dir.resolve("general.yml");
        Path clients = dir.resolve("clients.yml");
        Files.writeString(general, GENERAL);
        Files.writeString(clients, CLIENTS);
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "import-arouteserver", general.toString(),
                clients.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("does not load yet", "IRR checks need IRR data: set irr.dumps");
        assertThat(r.out()).startsWith("# Converted from arouteserver's");
    }

    @Test
    void notAnArouteserverFileIsAnError(@TempDir Path dir) throws Exception {
        Path general = dir.resolve("general.yml");
        Files.writeString(general, "asn: 1\n");
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "import-arouteserver", general.toString(),
                general.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains(general + ": no 'cfg' section");
    }
}
