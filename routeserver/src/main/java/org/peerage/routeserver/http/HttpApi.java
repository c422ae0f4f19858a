package org.peerage.routeserver.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.peerage.bgp.wire.Prefix;
import org.peerage.routeserver.ClientView;
import org.peerage.routeserver.Explanation;
import org.peerage.routeserver.RouteEntry;
import org.peerage.routeserver.RouteQuery;
import org.peerage.routeserver.RouteServer;
import org.peerage.routeserver.config.FilterSettings.RejectPolicy;

/**
 * The route server's HTTP API: the birdwatcher endpoints Alice-LG reads (docs/routeserver-api.md), peerage's own
 * {@code /api/explain}, and Prometheus {@code /metrics}. Read-only; answers come from a consistent snapshot taken on
 * the RIB thread and are written from a virtual thread, so a slow reader holds up nothing.
 */
public final class HttpApi implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final RouteServer rs;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Metrics metrics;
    private final Instant started = Instant.now();

    private HttpApi(RouteServer rs, InetSocketAddress address) throws IOException {
        this.rs = rs;
        this.metrics = new Metrics(rs);
        server = HttpServer.create(address, 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** Starts serving on {@code address}; fails with the address in the message if it cannot be bound. */
    public static HttpApi start(RouteServer rs, InetSocketAddress address) {
        try {
            HttpApi api = new HttpApi(rs, address);
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the HTTP API on " + address + ": " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (x.getRequestMethod().equals("POST") && path.equals("/api/reload")) {
                reload(x);
                return;
            }
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                error(x, 405, "only GET is served (and POST /api/reload)");
                return;
            }
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            String[] p = path.replaceAll("/+$", "").split("/");
            switch (p.length > 1 ? p[1] : "") {
                case "status" -> json(x, 200, g -> status(g));
                case "protocols" -> {
                    if (p.length == 2 || (p.length == 3 && p[2].equals("bgp"))) json(x, 200, this::protocols);
                    else error(x, 404, "unknown path " + path);
                }
                case "routes" -> routes(x, p, query);
                case "api" -> {
                    if (p.length == 3 && p[2].equals("explain")) explain(x, query);
                    else if (p.length == 3 && p[2].equals("mrt")) mrt(x);
                    else error(x, 404, "unknown path " + path);
                }
                case "metrics" -> {
                    byte[] body = metrics.scrape();
                    x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                }
                default -> error(x, 404, "unknown path " + path + " (see docs/routeserver-api.md)");
            }
        } catch (RuntimeException e) {
            error(x, 500, String.valueOf(e.getMessage()));
        }
    }

    private void routes(HttpExchange x, String[] p, Map<String, String> query) throws IOException {
        String kind = p.length > 2 ? p[2] : "";
        RouteQuery q;
        switch (kind) {
            case "protocol", "filtered", "noexport" -> {
                if (p.length != 4 || !rs.hasSession(p[3])) {
                    error(x, 404, "no such protocol: " + (p.length > 3 ? p[3] : "(none given)"));
                    return;
                }
                q = kind.equals("protocol") ? new RouteQuery.Accepted(p[3])
                        : kind.equals("filtered") ? new RouteQuery.Filtered(p[3]) : new RouteQuery.NotExported(p[3]);
            }
            case "table" -> {
                if (p.length < 4 || p.length > 5 || (p.length == 5 && !p[4].equals("filtered"))) {
                    error(x, 404, "expected /routes/table/master or /routes/table/master/filtered");
                    return;
                }
                q = new RouteQuery.Table(p.length == 5);
            }
            case "prefix" -> {
                Prefix prefix = prefix(query.get("prefix"));
                if (prefix == null) {
                    error(x, 400, "prefix=ADDRESS/LENGTH is required, got '" + query.get("prefix") + "'");
                    return;
                }
                q = new RouteQuery.OfPrefix(prefix);
            }
            default -> {
                error(x, 404, "unknown path " + x.getRequestURI().getPath());
                return;
            }
        }
        List<RouteEntry> routes = rs.query(q);
        long tagAs = rs.config().filters().rejectPolicy() == RejectPolicy.REJECT ? 0 : rs.config().asn();
        json(x, 200, g -> {
            g.writeArrayFieldStart("routes");
            for (RouteEntry r : routes) BirdwatcherJson.route(g, r, rs.config().asn(), tagAs);
            g.writeEndArray();
        });
    }

    private void explain(HttpExchange x, Map<String, String> query) throws IOException {
        Prefix prefix = prefix(query.get("prefix"));
        if (prefix == null) {
            error(x, 400, "prefix=ADDRESS/LENGTH is required, got '" + query.get("prefix") + "'");
            return;
        }
        long client = 0;
        if (query.containsKey("client")) {
            try {
                client = Long.parseLong(query.get("client").replaceFirst("(?i)^AS", ""));
            } catch (NumberFormatException e) {
                error(x, 400, "client=ASN expected, got '" + query.get("client") + "'");
                return;
            }
        }
        List<Explanation> explanations = rs.explain(prefix, client);
        json(x, 200, g -> ExplainJson.write(g, prefix, explanations));
    }

    /** GET /api/mrt: a TABLE_DUMP_V2 dump of every accepted path, streamed as it is built. */
    private void mrt(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/octet-stream");
        x.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"rib.mrt\"");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            rs.dumpMrt(out);
        }
    }

    /** POST /api/reload: the same as SIGHUP; answers with what the reload did, or why it was refused (409). */
    private void reload(HttpExchange x) throws IOException {
        org.peerage.routeserver.ReloadResult r = rs.reload();
        json(x, r.applied() ? 200 : 409, g -> {
            g.writeObjectFieldStart("reload");
            g.writeBooleanField("applied", r.applied());
            g.writeArrayFieldStart("errors");
            for (String e : r.errors()) g.writeString(e);
            g.writeEndArray();
            g.writeNumberField("sessions_added", r.added());
            g.writeNumberField("sessions_removed", r.removed());
            g.writeNumberField("sessions_reset", r.reset());
            g.writeNumberField("paths_reevaluated", r.reevaluatedPaths());
            g.writeNumberField("paths_changed", r.changedPaths());
            g.writeNumberField("prefixes_reexported", r.changedPrefixes());
            g.writeNumberField("seconds", r.seconds());
            g.writeStringField("summary", r.summary());
            g.writeEndObject();
        });
    }

    private void status(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("status");
        Instant now = Instant.now();
        g.writeStringField("current_server", BirdwatcherJson.SHORT_TIME.format(now));
        g.writeStringField("last_reboot", BirdwatcherJson.SHORT_TIME.format(started));
        g.writeStringField("last_reconfig", BirdwatcherJson.SHORT_TIME.format(rs.lastReconfigured()));
        g.writeStringField("message", "Daemon is up and running");
        g.writeStringField("router_id", org.peerage.bgp.wire.InetText.formatIpv4(rs.config().routerId()));
        g.writeStringField("version", BirdwatcherJson.VERSION);
        g.writeEndObject();
    }

    private void protocols(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("protocols");
        for (ClientView c : rs.clients()) BirdwatcherJson.protocol(g, c);
        g.writeEndObject();
    }

    /** Writes one JSON object: the birdwatcher header, then what {@code body} adds. */
    private void json(HttpExchange x, int code, Body body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(code, 0);
        try (OutputStream out = x.getResponseBody();
             JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            BirdwatcherJson.header(g, Instant.now());
            body.write(g);
            g.writeEndObject();
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** birdwatcher's error shape: {"error": "..."} (Alice shows the text). */
    private static void error(HttpExchange x, int code, String message) throws IOException {
        byte[] body;
        try (var buffer = new java.io.ByteArrayOutputStream();
             JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
            g.flush();
            body = buffer.toByteArray();
        }
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(code, body.length);
        x.getResponseBody().write(body);
    }

    private static Prefix prefix(String text) {
        if (text == null) return null;
        try {
            return Prefix.parse(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
