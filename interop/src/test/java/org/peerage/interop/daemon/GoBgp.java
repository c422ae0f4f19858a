package org.peerage.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GoBGP 3 ({@code gobgpd -f gobgpd.toml --api-hosts 127.0.0.1:PORT}), driven with {@code gobgp -p PORT ... -j}.
 *
 * <p>Quirks:
 * <ul>
 *   <li>One listening port for all addresses ({@code global.config.port}), bound on {@code local-address-list} only.
 *   <li>The TOML configuration has no static routes: routes are added after start with {@code gobgp global rib add}
 *       (2-5 ms each, four at a time: prefer another daemon to originate thousands of routes). That CLI has no
 *       extended communities for unicast, so they are rejected.
 *   <li>GoBGP treats an UPDATE whose NEXT_HOP is a loopback address as withdraw ("invalid nexthop address"): a peer
 *       sending to GoBGP must use a non-loopback next hop (StaticRoute's documentation-address default).
 *   <li>When active, GoBGP waits a few seconds (randomised connect-retry floor) before its first connect; let the other
 *       side be active when fast establishment matters. The pprof listener (default localhost:6060) is disabled.
 *   <li>{@code -j} output has no ADD-PATH path ids; they are read from the text output's ID column (same order).
 * </ul>
 */
public final class GoBgp extends AbstractDaemon {
    static final Path GOBGPD = Path.of("/usr/bin/gobgpd");
    static final Path GOBGP = Path.of("/usr/bin/gobgp");
    private static final Pattern ID_LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\S+/\\d+)\\s+(\\S+)\\s.*$");

    private final int apiPort;

    public GoBgp(DaemonPeer... peers) {
        this(List.of(peers));
    }

    public GoBgp(List<DaemonPeer> peers) {
        super("gobgp", peers);
        this.apiPort = Ports.freePort("127.0.0.1");
    }

    @Override
    protected String debianPackage() {
        return "gobgpd";
    }

    @Override
    protected List<Path> binaries() {
        return List.of(GOBGPD, GOBGP);
    }

    @Override
    protected List<String> command() {
        return List.of(GOBGPD.toString(), "-f", workDir().resolve("gobgpd.toml").toString(), "--api-hosts",
                "127.0.0.1:" + apiPort, "--pprof-disable", "--log-plain", "--log-level", "info");
    }

    @Override
    protected List<Path> configFiles() {
        return List.of(workDir().resolve("gobgpd.toml"));
    }

    @Override
    protected void writeConfig() throws IOException {
        write("gobgpd.toml", config());
    }

    @Override
    protected boolean ready() {
        return exec(gobgpCommand("global")).ok();
    }

    @Override
    protected void afterStart() {
        updateRoutes(routes(), List.of());
    }

    /** Runs {@code gobgp -p API_PORT args...} and returns its output; a non-zero exit is an IllegalStateException. */
    public String gobgp(String... args) {
        return execOk(gobgpCommand(args));
    }

    private List<String> gobgpCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(GOBGP.toString(), "-p", String.valueOf(apiPort)));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String config() {
        DaemonPeer self = self();
        Set<String> localAddresses = peers().stream().map(DaemonPeer::localAddress)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder c = new StringBuilder();
        c.append("[global.config]\n");
        c.append("  as = ").append(self.localAs()).append('\n');
        c.append("  router-id = \"").append(self.routerId()).append("\"\n");
        c.append("  port = ").append(self.localPort()).append('\n');
        c.append("  local-address-list = [")
                .append(localAddresses.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "))).append("]\n");
        for (DaemonPeer p : peers()) {
            c.append("\n[[neighbors]]\n");
            c.append("  [neighbors.config]\n");
            c.append("    neighbor-address = \"").append(p.remoteAddress()).append("\"\n");
            c.append("    peer-as = ").append(p.remoteAs()).append('\n');
            if (p.md5Password() != null) {
                c.append("    auth-password = \"").append(p.md5Password()).append("\"\n");
            }
            c.append("  [neighbors.transport.config]\n");
            c.append("    local-address = \"").append(p.localAddress()).append("\"\n");
            c.append("    remote-port = ").append(p.remotePort()).append('\n');
            c.append("    passive-mode = ").append(p.passive()).append('\n');
            c.append("  [neighbors.timers.config]\n");
            c.append("    hold-time = ").append(p.holdSeconds()).append('\n');
            c.append("    keepalive-interval = ").append(p.keepaliveSeconds()).append('\n');
            c.append("    connect-retry = 1\n");
            c.append("    idle-hold-time-after-reset = 1\n");
            if (p.routeServerClient()) {
                c.append("  [neighbors.route-server.config]\n    route-server-client = true\n");
            }
            for (String family : p.families()) {
                c.append("  [[neighbors.afi-safis]]\n");
                c.append("    [neighbors.afi-safis.config]\n      afi-safi-name = \"").append(family).append("-unicast\"\n");
                if (p.addPath() != AddPath.NONE) {
                    c.append("    [neighbors.afi-safis.add-paths.config]\n");
                    c.append("      receive = ").append(p.addPath().receives()).append('\n');
                    c.append("      send-max = ").append(p.addPath().sends() ? 16 : 0).append('\n');
                }
            }
        }
        return c.toString();
    }

    /**
     * One {@code gobgp global rib add/del} per route, four at a time: about 2-5 ms per route on two cores. (The bulk
     * alternative, {@code gobgp mrt inject global}, is unusable in GoBGP 3.10: the CLI exits before its stream is
     * drained and a random tail of the file is lost, e.g. 0 of 10 or 761 of 1000 routes.)
     */
    @Override
    protected void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed) {
        List<List<String>> commands = new ArrayList<>();
        for (StaticRoute r : removed) {
            commands.add(ribCommand("del", r, false));
        }
        for (StaticRoute r : added) {
            commands.add(ribCommand("add", r, true));
        }
        runAll(commands);
    }

    private List<String> ribCommand(String verb, StaticRoute r, boolean withAttributes) {
        List<String> cmd = gobgpCommand("global", "rib", "-a", r.ipv6() ? "ipv6" : "ipv4", verb, r.prefix());
        if (r.pathId() != null) {
            cmd.addAll(List.of("identifier", String.valueOf(r.pathId())));
        }
        if (!withAttributes) {
            return cmd;
        }
        if (!r.extCommunities().isEmpty()) {
            throw new UnsupportedOperationException("gobgp global rib add has no extended communities for unicast: " + r);
        }
        cmd.addAll(List.of("origin", r.origin().lower(), "nexthop", r.nextHop()));
        if (!r.asPath().isEmpty()) {
            cmd.addAll(List.of("aspath", r.asPath().stream().map(String::valueOf).collect(Collectors.joining(","))));
        }
        if (r.med() != null) {
            cmd.addAll(List.of("med", String.valueOf(r.med())));
        }
        if (r.localPref() != null) {
            cmd.addAll(List.of("local-pref", String.valueOf(r.localPref())));
        }
        if (!r.communities().isEmpty()) {
            cmd.addAll(List.of("community", String.join(",", r.communities())));
        }
        if (!r.largeCommunities().isEmpty()) {
            cmd.addAll(List.of("large-community", String.join(",", r.largeCommunities())));
        }
        return cmd;
    }

    /** Runs CLI calls four at a time; the first failure is rethrown once all finished. */
    private void runAll(List<List<String>> commands) {
        Semaphore slots = new Semaphore(4);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (List<String> cmd : commands) {
                results.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return execOk(cmd);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<String> result : results) {
                result.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SessionState sessionState(String peerAddress) {
        peer(peerAddress);
        JsonNode state = parseJson(gobgp("neighbor", peerAddress, "-j")).path("state").path("session_state");
        if (state.isInt()) {
            return switch (state.asInt()) {
                case 1 -> SessionState.IDLE;
                case 2 -> SessionState.CONNECT;
                case 3 -> SessionState.ACTIVE;
                case 4 -> SessionState.OPEN_SENT;
                case 5 -> SessionState.OPEN_CONFIRM;
                case 6 -> SessionState.ESTABLISHED;
                default -> SessionState.UNKNOWN;
            };
        }
        return SessionState.parse(state.asText(null));
    }

    @Override
    public List<DaemonRoute> receivedRoutes() {
        List<DaemonRoute> routes = new ArrayList<>();
        for (DaemonPeer p : peers()) {
            for (String family : p.families()) {
                Result json = exec(gobgpCommand("neighbor", p.remoteAddress(), "adj-in", "-a", family, "-j"));
                if (!json.ok()) {
                    if (json.output().contains("not established")) {
                        continue;
                    }
                    throw new IllegalStateException("gobgp adj-in: " + json.output());
                }
                Map<String, Deque<Long>> ids = p.addPath().receives()
                        ? pathIds(gobgp("neighbor", p.remoteAddress(), "adj-in", "-a", family))
                        : Map.of();
                routes.addAll(parseRib(parseJson(json.output()), p.remoteAddress(), ids));
            }
        }
        return routes;
    }

    /** Path ids by prefix, in listing order, from the text output's ID column. */
    static Map<String, Deque<Long>> pathIds(String text) {
        Map<String, Deque<Long>> ids = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ID_LINE.matcher(line);
            if (m.matches()) {
                ids.computeIfAbsent(normalisePrefix(m.group(2)), k -> new ArrayDeque<>()).add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    /** Parses {@code gobgp ... -j} RIB output: prefix -> list of paths with typed attributes. */
    static List<DaemonRoute> parseRib(JsonNode rib, String peer, Map<String, Deque<Long>> ids) {
        List<DaemonRoute> routes = new ArrayList<>();
        rib.properties().forEach(entry -> {
            String prefix = normalisePrefix(entry.getKey());
            for (JsonNode path : entry.getValue()) {
                List<Long> asPath = new ArrayList<>();
                String nextHop = null;
                List<String> communities = new ArrayList<>();
                List<String> large = new ArrayList<>();
                List<String> ext = new ArrayList<>();
                Long med = null;
                Long localPref = null;
                Origin origin = null;
                for (JsonNode a : path.path("attrs")) {
                    switch (a.path("type").asInt()) {
                        case 1 -> origin = Origin.parse(a.path("value").asText());
                        case 2 -> a.path("as_paths").forEach(s -> s.path("asns").forEach(n -> asPath.add(n.asLong())));
                        case 3 -> nextHop = a.path("nexthop").asText();
                        case 4 -> med = a.path("metric").asLong();
                        case 5 -> localPref = a.path("value").asLong();
                        case 8 -> a.path("communities").forEach(n -> communities.add((n.asLong() >>> 16) + ":" + (n.asLong() & 0xffff)));
                        case 14 -> nextHop = a.path("nexthop").asText(nextHop);
                        case 16 -> a.path("value").forEach(v -> ext.add(extCommunity(v)));
                        case 32 -> a.path("value").forEach(v -> large.add(v.path("ASN").asLong() + ":"
                                + v.path("LocalData1").asLong() + ":" + v.path("LocalData2").asLong()));
                        default -> {
                        }
                    }
                }
                Deque<Long> queue = ids.get(prefix);
                Long pathId = queue == null ? null : queue.poll();
                routes.add(new DaemonRoute(peer, prefix, asPath, normaliseAddress(nextHop), communities, large, ext, med,
                        localPref, origin, pathId));
            }
        });
        return routes;
    }

    /** GoBGP's JSON for one extended community: two-octet-AS, IPv4 and four-octet-AS specific route target / SoO. */
    static String extCommunity(JsonNode v) {
        if (v.path("value").isTextual() && (v.path("subtype").asInt() == 2 || v.path("subtype").asInt() == 3)) {
            return (v.path("subtype").asInt() == 2 ? "rt:" : "soo:") + v.path("value").asText();
        }
        String kind = switch (v.path("subtype").asInt(-1)) {
            case 2 -> "rt";
            case 3 -> "soo";
            default -> null;
        };
        String global = v.has("asn") ? v.path("asn").asText() : v.has("ipv4") ? v.path("ipv4").asText()
                : v.has("as") ? v.path("as").asText() : null;
        String local = v.has("local_admin") ? v.path("local_admin").asText() : v.path("local").asText(null);
        if (kind != null && global != null && local != null) {
            return kind + ":" + global + ":" + local;
        }
        return v.toString().toLowerCase(Locale.ROOT);
    }
}
