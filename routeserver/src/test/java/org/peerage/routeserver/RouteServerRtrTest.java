package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.routeserver.RsHarness.path;
import static org.peerage.routeserver.RsHarness.route;
import static org.peerage.routeserver.RsHarness.table;
import static org.peerage.routeserver.RsHarness.waitFor;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.policy.rtr.RtrCacheState;
import org.peerage.policy.rtr.StayRtr;

/**
 * RPKI from a real RTR cache (StayRTR): a change of the cache's VRPs reaches the clients as the withdrawal of the
 * route it made invalid, with no session reset and nothing else sent.
 */
@Timeout(120)
class RouteServerRtrTest {
    private static String vrps(String... prefixMaxAsn) {
        StringBuilder roas = new StringBuilder();
        for (String v : prefixMaxAsn) {
            String[] f = v.split(" ");
            if (!roas.isEmpty()) roas.append(",\n");
            roas.append("{\"asn\": ").append(f[2]).append(", \"prefix\": \"").append(f[0]).append("\", \"maxLength\": ")
                    .append(f[1]).append(", \"ta\": \"test\", \"expires\": 4102444800}");
        }
        return "{\"metadata\": {\"buildtime\": \"2026-01-01T00:00:00Z\"}, \"roas\": [" + roas + "]}\n";
    }

    private static ClientView view(RsHarness h, long asn) {
        return h.rs.clients().stream().filter(v -> v.asn() == asn).findFirst().orElseThrow();
    }

    @Test
    void aVrpChangeAtTheCacheWithdrawsTheRouteItInvalidatesWithoutASessionReset(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cache.json");
        StayRtr.write(file, vrps("193.0.0.0/24 24 3333"));
        try (StayRtr cache = new StayRtr(file);
             RsHarness h = new RsHarness(dir, """
                     asn: 64500
                     router_id: 10.0.0.1
                     listen: [127.0.7.1:%PORT%]
                     rpki: {rtr: ["127.0.0.1:RTRPORT"]}
                     filters: {rpki_bgp_origin_validation: {enabled: true, reject_invalid: true}}
                     clients:
                       - {asn: 3333, ip: 127.0.7.10}
                       - {asn: 8283, ip: 127.0.7.11}
                     """.replace("RTRPORT", String.valueOf(cache.port())))) {
            waitFor("the cache is synced", () -> !h.rs.rtrStatus().isEmpty()
                    && h.rs.rtrStatus().getFirst().state() == RtrCacheState.SYNCED);
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(route("193.0.0.0/24"), route("193.0.1.0/24"))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()));
            waitFor("b has the valid and the unknown route", () -> s.received().get("b") == 2);
            long aSince = view(h, 3333).stateSinceMillis();
            long bSince = view(h, 8283).stateSinceMillis();
            long bSent = view(h, 8283).routesSent();

            // The cache learns a ROA of another AS for the second prefix: a's announcement of it becomes invalid.
            StayRtr.write(file, vrps("193.0.0.0/24 24 3333", "193.0.1.0/24 24 9999"));
            try {
                waitFor("b lost the now invalid route", () -> s.received().get("b") == 1);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; route server log: " + h.log(), e);
            }
            assertThat(path(s.adjRibIn("b"), "193.0.0.0/24")).isEqualTo("3333");
            assertThat(path(s.adjRibIn("b"), "193.0.1.0/24")).isNull();
            assertThat(h.rs.explain(org.peerage.bgp.wire.Prefix.parse("193.0.1.0/24"), 0).toString())
                    .contains("rpki_invalid");
            assertThat(view(h, 3333).stateSinceMillis()).as("a's session was not reset").isEqualTo(aSince);
            assertThat(view(h, 8283).stateSinceMillis()).as("b's session was not reset").isEqualTo(bSince);
            assertThat(view(h, 8283).routesSent() - bSent).as("b was sent one withdrawal and nothing else")
                    .isEqualTo(1);
            assertThat(h.rs.rtrStatus().getFirst().vrpCount()).isEqualTo(2);
            try (org.peerage.routeserver.http.HttpApi api = org.peerage.routeserver.http.HttpApi.start(h.rs,
                    new java.net.InetSocketAddress("127.0.7.1", 0))) {
                String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.7.1:" + api.address().getPort() + "/metrics")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                String labels = "cache=\"127.0.0.1:" + cache.port() + "\",state=\"synced\"";
                assertThat(metrics).contains("peerage_rs_rpki_cache_up{" + labels + "} 1.0",
                        "peerage_rs_rpki_cache_in_use{" + labels + "} 1.0",
                        "peerage_rs_rpki_cache_vrps{" + labels + "} 2.0");
            }

            // The ROA goes away again: the route comes back.
            StayRtr.write(file, vrps("193.0.0.0/24 24 3333"));
            waitFor("b has the route again", () -> s.received().get("b") == 2);
            assertThat(view(h, 8283).stateSinceMillis()).isEqualTo(bSince);
        }
    }
}
