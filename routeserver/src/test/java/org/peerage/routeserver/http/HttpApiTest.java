package org.peerage.routeserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.routeserver.RsHarnessAccess.table;
import static org.peerage.routeserver.RsHarnessAccess.withCommunities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.routeserver.RsHarnessAccess;

/**
 * The HTTP API against a running route server: the birdwatcher responses checked field by field against what
 * Alice-LG's birdwatcher parsers read (their types: numbers where Alice asserts float64, strings where it asserts
 * strings, its time layouts), /api/explain and /metrics.
 */
@Timeout(90)
class HttpApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.7.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode n = JSON.readTree(r.body());
        n.withObjectProperty("_status").put("code", r.statusCode());
        return n;
    }

    @Test
    void birdwatcherShapesExplainAndMetrics(@TempDir Path dir) throws Exception {
        int httpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        Files.writeString(dir.resolve("vrps.json"), """
                {"roas": [{"asn": 3333, "prefix": "193.0.0.0/21", "maxLength": 24, "ta": "test"}]}""");
        Files.createDirectory(dir.resolve("dumps"));
        String yaml = """
                asn: 64500
                router_id: 10.0.0.1
                listen: [127.0.7.1:%PORT%]
                http: {listen: 127.0.7.1:HTTP}
                mrt_dumps: {directory: dumps, interval: 1s}
                rpki: {vrp_files: [vrps.json]}
                filters: {reject_policy: {policy: tag}}
                clients:
                  - {asn: 3333, ip: 127.0.7.10, description: "Example A"}
                  - {asn: 8283, ip: 127.0.7.11}
                """.replace("HTTP", String.valueOf(httpPort));
        try (RsHarnessAccess h = new RsHarnessAccess(dir, yaml);
             HttpApi api = HttpApi.start(h.routeServer(), h.routeServer().config().http())) {
            Speaker s = h.start(
                    h.client("a", 3333, "127.0.7.10", table(
                            withCommunities("193.0.0.0/21", new int[] {3333 << 16 | 7}, 3333, 1, 2),
                            RsHarnessAccess.route("10.0.0.0/8"), RsHarnessAccess.route("194.0.4.0/24", 196611))),
                    h.client("b", 8283, "127.0.7.11", new RouteTable()));
            RsHarnessAccess.waitFor("b has a's routes", () -> s.received().get("b") == 2);

            JsonNode status = get(httpPort, "/status");
            assertApiHeader(status);
            assertThat(status.at("/status/router_id").asText()).isEqualTo("10.0.0.1");
            LocalDateTime.parse(status.at("/status/current_server").asText(), SHORT);
            LocalDateTime.parse(status.at("/status/last_reboot").asText(), SHORT);

            JsonNode protocols = get(httpPort, "/protocols/bgp");
            assertApiHeader(protocols);
            JsonNode a = protocols.at("/protocols/AS3333_127_0_7_10");
            assertThat(a.get("neighbor_address").isTextual()).isTrue();
            assertThat(a.get("neighbor_address").asText()).isEqualTo("127.0.7.10");
            assertThat(a.get("neighbor_as").isNumber()).as("Alice reads neighbor_as as a number").isTrue();
            assertThat(a.get("neighbor_as").asLong()).isEqualTo(3333);
            assertThat(a.get("state").asText()).isEqualTo("up");
            assertThat(a.get("description").asText()).isEqualTo("Example A");
            LocalDateTime.parse(a.get("state_changed").asText(), SHORT);
            assertThat(a.get("last_error").isTextual()).isTrue();
            for (String f : new String[] {"imported", "filtered", "exported", "preferred"}) {
                assertThat(a.at("/routes/" + f).isNumber()).as("routes.%s is a number", f).isTrue();
            }
            assertThat(a.at("/routes/imported").asInt()).isEqualTo(2);
            assertThat(a.at("/routes/filtered").asInt()).isEqualTo(1);
            assertThat(a.at("/routes/preferred").asInt()).isEqualTo(2);
            assertThat(protocols.at("/protocols/AS8283_127_0_7_11/routes/exported").asInt()).isEqualTo(2);

            JsonNode received = get(httpPort, "/routes/protocol/AS3333_127_0_7_10");
            assertApiHeader(received);
            assertThat(received.get("routes")).hasSize(2);
            JsonNode r = routeIn(received, "193.0.0.0/21");
            assertThat(r.get("gateway").asText()).isEqualTo("127.0.7.10");
            assertThat(r.get("from_protocol").asText()).isEqualTo("AS3333_127_0_7_10");
            assertThat(r.get("primary").isBoolean()).isTrue();
            assertThat(r.get("metric").isNumber()).isTrue();
            LocalDateTime.parse(r.get("age").asText(), SHORT);
            JsonNode bgp = r.get("bgp");
            assertThat(bgp.get("as_path").get(0).isTextual()).as("Alice reads as_path as strings").isTrue();
            assertThat(bgp.get("as_path").get(0).asText()).isEqualTo("3333");
            assertThat(bgp.get("local_pref").isTextual()).as("Alice Atoi()s local_pref from a string").isTrue();
            assertThat(bgp.get("med").isTextual()).isTrue();
            assertThat(bgp.get("origin").asText()).isEqualTo("IGP");
            assertThat(bgp.get("next_hop").asText()).isEqualTo("127.0.7.10");
            assertThat(bgp.get("communities").get(0).get(0).isNumber()).isTrue();
            assertThat(bgp.get("communities").toString()).isEqualTo("[[3333,7]]");
            assertThat(bgp.get("large_communities").toString()).as("the route's own and its RPKI state")
                    .isEqualTo("[[3333,1,2],[64500,1000,1]]");

            JsonNode filtered = get(httpPort, "/routes/filtered/AS3333_127_0_7_10");
            JsonNode bogon = routeIn(filtered, "10.0.0.0/8");
            assertThat(bogon.at("/peerage/rejected").asText()).isEqualTo("bogon_prefix");
            assertThat(bogon.at("/bgp/large_communities").toString()).as("reject policy tag: the reason community")
                    .isEqualTo("[[64500,1101,3]]");
            assertThat(get(httpPort, "/routes/table/master").get("routes")).hasSize(2);
            assertThat(get(httpPort, "/routes/table/master/filtered").get("routes")).hasSize(1);
            assertThat(get(httpPort, "/routes/prefix?prefix=194.0.4.0/24").get("routes")).hasSize(1);
            assertThat(get(httpPort, "/routes/noexport/AS8283_127_0_7_11").get("routes")).isEmpty();
            JsonNode unknown = get(httpPort, "/routes/protocol/nope");
            assertThat(unknown.at("/_status/code").asInt()).isEqualTo(404);
            assertThat(unknown.get("error").asText()).contains("no such protocol: nope");

            JsonNode explain = get(httpPort, "/api/explain?prefix=10.0.0.0/8&client=3333");
            JsonNode path = explain.at("/paths/0");
            assertThat(path.get("accepted").asBoolean()).isFalse();
            assertThat(path.get("rejected").asText()).isEqualTo("bogon_prefix");
            assertThat(path.get("checks").toString()).contains("within bogon 10.0.0.0/8");
            assertThat(path.at("/receivers/AS8283 127.0.7.11").asText()).isEqualTo(
                    "not exported: refused by import policy (bogon_prefix)");
            JsonNode ok = get(httpPort, "/api/explain?prefix=193.0.0.0/21").at("/paths/0");
            assertThat(ok.get("rpki").asText()).isEqualTo("valid");
            assertThat(ok.at("/receivers/AS8283 127.0.7.11").asText()).isEqualTo("exported");
            assertThat(get(httpPort, "/api/explain?prefix=nonsense").at("/_status/code").asInt()).isEqualTo(400);

            // An MRT dump on demand, and the periodic ones: bgpdump reads both.
            Path dump = dir.resolve("rib.mrt");
            Files.write(dump, http.send(HttpRequest.newBuilder(URI.create("http://127.0.7.1:" + httpPort
                    + "/api/mrt")).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
            assertThat(bgpdump(dump)).contains(
                    "TABLE_DUMP2|", "|B|127.0.7.10|3333|193.0.0.0/21|3333|IGP|127.0.7.10|0|0|3333:7|NAG||",
                    "|B|127.0.7.10|3333|194.0.4.0/24|3333 196611|IGP|127.0.7.10|0|0||NAG||")
                    .doesNotContain("10.0.0.0/8");
            RsHarnessAccess.waitFor("a periodic dump (route server log: " + h.log() + ")", () -> {
                try (var files = Files.list(dir.resolve("dumps"))) {
                    return files.anyMatch(f -> f.getFileName().toString().matches("rib\\.\\d{8}\\.\\d{4}\\.gz"));
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            try (var files = Files.list(dir.resolve("dumps"))) {
                Path periodic = files.filter(f -> f.getFileName().toString().endsWith(".gz")).findFirst()
                        .orElseThrow();
                assertThat(bgpdump(periodic)).contains("193.0.0.0/21");
            }

            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.7.1:" + httpPort
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains(
                    "peerage_rs_session_up{address=\"127.0.7.10\",asn=\"3333\",session=\"AS3333_127_0_7_10\"} 1",
                    "peerage_rs_routes_filtered{address=\"127.0.7.10\",asn=\"3333\",reason=\"bogon_prefix\","
                            + "session=\"AS3333_127_0_7_10\"} 1",
                    "peerage_rs_routes{address=\"127.0.7.10\",asn=\"3333\",family=\"ipv4\",session="
                            + "\"AS3333_127_0_7_10\",status=\"accepted\"} 2",
                    "peerage_rs_rpki_vrps 1", "peerage_rs_rib_paths 3", "jvm_memory_used_bytes");
        }
    }

    /** bgpdump -m's lines for a dump (the oracle for MRT files in this project). */
    private static String bgpdump(Path file) throws Exception {
        Path bgpdump = Path.of("/usr/bin/bgpdump");
        if (!Files.isExecutable(bgpdump)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("bgpdump is not installed");
            org.junit.jupiter.api.Assumptions.abort("bgpdump is not installed");
        }
        Process p = new ProcessBuilder(bgpdump.toString(), "-m", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static void assertApiHeader(JsonNode n) {
        assertThat(n.at("/api/Version").isTextual()).isTrue();
        assertThat(n.at("/api/result_from_cache").isBoolean()).isTrue();
        OffsetDateTime.parse(n.at("/api/cache_status/cached_at/date").asText());
        OffsetDateTime.parse(n.get("ttl").asText());
    }

    private static JsonNode routeIn(JsonNode response, String network) {
        for (JsonNode r : response.get("routes")) {
            if (r.get("network").asText().equals(network)) return r;
        }
        throw new AssertionError(network + " not in " + response);
    }
}
