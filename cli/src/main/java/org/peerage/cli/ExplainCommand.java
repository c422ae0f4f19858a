package org.peerage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage routeserver explain PREFIX}: what a running route server did with each path of a prefix, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Ask a running route server (its HTTP API) why it accepted or refused each path of PREFIX and "
                + "why each client was or was not sent it. The API is found with --api, or in --config's http.listen, "
                + "or at " + RouteServerApi.DEFAULT + "."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PREFIX")
    String prefix;

    @Option(names = "--client", paramLabel = "ASN", description = "Only the paths from, and the receivers in, this AS.")
    String client;

    @Option(names = "--api", paramLabel = "URL", description = "The route server's HTTP API.")
    String api;

    @Option(names = "--config", paramLabel = "rs.yaml", description = "Find the API in this configuration.")
    Path config;

    @Option(names = "--json", description = "Print the API's JSON as it is.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String base;
        try {
            base = RouteServerApi.base(api, config);
        } catch (IllegalArgumentException e) {
            System.err.println("peerage routeserver explain: " + e.getMessage());
            return 2;
        }
        String url = base.replaceAll("/+$", "") + "/api/explain?prefix=" + URLEncoder.encode(prefix,
                StandardCharsets.UTF_8) + (client == null ? "" : "&client=" + URLEncoder.encode(client,
                StandardCharsets.UTF_8));
        HttpResponse<String> r;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("peerage routeserver explain: no route server API at " + base + " (is it running, "
                    + "with http.listen in its configuration? --api URL names another)");
            return 2;
        } catch (IOException e) {
            System.err.println("peerage routeserver explain: " + base + ": " + e.getMessage());
            return 2;
        }
        JsonNode body = new ObjectMapper().readTree(r.body());
        if (r.statusCode() != 200) {
            System.err.println("peerage routeserver explain: " + body.path("error").asText(r.body()));
            return 2;
        }
        if (json) {
            System.out.println(r.body());
            return 0;
        }
        print(body);
        return body.get("paths").isEmpty() ? 1 : 0;
    }

    private static void print(JsonNode body) {
        JsonNode paths = body.get("paths");
        System.out.println(body.get("prefix").asText() + ": " + (paths.isEmpty() ? "no path held"
                : paths.size() + " path" + (paths.size() == 1 ? "" : "s")));
        for (JsonNode p : paths) {
            String verdict = p.get("accepted").asBoolean()
                    ? "accepted" + (p.get("best").asBoolean() ? ", best" : "")
                    : "REFUSED: " + p.get("rejected").asText() + " (" + p.get("reject_code").asInt() + ", "
                    + p.get("reject_reason").asText() + ")";
            System.out.printf("%n  from AS%s  path %s  next hop %s%n    %s; RPKI %s%s%n",
                    p.get("from").asText(), p.get("as_path").asText().isEmpty() ? "(empty)" : p.get("as_path").asText(),
                    p.get("next_hop").asText(), verdict, p.get("rpki").asText(),
                    p.get("blackhole").asBoolean() ? "; blackhole" : "");
            for (JsonNode c : p.get("checks")) {
                System.out.printf("    %-7s %-24s %s%n", c.get("outcome").asText(), c.get("check").asText(),
                        c.get("detail").asText());
            }
            var receivers = p.get("receivers").fields();
            while (receivers.hasNext()) {
                var e = receivers.next();
                System.out.printf("    to %-30s %s%n", e.getKey(), e.getValue().asText());
            }
        }
    }
}
