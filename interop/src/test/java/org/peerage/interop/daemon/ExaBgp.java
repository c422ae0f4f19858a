package org.peerage.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ExaBGP 4.2 ({@code exabgp exabgp.conf}) with an API process ({@code api.py}) that appends every JSON message
 * ExaBGP emits (session state, parsed UPDATEs) to {@code received.jsonl} and feeds ExaBGP the lines appended to
 * {@code commands.txt}. ExaBGP keeps no RIB it would show: {@link #receivedRoutes()} replays the JSON log.
 *
 * <p>Quirks:
 * <ul>
 *   <li>Configured through environment variables: run as root, no daemonising, no CLI pipes, no API acks, no global
 *       listener ({@code exabgp.tcp.bind} empty); each neighbour listens with {@code listen PORT} on its local address
 *       and connects to {@code connect PORT}.
 *   <li>ExaBGP does not prepend its own AS to a configured {@code as-path}: the harness writes the full path.
 *   <li>Session state comes from the API's state messages: "up" is Established, "connected" OpenSent, "down" Idle;
 *       UNKNOWN before the first message. Route-server-client mode does not exist in ExaBGP and is ignored.
 *   <li>Path ids arrive as dotted quads ("0.0.0.1") and are converted to numbers.
 * </ul>
 */
public final class ExaBgp extends AbstractDaemon {
    static final Path EXABGP = Path.of("/usr/sbin/exabgp");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The API process: stdin (ExaBGP's JSON) to a file; a file's new lines to stdout (commands for ExaBGP). */
    private static final String API_SCRIPT = """
            import sys, threading, time
            received, commands = sys.argv[1], sys.argv[2]
            def feed():
                position = 0
                while True:
                    try:
                        with open(commands, 'rb') as f:
                            f.seek(position)
                            for line in f:
                                if line.endswith(b'\\n'):
                                    sys.stdout.write(line.decode())
                                    sys.stdout.flush()
                                    position += len(line)
                    except FileNotFoundError:
                        pass
                    time.sleep(0.05)
            threading.Thread(target=feed, daemon=True).start()
            with open(received, 'a') as out:
                for line in sys.stdin:
                    out.write(line)
                    out.flush()
            """;

    public ExaBgp(DaemonPeer... peers) {
        this(List.of(peers));
    }

    public ExaBgp(List<DaemonPeer> peers) {
        super("exabgp", peers);
    }

    @Override
    protected String debianPackage() {
        return "exabgp";
    }

    @Override
    protected List<Path> binaries() {
        return List.of(EXABGP, PYTHON);
    }

    private Path received() {
        return workDir().resolve("received.jsonl");
    }

    private Path commands() {
        return workDir().resolve("commands.txt");
    }

    @Override
    protected List<String> command() {
        return List.of(EXABGP.toString(), workDir().resolve("exabgp.conf").toString());
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of(
                "exabgp.daemon.user", "root",
                "exabgp.daemon.daemonize", "false",
                "exabgp.daemon.drop", "false",
                "exabgp.api.cli", "false",
                "exabgp.api.ack", "false",
                "exabgp.tcp.bind", "",
                "exabgp.log.destination", "stdout",
                "exabgp.log.level", "INFO");
    }

    @Override
    protected List<Path> configFiles() {
        return List.of(workDir().resolve("exabgp.conf"));
    }

    @Override
    protected List<Path> logFiles() {
        return List.of(workDir().resolve("stdout.log"), received());
    }

    @Override
    protected void writeConfig() throws IOException {
        write("api.py", API_SCRIPT);
        write("commands.txt", "");
        write("exabgp.conf", config());
    }

    @Override
    protected boolean ready() {
        try {
            return Files.exists(received())
                    && Files.readString(workDir().resolve("stdout.log")).contains("loaded new configuration successfully");
        } catch (IOException e) {
            return false;
        }
    }

    String config() {
        StringBuilder c = new StringBuilder();
        c.append("process peerage {\n");
        c.append("    run ").append(PYTHON).append(' ').append(workDir().resolve("api.py")).append(' ')
                .append(received()).append(' ').append(commands()).append(";\n");
        c.append("    encoder json;\n}\n");
        for (DaemonPeer p : peers()) {
            c.append("\nneighbor ").append(p.remoteAddress()).append(" {\n");
            c.append("    router-id ").append(p.routerId()).append(";\n");
            c.append("    local-address ").append(p.localAddress()).append(";\n");
            c.append("    local-as ").append(p.localAs()).append(";\n");
            c.append("    peer-as ").append(p.remoteAs()).append(";\n");
            c.append("    hold-time ").append(p.holdSeconds()).append(";\n");
            c.append("    passive ").append(p.passive()).append(";\n");
            c.append("    listen ").append(p.localPort()).append(";\n");
            c.append("    connect ").append(p.remotePort()).append(";\n");
            c.append("    group-updates false;\n");
            if (p.md5Password() != null) {
                c.append("    md5-password \"").append(p.md5Password()).append("\";\n");
            }
            String families = p.families().stream().map(f -> f + " unicast; ").collect(Collectors.joining());
            c.append("    family { ").append(families).append("}\n");
            c.append("    capability { route-refresh;");
            if (p.addPath() != AddPath.NONE) {
                c.append(" add-path ").append(switch (p.addPath()) {
                    case SEND -> "send";
                    case RECEIVE -> "receive";
                    default -> "send/receive";
                }).append(';');
            }
            c.append(" }\n");
            if (p.addPath() != AddPath.NONE) {
                c.append("    add-path { ").append(families).append("}\n");
            }
            c.append("    api { processes [ peerage ]; receive { parsed; update; } neighbor-changes; }\n");
            c.append("    static {\n");
            for (StaticRoute r : routes()) {
                c.append("        route ").append(r.prefix()).append(' ').append(attributes(r, p)).append(";\n");
            }
            c.append("    }\n}\n");
        }
        return c.toString();
    }

    /** Route attributes in ExaBGP syntax, with the full AS path as {@code peer} should receive it. */
    private static String attributes(StaticRoute r, DaemonPeer peer) {
        List<Long> path = new ArrayList<>();
        if (peer.localAs() != peer.remoteAs()) {
            path.add(peer.localAs());
        }
        path.addAll(r.asPath());
        StringBuilder a = new StringBuilder("next-hop ").append(r.nextHop());
        a.append(" origin ").append(r.origin().lower());
        a.append(" as-path [ ").append(path.stream().map(String::valueOf).collect(Collectors.joining(" "))).append(" ]");
        if (r.med() != null) {
            a.append(" med ").append(r.med());
        }
        if (r.localPref() != null) {
            a.append(" local-preference ").append(r.localPref());
        }
        if (!r.communities().isEmpty()) {
            a.append(" community [ ").append(String.join(" ", r.communities())).append(" ]");
        }
        if (!r.largeCommunities().isEmpty()) {
            a.append(" large-community [ ").append(String.join(" ", r.largeCommunities())).append(" ]");
        }
        if (!r.extCommunities().isEmpty()) {
            a.append(" extended-community [ ").append(r.extCommunities().stream()
                    .map(e -> e.replaceFirst("^rt:", "target:").replaceFirst("^soo:", "origin:"))
                    .collect(Collectors.joining(" "))).append(" ]");
        }
        if (r.pathId() != null) {
            a.append(" path-information ").append(r.pathId());
        }
        return a.toString();
    }

    @Override
    protected void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed) {
        StringBuilder lines = new StringBuilder();
        for (DaemonPeer p : peers()) {
            String neighbor = "neighbor " + p.remoteAddress() + " ";
            for (StaticRoute r : removed) {
                lines.append(neighbor).append("withdraw route ").append(r.prefix())
                        .append(r.pathId() == null ? "" : " path-information " + r.pathId()).append('\n');
            }
            for (StaticRoute r : added) {
                lines.append(neighbor).append("announce route ").append(r.prefix()).append(' ')
                        .append(attributes(r, p)).append('\n');
            }
        }
        lines.toString().lines().forEach(this::apiCommand);
    }

    /** Sends one API command to ExaBGP (e.g. "neighbor 127.0.0.2 teardown 2"), through the API process. */
    public void apiCommand(String line) {
        try {
            Files.writeString(commands(), line.strip() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every JSON message ExaBGP sent to the API process so far. */
    private List<JsonNode> messages() {
        List<JsonNode> messages = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(received())) {
                if (line.startsWith("{") && line.endsWith("}")) {
                    messages.add(parseJson(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    @Override
    public SessionState sessionState(String peerAddress) {
        peer(peerAddress);
        SessionState state = SessionState.UNKNOWN;
        for (JsonNode m : messages()) {
            if (m.path("type").asText().equals("state") && peerAddress.equals(peerOf(m))) {
                state = switch (m.path("neighbor").path("state").asText()) {
                    case "up" -> SessionState.ESTABLISHED;
                    case "connected" -> SessionState.OPEN_SENT;
                    case "down" -> SessionState.IDLE;
                    default -> state;
                };
            }
        }
        return state;
    }

    private static String peerOf(JsonNode message) {
        return normaliseAddress(message.path("neighbor").path("address").path("peer").asText(null));
    }

    @Override
    public List<DaemonRoute> receivedRoutes() {
        return replay(messages());
    }

    /** Replays state and update messages into the routes currently held, keyed by peer, prefix and path id. */
    static List<DaemonRoute> replay(List<JsonNode> messages) {
        Map<String, DaemonRoute> routes = new LinkedHashMap<>();
        for (JsonNode m : messages) {
            String peer = peerOf(m);
            String type = m.path("type").asText();
            if (type.equals("state") && m.path("neighbor").path("state").asText().equals("down")) {
                routes.values().removeIf(r -> r.peer().equals(peer));
                continue;
            }
            JsonNode update = m.path("neighbor").path("message").path("update");
            if (!type.equals("update") || update.isMissingNode()) {
                continue;
            }
            update.path("withdraw").properties().forEach(family -> {
                for (JsonNode nlri : family.getValue()) {
                    routes.remove(routeKey(peer, nlri));
                }
            });
            JsonNode attributes = update.path("attribute");
            update.path("announce").properties().forEach(family -> family.getValue().properties().forEach(hop -> {
                for (JsonNode nlri : hop.getValue()) {
                    routes.put(routeKey(peer, nlri), route(peer, nlri, normaliseAddress(hop.getKey()), attributes));
                }
            }));
        }
        return List.copyOf(routes.values());
    }

    private static String routeKey(String peer, JsonNode nlri) {
        return peer + " " + prefixOf(nlri) + " " + pathIdOf(nlri);
    }

    private static String prefixOf(JsonNode nlri) {
        return normalisePrefix(nlri.isTextual() ? nlri.asText() : nlri.path("nlri").asText());
    }

    /** "0.0.0.5" -> 5; absent -> null. */
    private static Long pathIdOf(JsonNode nlri) {
        String text = nlri.path("path-information").asText(null);
        if (text == null) {
            return null;
        }
        if (!text.contains(".")) {
            return Long.parseLong(text);
        }
        long value = 0;
        for (String octet : text.split("\\.")) {
            value = value << 8 | Long.parseLong(octet);
        }
        return value;
    }

    private static DaemonRoute route(String peer, JsonNode nlri, String nextHop, JsonNode a) {
        List<Long> asPath = new ArrayList<>();
        collectNumbers(a.path("as-path"), asPath);
        List<String> communities = new ArrayList<>();
        a.path("community").forEach(c -> communities.add(c.get(0).asLong() + ":" + c.get(1).asLong()));
        List<String> large = new ArrayList<>();
        a.path("large-community").forEach(c -> large.add(c.get(0).asLong() + ":" + c.get(1).asLong() + ":" + c.get(2).asLong()));
        List<String> ext = new ArrayList<>();
        a.path("extended-community").forEach(c -> ext.add(DaemonRoute.normaliseExtCommunity(
                c.isTextual() ? c.asText() : c.path("string").asText(c.toString()))));
        return new DaemonRoute(peer, prefixOf(nlri), asPath, nextHop, communities, large, ext,
                a.has("med") ? a.path("med").asLong() : null,
                a.has("local-preference") ? a.path("local-preference").asLong() : null,
                a.has("origin") ? Origin.parse(a.path("origin").asText()) : null,
                pathIdOf(nlri));
    }

    private static void collectNumbers(JsonNode node, List<Long> out) {
        if (node.isNumber()) {
            out.add(node.asLong());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectNumbers(child, out));
        }
    }
}
