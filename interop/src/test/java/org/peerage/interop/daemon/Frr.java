package org.peerage.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FRR 8.4's bgpd alone ({@code /usr/lib/frr/bgpd -n -Z -S}: no kernel routes, no zebra, no user switch), with its
 * own configuration file, pid file and vty socket directory, queried with {@code vtysh --vty_socket DIR -d bgpd}.
 *
 * <p>Quirks:
 * <ul>
 *   <li>bgpd logs "No such command on config line N" and carries on with a partial configuration: start fails when
 *       that appears.
 *   <li>Without zebra bgpd knows no interfaces, which is what lets it peer with its own loopback addresses; eBGP
 *       neighbours still need {@code disable-connected-check}. The zclient "sendmsg_nexthop ... failed" errors in
 *       its log are harmless.
 *   <li>FRR rejects a loopback NEXT_HOP as martian and then drops the session; originated routes carry explicit
 *       next hops, kept on eBGP by {@code attribute-unchanged next-hop}.
 *   <li>Originated routes are {@code network} statements with one route map per distinct attribute set; one path per
 *       prefix (ADD-PATH sending works for paths learned from several peers, not for originated ones).
 *   <li>{@code show bgp ipv4 unicast json detail} lists a header object then the paths of each prefix.
 * </ul>
 */
public final class Frr extends AbstractDaemon {
    static final Path BGPD = Path.of("/usr/lib/frr/bgpd");
    static final Path VTYSH = Path.of("/usr/bin/vtysh");

    /** Route-map name by attribute set (everything but the prefix); grows as routes are announced. */
    private final Map<String, String> routeMaps = new LinkedHashMap<>();

    public Frr(DaemonPeer... peers) {
        this(List.of(peers));
    }

    public Frr(List<DaemonPeer> peers) {
        super("frr", peers);
        if (routes().stream().map(StaticRoute::prefix).distinct().count() != routes().size()) {
            throw new UnsupportedOperationException("FRR originates one path per prefix: " + routes());
        }
    }

    @Override
    protected String debianPackage() {
        return "frr";
    }

    @Override
    protected List<Path> binaries() {
        return List.of(BGPD, VTYSH);
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(BGPD.toString(), "-f", workDir().resolve("bgpd.conf").toString(),
                "-i", workDir().resolve("bgpd.pid").toString(), "--vty_socket", workDir().toString(),
                "-A", "127.0.0.1", "-P", "0", "-p", String.valueOf(self().localPort()), "-n", "-Z", "-S"));
        peers().stream().map(DaemonPeer::localAddress).distinct().forEach(a -> cmd.addAll(List.of("-l", a)));
        return cmd;
    }

    @Override
    protected List<Path> configFiles() {
        return List.of(workDir().resolve("bgpd.conf"));
    }

    @Override
    protected List<Path> logFiles() {
        return List.of(workDir().resolve("stdout.log"), workDir().resolve("bgpd.log"));
    }

    @Override
    protected void writeConfig() throws IOException {
        write("bgpd.conf", config());
    }

    @Override
    protected boolean ready() {
        if (!Files.exists(workDir().resolve("bgpd.vty")) || !exec(vtyshCommand("show bgp summary json")).ok()) {
            return false;
        }
        try {
            String startup = Files.readString(workDir().resolve("stdout.log"));
            if (startup.contains("No such command") || startup.contains("Unknown command")) {
                throw fail("bgpd rejected configuration lines");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /**
     * Runs vtysh against this bgpd, each argument one command in order in one session (e.g. "configure terminal",
     * "router bgp 65001", ...), and returns the output; a non-zero exit is an IllegalStateException.
     */
    public String vtysh(String... commands) {
        return execOk(vtyshCommand(commands));
    }

    private List<String> vtyshCommand(String... commands) {
        List<String> cmd = new ArrayList<>(List.of(VTYSH.toString(), "--vty_socket", workDir().toString(), "-d", "bgpd"));
        for (String command : commands) {
            cmd.addAll(List.of("-c", command));
        }
        return cmd;
    }

    String config() {
        DaemonPeer self = self();
        StringBuilder c = new StringBuilder();
        c.append("frr defaults traditional\n");
        c.append("hostname frr-").append(self.localPort()).append('\n');
        c.append("log file ").append(workDir().resolve("bgpd.log")).append(" debugging\n");
        c.append("log timestamp precision 3\n");
        c.append("debug bgp neighbor-events\n!\n");
        for (StaticRoute r : routes()) {
            c.append(routeMapDefinition(r));
        }
        c.append("router bgp ").append(self.localAs()).append('\n');
        c.append(" bgp router-id ").append(self.routerId()).append('\n');
        c.append(" no bgp ebgp-requires-policy\n no bgp default ipv4-unicast\n no bgp network import-check\n");
        for (DaemonPeer p : peers()) {
            String n = " neighbor " + p.remoteAddress();
            c.append(n).append(" remote-as ").append(p.remoteAs()).append('\n');
            c.append(n).append(" port ").append(p.remotePort()).append('\n');
            c.append(n).append(" update-source ").append(p.localAddress()).append('\n');
            c.append(n).append(" timers ").append(p.keepaliveSeconds()).append(' ').append(p.holdSeconds()).append('\n');
            c.append(n).append(" timers connect 1\n");
            c.append(n).append(" advertisement-interval 0\n");
            c.append(n).append(" disable-connected-check\n");
            if (p.passive()) {
                c.append(n).append(" passive\n");
            }
            if (p.md5Password() != null) {
                c.append(n).append(" password ").append(p.md5Password()).append('\n');
            }
        }
        for (String family : families()) {
            c.append(" !\n address-family ").append(family).append(" unicast\n");
            for (StaticRoute r : routes()) {
                if (r.ipv6() == family.equals("ipv6")) {
                    c.append("  network ").append(r.prefix()).append(" route-map ").append(routeMaps.get(signature(r))).append('\n');
                }
            }
            for (DaemonPeer p : peers()) {
                if (!p.families().contains(family)) {
                    continue;
                }
                String n = "  neighbor " + p.remoteAddress();
                c.append(n).append(" activate\n");
                c.append(n).append(" attribute-unchanged next-hop\n");
                if (p.addPath().sends()) {
                    c.append(n).append(" addpath-tx-all-paths\n");
                }
                if (!p.addPath().receives()) {
                    c.append(n).append(" disable-addpath-rx\n");
                }
                if (p.routeServerClient()) {
                    c.append(n).append(" route-server-client\n");
                }
            }
            c.append(" exit-address-family\n");
        }
        c.append("exit\n!\n");
        return c.toString();
    }

    /** Families configured: those of any peer, and those of the routes. */
    private Set<String> families() {
        Set<String> families = new LinkedHashSet<>();
        peers().forEach(p -> families.addAll(p.families()));
        routes().forEach(r -> families.add(r.ipv6() ? "ipv6" : "ipv4"));
        return families.stream().sorted().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The route-map for {@code r}'s attributes: its definition the first time, "" afterwards. */
    private String routeMapDefinition(StaticRoute r) {
        String signature = signature(r);
        if (routeMaps.containsKey(signature)) {
            return "";
        }
        String name = "PEERAGE_" + routeMaps.size();
        routeMaps.put(signature, name);
        StringBuilder m = new StringBuilder("route-map ").append(name).append(" permit 10\n");
        m.append(" set origin ").append(r.origin().lower()).append('\n');
        if (r.ipv6()) {
            m.append(" set ipv6 next-hop global ").append(r.nextHop()).append('\n');
        } else {
            m.append(" set ip next-hop ").append(r.nextHop()).append('\n');
        }
        if (r.med() != null) {
            m.append(" set metric ").append(r.med()).append('\n');
        }
        if (r.localPref() != null) {
            m.append(" set local-preference ").append(r.localPref()).append('\n');
        }
        if (!r.asPath().isEmpty()) {
            m.append(" set as-path prepend ")
                    .append(r.asPath().stream().map(String::valueOf).collect(Collectors.joining(" "))).append('\n');
        }
        if (!r.communities().isEmpty()) {
            m.append(" set community ").append(String.join(" ", r.communities())).append('\n');
        }
        if (!r.largeCommunities().isEmpty()) {
            m.append(" set large-community ").append(String.join(" ", r.largeCommunities())).append('\n');
        }
        List<String> rts = new ArrayList<>();
        List<String> soos = new ArrayList<>();
        for (String ext : r.extCommunities()) {
            String[] parts = ext.split(":", 2);
            switch (parts[0]) {
                case "rt" -> rts.add(parts[1]);
                case "soo" -> soos.add(parts[1]);
                default -> throw new UnsupportedOperationException("FRR harness knows rt: and soo: only: " + ext);
            }
        }
        if (!rts.isEmpty()) {
            m.append(" set extcommunity rt ").append(String.join(" ", rts)).append('\n');
        }
        if (!soos.isEmpty()) {
            m.append(" set extcommunity soo ").append(String.join(" ", soos)).append('\n');
        }
        return m.append("exit\n!\n").toString();
    }

    private static String signature(StaticRoute r) {
        return r.withPathId(0).toString().replace(r.prefix(), r.ipv6() ? "v6" : "v4");
    }

    @Override
    protected void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed) {
        // vtysh -f reads the file like a configuration file: already in configuration mode, no "configure terminal".
        List<String> commands = new ArrayList<>();
        for (StaticRoute r : added) {
            String definition = routeMapDefinition(r);
            for (String line : definition.split("\n")) {
                if (!line.isBlank() && !line.equals("!")) {
                    commands.add(line.trim());
                }
            }
        }
        commands.add("router bgp " + self().localAs());
        for (StaticRoute r : removed) {
            commands.add("address-family " + (r.ipv6() ? "ipv6" : "ipv4") + " unicast");
            commands.add("no network " + r.prefix());
            commands.add("exit-address-family");
        }
        for (StaticRoute r : added) {
            commands.add("address-family " + (r.ipv6() ? "ipv6" : "ipv4") + " unicast");
            commands.add("network " + r.prefix() + " route-map " + routeMaps.get(signature(r)));
            commands.add("exit-address-family");
        }
        try {
            Path file = workDir().resolve("update-" + System.nanoTime() + ".vtysh");
            Files.write(file, commands);
            List<String> cmd = new ArrayList<>(List.of(VTYSH.toString(), "--vty_socket", workDir().toString(),
                    "-d", "bgpd", "-f", file.toString()));
            String out = execOk(cmd);
            if (out.contains("%")) {
                throw new IllegalStateException("vtysh -f " + file + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SessionState sessionState(String peerAddress) {
        peer(peerAddress);
        JsonNode json = parseJson(vtysh("show bgp neighbors " + peerAddress + " json"));
        return SessionState.parse(json.path(peerAddress).path("bgpState").asText(null));
    }

    @Override
    public List<DaemonRoute> receivedRoutes() {
        Set<String> peerAddresses = peers().stream().map(DaemonPeer::remoteAddress).collect(Collectors.toSet());
        List<DaemonRoute> routes = new ArrayList<>();
        for (String family : families()) {
            JsonNode table = parseJson(vtysh("show bgp " + family + " unicast json detail"));
            routes.addAll(parseTable(table, peerAddresses));
        }
        return routes;
    }

    /** Parses {@code show bgp ... json detail}; keeps paths learned from {@code peerAddresses}. */
    static List<DaemonRoute> parseTable(JsonNode table, Set<String> peerAddresses) {
        List<DaemonRoute> routes = new ArrayList<>();
        table.path("routes").properties().forEach(entry -> {
            String prefix = normalisePrefix(entry.getKey());
            for (JsonNode path : entry.getValue()) {
                String peer = normaliseAddress(path.path("peer").path("peerId").asText(null));
                if (!path.has("nexthops") || peer == null || !peerAddresses.contains(peer)) {
                    continue;
                }
                List<Long> asPath = new ArrayList<>();
                path.path("aspath").path("segments").forEach(s -> s.path("list").forEach(n -> asPath.add(n.asLong())));
                List<String> communities = new ArrayList<>();
                path.path("community").path("list").forEach(n -> communities.add(n.asText()));
                List<String> large = new ArrayList<>();
                path.path("largeCommunity").path("list").forEach(n -> large.add(n.asText()));
                List<String> ext = new ArrayList<>();
                String extText = path.path("extendedCommunity").path("string").asText("");
                for (String e : extText.trim().split("\\s+")) {
                    if (!e.isEmpty()) {
                        ext.add(DaemonRoute.normaliseExtCommunity(e));
                    }
                }
                JsonNode nextHops = path.path("nexthops");
                String nextHop = nextHops.isEmpty() ? null : normaliseAddress(nextHops.get(0).path("ip").asText(null));
                Long med = path.has("metric") ? path.path("metric").asLong() : null;
                Long localPref = path.has("locPrf") ? path.path("locPrf").asLong() : null;
                Long pathId = path.has("addpathRxId") ? path.path("addpathRxId").asLong() : null;
                Origin origin = path.has("origin") ? Origin.parse(path.path("origin").asText()) : null;
                routes.add(new DaemonRoute(peer, prefix, asPath, nextHop, communities, large, ext, med, localPref, origin,
                        pathId));
            }
        });
        return routes;
    }
}
