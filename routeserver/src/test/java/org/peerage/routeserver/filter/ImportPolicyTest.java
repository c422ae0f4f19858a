package org.peerage.routeserver.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.WireReader;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.policy.aspa.Aspa;
import org.peerage.policy.aspa.AspaTable;
import org.peerage.policy.bogon.BogonAsns;
import org.peerage.policy.bogon.BogonPrefixes;
import org.peerage.policy.irr.IrrDatabase;
import org.peerage.policy.peeringdb.PeeringDbNet;
import org.peerage.policy.peeringdb.PeeringDbNets;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;

/**
 * Every import check with a route it accepts and one it refuses, on a client AS 3333 at 192.0.2.11 with IRR objects,
 * VRPs, ASPA objects and PeeringDB records built here.
 */
class ImportPolicyTest {
    private static final long CLIENT = 3333;
    private static final String ADDRESS = "192.0.2.11";

    @TempDir
    static Path dir;
    private static RouteServerConfig config;
    private static PolicyData data;

    @BeforeAll
    static void setUp() throws Exception {
        Files.writeString(dir.resolve("irr.db"), """
                as-set:  AS-CLIENT
                members: AS3333, AS-CUSTOMERS
                source:  TEST

                as-set:  AS-CUSTOMERS
                members: AS64496, AS196608, AS-CLIENT
                source:  TEST

                route:   193.0.0.0/21
                origin:  AS3333
                source:  TEST

                route:   198.18.0.0/15
                origin:  AS3333
                source:  TEST

                route:   185.0.0.0/22
                origin:  AS196608
                source:  TEST

                route6:  2001:67c:2e8::/48
                origin:  AS3333
                source:  TEST
                """);
        Files.writeString(dir.resolve("vrps.json"), "{\"roas\": []}");
        Files.writeString(dir.resolve("peeringdb.json"), "{\"data\": []}");
        Files.writeString(dir.resolve("rs.yaml"), """
                asn: 64500
                router_id: 10.0.0.1
                listen: ["127.0.0.1:1790"]
                irr: {dumps: [irr.db]}
                rpki: {vrp_files: [vrps.json]}
                filters:
                  aspa: {enabled: true}
                  never_via_route_servers: {asns: [137]}
                  global_black_list_pref: ["194.9.0.0/16"]
                clients:
                  - asn: 3333
                    ip: [192.0.2.11, "2001:db8::11"]
                    filters:
                      irrdb: {as_sets: [AS-CLIENT]}
                      black_list_pref: [{prefix: 193.0.4.0, length: 24, exact: true}]
                """);
        config = ConfigLoader.load(dir.resolve("rs.yaml"));
        VrpTable vrps = VrpTable.of(List.of(
                new Vrp(Prefix.parse("193.0.0.0/21"), 24, CLIENT, "test", 0),
                new Vrp(Prefix.parse("185.0.0.0/22"), 22, 64999, "test", 0)));
        AspaTable aspas = AspaTable.of(List.of(new Aspa(196608, new long[] {64496})));
        PeeringDbNets pdb = PeeringDbNets.of(List.of(new PeeringDbNet(65551, "never", 10, 10, true, null)));
        data = new PolicyData(BogonPrefixes.defaults(), BogonAsns.defaults(), vrps, aspas, true,
                IrrDatabase.load(List.of(dir.resolve("irr.db"))), pdb, List.of(), java.util.Map.of());
    }

    private record Outcome(RejectReason reason, int rpki, boolean blackhole, List<String> evidence) {
    }

    private static Outcome check(String prefix, String nextHop, long[] path, int... communities) {
        return check(config.clients().getFirst(), prefix, nextHop, path, communities);
    }

    private static Outcome check(ClientConfig client, String prefix, String nextHop, long[] path,
                                 int... communities) {
        List<PathAttribute> attrs = new ArrayList<>();
        attrs.add(Origin.of(Origin.IGP));
        attrs.add(AsPath.of(path.length == 0 ? List.of() : List.of(AsPathSegment.sequence(path))));
        attrs.add(NextHop.of(WireReader.i32(InetText.parseAddress(nextHop), 0)));
        if (communities.length > 0) attrs.add(Communities.of(communities));
        ClientPolicy policy = ClientPolicy.compile(client, client.ips(), data);
        ImportPolicy p = new ImportPolicy(data, config.blackholing());
        RouteFacts facts = RouteFacts.of(attrs);
        List<String> evidence = new ArrayList<>();
        Evidence ev = (check, outcome, detail) -> evidence.add(check + " " + outcome + ": " + detail);
        RejectReason attr = p.attributeVerdict(policy, facts, ev);
        int out = p.evaluate(policy, facts, attr, Prefix.parse(prefix), ev);
        int verdict = out & 0xFF;
        return new Outcome(verdict == 0 ? null : RejectReason.ofVerdict(verdict), out >>> 8 & 3,
                (out >>> 8 & ImportPolicy.BLACKHOLE_TAG) != 0, evidence);
    }

    private static long[] path(long... asns) {
        return asns;
    }

    @Test
    void aRouteThatPassesEveryCheckIsAcceptedAndRpkiValid() {
        Outcome o = check("193.0.0.0/21", ADDRESS, path(CLIENT));
        assertThat(o.reason()).as("%s", o.evidence()).isNull();
        assertThat(o.rpki()).isEqualTo(ImportPolicy.RPKI_VALID);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("irr origin PASSED: origin AS3333 via AS-CLIENT"));
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("rpki PASSED: VALID for origin AS3333"));
    }

    @Test
    void prefixLength() {
        assertThat(check("193.0.0.0/24", ADDRESS, path(CLIENT)).reason()).as("/24 is the longest allowed")
                .isNotIn(RejectReason.PREFIX_TOO_LONG, RejectReason.PREFIX_TOO_SHORT);
        assertThat(check("193.0.0.0/25", ADDRESS, path(CLIENT)).reason()).isEqualTo(RejectReason.PREFIX_TOO_LONG);
        assertThat(check("10.0.0.0/7", ADDRESS, path(CLIENT)).reason()).isEqualTo(RejectReason.PREFIX_TOO_SHORT);
    }

    @Test
    void bogonPrefixesAndIpv6OutsideGlobalUnicast() {
        Outcome bogon = check("198.18.0.0/15", ADDRESS, path(CLIENT));
        assertThat(bogon.reason()).as("benchmarking space, even with a route object").isEqualTo(
                RejectReason.BOGON_PREFIX);
        assertThat(bogon.evidence()).anyMatch(e -> e.startsWith("bogon prefix FAILED: within bogon 198.18.0.0/15"));
        assertThat(check("fc00::/16", ADDRESS, path(CLIENT)).reason()).isEqualTo(RejectReason.BOGON_PREFIX);
        assertThat(check("4000::/16", ADDRESS, path(CLIENT)).reason()).isEqualTo(
                RejectReason.IPV6_NOT_GLOBAL_UNICAST);
        assertThat(check("2001:67c:2e8::/48", ADDRESS, path(CLIENT)).reason()).isNull();
    }

    @Test
    void blockLists() {
        assertThat(check("194.9.1.0/24", ADDRESS, path(CLIENT)).reason()).as("more specifics of the entry too")
                .isEqualTo(RejectReason.GLOBAL_BLOCK_LIST);
        assertThat(check("193.0.4.0/24", ADDRESS, path(CLIENT)).reason()).isEqualTo(RejectReason.CLIENT_BLOCK_LIST);
        assertThat(check("193.0.5.0/24", ADDRESS, path(CLIENT)).reason()).as("the entry is exact")
                .isNotEqualTo(RejectReason.CLIENT_BLOCK_LIST);
    }

    @Test
    void asPathLength() {
        long[] long32 = new long[32];
        long[] long33 = new long[33];
        java.util.Arrays.fill(long32, CLIENT);
        java.util.Arrays.fill(long33, CLIENT);
        assertThat(check("193.0.0.0/21", ADDRESS, long32).reason()).isNull();
        assertThat(check("193.0.0.0/21", ADDRESS, long33).reason()).isEqualTo(RejectReason.AS_PATH_TOO_LONG);
    }

    @Test
    void privateAndReservedAsns() {
        Outcome o = check("193.0.0.0/21", ADDRESS, path(CLIENT, 64512, CLIENT));
        assertThat(o.reason()).isEqualTo(RejectReason.INVALID_ASN);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("invalid asn FAILED: AS64512"));
        assertThat(check("193.0.0.0/21", ADDRESS, path(CLIENT, 23456, CLIENT)).reason()).isEqualTo(
                RejectReason.INVALID_ASN);
    }

    @Test
    void firstAsMustBeTheClients() {
        assertThat(check("193.0.0.0/21", ADDRESS, path(3320, CLIENT)).reason()).isEqualTo(
                RejectReason.FIRST_AS_NOT_CLIENT);
        assertThat(check("193.0.0.0/21", ADDRESS, path()).reason()).isEqualTo(RejectReason.FIRST_AS_NOT_CLIENT);
    }

    @Test
    void nextHopMustBeTheClient() {
        Outcome o = check("193.0.0.0/21", "192.0.2.99", path(CLIENT));
        assertThat(o.reason()).isEqualTo(RejectReason.NEXT_HOP_NOT_CLIENT);
        assertThat(o.evidence()).anyMatch(e -> e.contains("192.0.2.99 is not among [192.0.2.11, 2001:db8::11]"));
    }

    @Test
    void transitFreeAsnsOnlyInTheFirstPosition() {
        assertThat(check("193.0.0.0/21", ADDRESS, path(CLIENT, 3356, CLIENT)).reason()).isEqualTo(
                RejectReason.TRANSIT_FREE_ASN);
    }

    @Test
    void neverViaRouteServersFromConfigAndFromPeeringDb() {
        assertThat(check("193.0.0.0/21", ADDRESS, path(CLIENT, 137, CLIENT)).reason()).isEqualTo(
                RejectReason.NEVER_VIA_ROUTE_SERVERS);
        ClientConfig lenient = withoutInvalidAsnCheck();
        assertThat(check(lenient, "193.0.0.0/21", ADDRESS, path(CLIENT, 65551, CLIENT)).reason())
                .as("flagged in PeeringDB").isEqualTo(RejectReason.NEVER_VIA_ROUTE_SERVERS);
        assertThat(check(lenient, "193.0.0.0/21", ADDRESS, path(CLIENT, 65552, CLIENT)).reason()).isNull();
    }

    @Test
    void originMustBeInTheClientsAsSets() {
        Outcome o = check("193.0.0.0/21", ADDRESS, path(CLIENT, 8283));
        assertThat(o.reason()).isEqualTo(RejectReason.ORIGIN_NOT_IN_AS_SET);
        assertThat(o.evidence()).anyMatch(e -> e.startsWith("irr origin FAILED: origin AS8283 not in AS-CLIENT"));
        Outcome nested = check("185.0.0.0/22", ADDRESS, path(CLIENT, 196608));
        assertThat(nested.evidence()).as("a loop AS-CLIENT > AS-CUSTOMERS > AS-CLIENT is harmless")
                .anyMatch(e -> e.startsWith("irr origin PASSED: origin AS196608 via AS-CLIENT > AS-CUSTOMERS"));
    }

    @Test
    void rpkiInvalidIsRefusedAndItsRoaShown() {
        Outcome byLength = check("193.0.0.0/25", ADDRESS, path(CLIENT));
        assertThat(byLength.reason()).isEqualTo(RejectReason.PREFIX_TOO_LONG);
        Outcome byOrigin = check("185.0.0.0/22", ADDRESS, path(CLIENT, 196608));
        assertThat(byOrigin.reason()).isEqualTo(RejectReason.RPKI_INVALID);
        assertThat(byOrigin.rpki()).isEqualTo(ImportPolicy.RPKI_INVALID);
        assertThat(byOrigin.evidence()).anyMatch(e -> e.contains("ROAs: 185.0.0.0/22-22 AS64999"));
    }

    @Test
    void aspaUpstreamVerification() {
        ClientConfig noRpki = withRpkiTaggingOnly();
        assertThat(check(noRpki, "185.0.0.0/22", ADDRESS, path(CLIENT, 196608)).reason())
                .as("AS196608 names AS64496 its only provider, and AS3333 is not").isEqualTo(
                        RejectReason.ASPA_INVALID);
    }

    @Test
    void prefixMustBeAmongTheRouteObjects() {
        Outcome o = check("193.0.8.0/21", ADDRESS, path(CLIENT));
        assertThat(o.reason()).isEqualTo(RejectReason.PREFIX_NOT_IN_AS_SET);
        assertThat(check("193.0.1.0/24", ADDRESS, path(CLIENT)).reason()).as("a more specific: exact match only")
                .isEqualTo(RejectReason.PREFIX_NOT_IN_AS_SET);
        assertThat(o.rpki()).as("RPKI was checked before").isEqualTo(ImportPolicy.RPKI_NOT_FOUND);
    }

    @Test
    void blackholesDownToSlash32WithinTheClientsSpace() {
        Outcome inside = check("193.0.1.1/32", ADDRESS, path(CLIENT), Communities.BLACKHOLE);
        assertThat(inside.reason()).as("%s", inside.evidence()).isNull();
        assertThat(inside.blackhole()).isTrue();
        assertThat(inside.evidence()).anyMatch(e -> e.startsWith("blackhole PASSED: covered by route object "
                + "193.0.0.0/21"));
        Outcome outside = check("194.0.1.1/32", ADDRESS, path(CLIENT), Communities.BLACKHOLE);
        assertThat(outside.reason()).isEqualTo(RejectReason.BLACKHOLE_OUTSIDE_CLIENT_SPACE);
        assertThat(check("193.0.1.1/32", ADDRESS, path(CLIENT)).reason()).as("without BLACKHOLE: too long")
                .isEqualTo(RejectReason.PREFIX_TOO_LONG);
    }

    @Test
    void filtersOffAcceptsEverything() throws Exception {
        Path f = dir.resolve("off.yaml");
        Files.writeString(f, """
                asn: 64500
                router_id: 10.0.0.1
                listen: ["127.0.0.1:1790"]
                filters: {enabled: false}
                clients: [{asn: 3333, ip: 192.0.2.11}]
                """);
        ClientConfig c = ConfigLoader.load(f).clients().getFirst();
        assertThat(check(c, "10.0.0.0/8", "192.0.2.99", path(3356, 64512)).reason()).isNull();
        ClientPolicy policy = ClientPolicy.compile(c, c.ips(), data);
        assertThat(policy.maxPrefixIpv4()).as("no max-prefix limit either").isZero();
        assertThat(policy.maxPrefixIpv6()).isZero();
    }

    private static ClientConfig withoutInvalidAsnCheck() {
        return clientWith("reject_invalid_as_in_as_path: false");
    }

    private static ClientConfig withRpkiTaggingOnly() {
        return clientWith("rpki: {reject_invalid: false}");
    }

    private static ClientConfig clientWith(String filterLine) {
        try {
            Path f = dir.resolve("variant.yaml");
            Files.writeString(f, """
                    asn: 64500
                    router_id: 10.0.0.1
                    listen: ["127.0.0.1:1790"]
                    irr: {dumps: [irr.db]}
                    rpki: {vrp_files: [vrps.json]}
                    peeringdb: {file: peeringdb.json}
                    filters:
                      aspa: {enabled: true}
                    clients:
                      - asn: 3333
                        ip: [192.0.2.11]
                        filters:
                          irrdb: {as_sets: [AS-CLIENT]}
                          %s
                    """.formatted(filterLine));
            return ConfigLoader.load(f).clients().getFirst();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
