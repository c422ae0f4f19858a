package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.filter.Evidence;
import org.peerage.routeserver.filter.RejectReason;

/**
 * explain for every reject reason: a raw client sends one route per reason (exactly the attributes built here, no AS
 * prepended), and the explanation names the failing check with its evidence, and tells the other client why it was
 * not sent the route.
 */
@Timeout(90)
class ExplainTest {
    private static final long A = 3333;
    private static final int NEXT_HOP = 0x7F00070A; // 127.0.7.10

    private static UpdateMessage update(String prefix, int nextHop, long[] path, int... communities) {
        List<PathAttribute> attrs = new ArrayList<>();
        attrs.add(Origin.of(Origin.IGP));
        attrs.add(AsPath.of(path.length == 0 ? List.of() : List.of(AsPathSegment.sequence(path))));
        Prefix p = Prefix.parse(prefix);
        if (communities.length > 0) attrs.add(Communities.of(communities));
        if (p.isIpv6()) {
            attrs.add(MpReachNlri.of(AddressFamily.IPV6_UNICAST, org.peerage.bgp.wire.InetText.parseAddress(
                    "2001:db8::10"), List.of(Route.of(p))));
            return new UpdateMessage(List.of(), attrs, List.of());
        }
        attrs.add(NextHop.of(nextHop));
        return new UpdateMessage(List.of(), attrs, List.of(Route.of(p)));
    }

    private static long[] path(long... asns) {
        return asns;
    }

    @Test
    void everyReasonIsExplainedWithItsEvidence(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("irr.db"), """
                as-set: AS-A
                members: AS3333, AS196608
                source: TEST

                route: 193.0.0.0/21
                origin: AS3333
                source: TEST

                route: 193.0.9.0/24
                origin: AS3333
                source: TEST

                route: 193.0.0.0/22
                origin: AS3333
                source: TEST

                route: 193.0.4.0/22
                origin: AS3333
                source: TEST

                route: 193.0.0.0/23
                origin: AS3333
                source: TEST
                """);
        Files.writeString(dir.resolve("vrps.json"), """
                {"roas": [{"asn": 9999, "prefix": "193.0.5.0/24", "maxLength": 24, "ta": "test"}],
                 "aspas": [{"customer_asid": 196608, "providers": [64496]}]}""");
        String yaml = """
                asn: 64500
                router_id: 10.0.0.1
                listen: [127.0.7.1:%PORT%]
                irr: {dumps: [irr.db]}
                rpki: {vrp_files: [vrps.json]}
                filters:
                  global_black_list_pref: ["194.9.0.0/16"]
                  never_via_route_servers: {asns: [137]}
                  aspa: {enabled: true}
                  max_as_path_len: 5
                clients:
                  - asn: 3333
                    ip: [127.0.7.10, "2001:db8::10"]
                    filters:
                      irrdb: {as_sets: [AS-A]}
                      black_list_pref: ["193.0.7.0/24"]
                      rpki: {reject_invalid: true}
                      max_prefix: {limit_ipv4: 4, action: block}
                  - {asn: 8283, ip: 127.0.7.11}
                """;
        Map<RejectReason, UpdateMessage> cases = new EnumMap<>(RejectReason.class);
        cases.put(RejectReason.PREFIX_TOO_SHORT, update("12.0.0.0/7", NEXT_HOP, path(A)));
        cases.put(RejectReason.PREFIX_TOO_LONG, update("193.0.0.0/25", NEXT_HOP, path(A)));
        cases.put(RejectReason.BOGON_PREFIX, update("192.168.0.0/16", NEXT_HOP, path(A)));
        cases.put(RejectReason.IPV6_NOT_GLOBAL_UNICAST, update("4000::/16", NEXT_HOP, path(A)));
        cases.put(RejectReason.GLOBAL_BLOCK_LIST, update("194.9.1.0/24", NEXT_HOP, path(A)));
        cases.put(RejectReason.CLIENT_BLOCK_LIST, update("193.0.7.0/24", NEXT_HOP, path(A)));
        cases.put(RejectReason.AS_PATH_TOO_LONG, update("193.0.1.0/24", NEXT_HOP, path(A, A, A, A, A, A)));
        cases.put(RejectReason.INVALID_ASN, update("193.0.2.0/24", NEXT_HOP, path(A, 4200000001L)));
        cases.put(RejectReason.FIRST_AS_NOT_CLIENT, update("193.0.3.0/24", NEXT_HOP, path(8283, A)));
        cases.put(RejectReason.NEXT_HOP_NOT_CLIENT, update("193.0.4.0/24", 0x7F0007FE, path(A)));
        cases.put(RejectReason.TRANSIT_FREE_ASN, update("193.0.6.0/24", NEXT_HOP, path(A, 1299, 196608)));
        cases.put(RejectReason.NEVER_VIA_ROUTE_SERVERS, update("193.0.6.0/23", NEXT_HOP, path(A, 137, 196608)));
        cases.put(RejectReason.ORIGIN_NOT_IN_AS_SET, update("193.0.8.0/24", NEXT_HOP, path(A, 8075)));
        cases.put(RejectReason.RPKI_INVALID, update("193.0.5.0/24", NEXT_HOP, path(A)));
        cases.put(RejectReason.ASPA_INVALID, update("193.0.2.0/23", NEXT_HOP, path(A, 196608)));
        cases.put(RejectReason.PREFIX_NOT_IN_AS_SET, update("193.0.10.0/24", NEXT_HOP, path(A)));
        cases.put(RejectReason.BLACKHOLE_OUTSIDE_CLIENT_SPACE, update("195.0.0.1/32", NEXT_HOP, path(A),
                Communities.BLACKHOLE));
        List<UpdateMessage> accepted = List.of(update("193.0.0.0/21", NEXT_HOP, path(A)),
                update("193.0.9.0/24", NEXT_HOP, path(A)), update("193.0.0.0/22", NEXT_HOP, path(A)),
                update("193.0.4.0/22", NEXT_HOP, path(A)));
        assertThat(cases.keySet()).as("every reason but max-prefix has a case here")
                .containsAll(java.util.EnumSet.complementOf(java.util.EnumSet.of(RejectReason.MAX_PREFIX)));

        try (RsHarness h = new RsHarness(dir, yaml);
             RawBgpClient a = new RawBgpClient("127.0.7.10", RsHarness.RS_ADDRESS, h.port, A)) {
            Speaker b = h.start(h.client("b", 8283, "127.0.7.11", new RouteTable()));
            RsHarness.waitFor("b is up", () -> h.rs.sessions().get("AS8283 127.0.7.11")
                    == org.peerage.bgp.session.SessionState.ESTABLISHED);
            for (UpdateMessage u : cases.values()) a.send(u);
            for (UpdateMessage u : accepted) a.send(u);
            a.send(update("193.0.9.0/25", NEXT_HOP, path(A))); // too long, checked before max-prefix
            a.send(update("193.0.0.0/23", NEXT_HOP, path(A)));  // the fifth accepted: max-prefix blocks it
            RsHarness.waitFor("b has the four accepted routes", () -> b.received().get("b") == 4);
            RsHarness.waitFor("all held", () -> h.rs.counts()[1] == cases.size() + accepted.size() + 2);

            for (var e : cases.entrySet()) {
                Prefix p = prefixOf(e.getValue());
                Explanation x = only(h.rs.explain(p, 0));
                assertThat(x.route().rejected()).as("%s", p).isEqualTo(e.getKey());
                Explanation.Check failed = x.checks().stream().filter(c -> c.outcome() == Evidence.Outcome.FAILED)
                        .findFirst().orElseThrow(() -> new AssertionError(p + ": no failed check in " + x.checks()));
                assertThat(failed.detail()).as("%s evidence", e.getKey()).isNotBlank();
                assertThat(x.receivers().get("AS8283 127.0.7.11")).as("%s", e.getKey()).isEqualTo(
                        "not exported: refused by import policy (" + e.getKey().label() + ")");
            }
            assertThat(failed(h, "193.0.5.0/24")).contains("ROAs: 193.0.5.0/24-24 AS9999");
            assertThat(failed(h, "193.0.8.0/24")).contains("origin AS8075 not in AS-A");
            assertThat(failed(h, "193.0.4.0/24")).contains("127.0.7.254 is not among [127.0.7.10, 2001:db8::10]");
            assertThat(failed(h, "193.0.3.0/24")).contains("left-most AS8283, client is AS3333");
            assertThat(failed(h, "193.0.0.0/23")).contains("after 4 accepted IPv4 routes, the limit (client "
                    + "configuration), with action block");
            Explanation ok = only(h.rs.explain(Prefix.parse("193.0.9.0/24"), 0));
            assertThat(ok.checks()).anyMatch(c -> c.name().equals("irr prefix") && c.detail().contains(
                    "route object 193.0.9.0/24 in AS-A"));
            assertThat(ok.receivers()).containsEntry("AS8283 127.0.7.11", "exported");
        }
    }

    private static String failed(RsHarness h, String prefix) {
        return only(h.rs.explain(Prefix.parse(prefix), 0)).checks().stream()
                .filter(c -> c.outcome() == Evidence.Outcome.FAILED).findFirst().orElseThrow().detail();
    }

    private static Explanation only(List<Explanation> l) {
        assertThat(l).hasSize(1);
        return l.getFirst();
    }

    private static Prefix prefixOf(UpdateMessage u) {
        return u.nlri().isEmpty() ? u.mpReach().nlri().getFirst().prefix() : u.nlri().getFirst().prefix();
    }
}
