package org.peerage.interop.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIRD 2.0 ({@code bird -f -c bird.conf -s bird.ctl}), queried with {@code birdc -s bird.ctl}.
 *
 * <p>Quirks the configuration works around:
 * <ul>
 *   <li>BIRD refuses a direct eBGP neighbour that is one of its own addresses ("Invalid remote address"), which every
 *       loopback neighbour is; sessions are therefore {@code multihop}. Received routes then have recursive next hops
 *       that cannot resolve (BIRD ignores routes to 127/8), so {@code show route} lists them as "unreachable": they
 *       are still in the table, exported and listed by {@link #receivedRoutes()}.
 *   <li>{@code strict bind} makes each session listen on its own local address and port only.
 *   <li>Originated routes are {@code blackhole} static routes carrying their attributes; {@code next hop keep} sends
 *       their {@code bgp_next_hop}. BIRD drops a MED that was not set by the export filter on eBGP, so MEDs are set in
 *       the {@code peerage_export} filter.
 *   <li>ADD-PATH: routes with different path ids go into different static protocols (one path per protocol and
 *       prefix); BIRD numbers the paths itself on the wire and does not show received path ids.
 * </ul>
 */
public final class Bird2 extends AbstractDaemon {
    static final Path BIRD = Path.of("/usr/sbin/bird");
    static final Path BIRDC = Path.of("/usr/sbin/birdc");

    private static final Pattern ROUTE_LINE = Pattern.compile("^(\\S+)?\\s+.*?\\[(\\S+)\\s[^]]*]\\s*(\\*)?.*$");
    private static final Pattern STATE = Pattern.compile("BGP state:\\s+(\\S+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    public Bird2(DaemonPeer... peers) {
        this(List.of(peers));
    }

    public Bird2(List<DaemonPeer> peers) {
        super("bird2", peers);
    }

    @Override
    protected String debianPackage() {
        return "bird2";
    }

    @Override
    protected List<Path> binaries() {
        return List.of(BIRD, BIRDC);
    }

    private Path socket() {
        return workDir().resolve("bird.ctl");
    }

    @Override
    protected List<String> command() {
        return List.of(BIRD.toString(), "-f", "-c", workDir().resolve("bird.conf").toString(), "-s", socket().toString(),
                "-P", workDir().resolve("bird.pid").toString());
    }

    @Override
    protected List<Path> configFiles() {
        return List.of(workDir().resolve("bird.conf"));
    }

    @Override
    protected List<Path> logFiles() {
        return List.of(workDir().resolve("stdout.log"), workDir().resolve("bird.log"));
    }

    @Override
    protected void writeConfig() throws IOException {
        write("bird.conf", config());
    }

    @Override
    protected boolean ready() {
        return birdc("show status").contains("Daemon is up and running");
    }

    @Override
    protected void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed) {
        try {
            writeConfig();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String out = birdc("configure");
        if (!out.contains("Reconfigured") && !out.contains("Reconfiguration in progress")) {
            throw new IllegalStateException("birdc configure: " + out);
        }
    }

    /**
     * Runs one birdc command, words separated by spaces (e.g. "show route all"), and returns its output (birdc does
     * not page when given the command as arguments); a non-zero exit is an IllegalStateException.
     */
    public String birdc(String command) {
        List<String> cmd = new ArrayList<>(List.of(BIRDC.toString(), "-s", socket().toString()));
        cmd.addAll(Arrays.asList(command.trim().split("\\s+")));
        return execOk(cmd);
    }

    private static String protocolName(int index) {
        return "peer_" + index;
    }

    String config() {
        DaemonPeer self = self();
        StringBuilder c = new StringBuilder();
        c.append("log \"").append(workDir().resolve("bird.log")).append("\" all;\n");
        c.append("router id ").append(self.routerId()).append(";\n");
        c.append("debug protocols { states, events };\n");
        c.append("protocol device { scan time 10; }\n\n");

        // One static protocol per family and path id: BIRD keeps one route per prefix and protocol.
        Map<String, List<StaticRoute>> statics = new LinkedHashMap<>();
        for (StaticRoute r : routes()) {
            String protocol = "static" + (r.ipv6() ? "6" : "4") + "_" + (r.pathId() == null ? 0 : r.pathId());
            statics.computeIfAbsent(protocol, k -> new ArrayList<>()).add(r);
        }
        StringBuilder medRules = new StringBuilder();
        for (Map.Entry<String, List<StaticRoute>> e : statics.entrySet()) {
            c.append("protocol static ").append(e.getKey()).append(" {\n  ")
                    .append(e.getKey().startsWith("static6") ? "ipv6" : "ipv4").append(";\n");
            for (StaticRoute r : e.getValue()) {
                c.append("  route ").append(r.prefix()).append(" blackhole { ").append(attributes(r)).append("};\n");
                if (r.med() != null) {
                    medRules.append("  if proto = \"").append(e.getKey()).append("\" && net = ").append(r.prefix())
                            .append(" then bgp_med = ").append(r.med()).append(";\n");
                }
            }
            c.append("}\n");
        }
        c.append("\nfilter peerage_export {\n").append(medRules).append("  accept;\n}\n\n");

        for (int i = 0; i < peers().size(); i++) {
            DaemonPeer p = peers().get(i);
            c.append("protocol bgp ").append(protocolName(i)).append(" {\n");
            c.append("  description \"").append(p.remoteAddress()).append("\";\n");
            c.append("  local ").append(p.localAddress()).append(" port ").append(p.localPort()).append(" as ")
                    .append(p.localAs()).append(";\n");
            c.append("  neighbor ").append(p.remoteAddress()).append(" port ").append(p.remotePort()).append(" as ")
                    .append(p.remoteAs()).append(";\n");
            c.append("  strict bind;\n  multihop;\n");
            c.append("  hold time ").append(p.holdSeconds()).append(";\n");
            c.append("  keepalive time ").append(p.keepaliveSeconds()).append(";\n");
            c.append("  connect delay time 0;\n  connect retry time 1;\n  error wait time 1, 2;\n  error forget time 10;\n");
            if (p.passive()) {
                c.append("  passive on;\n");
            }
            if (p.md5Password() != null) {
                c.append("  password \"").append(p.md5Password()).append("\";\n");
            }
            if (p.routeServerClient()) {
                c.append("  rs client;\n");
            }
            c.append("  enforce first as off;\n");
            String addPaths = switch (p.addPath()) {
                case NONE -> "";
                case SEND -> " add paths tx;";
                case RECEIVE -> " add paths rx;";
                case BOTH -> " add paths on;";
            };
            String channel = " { import all; export filter peerage_export; next hop keep;" + addPaths + " };\n";
            for (String family : p.families()) {
                c.append("  ").append(family).append(channel);
            }
            c.append("}\n");
        }
        return c.toString();
    }

    private static String attributes(StaticRoute r) {
        StringBuilder a = new StringBuilder();
        a.append("bgp_next_hop = ").append(r.nextHop()).append("; ");
        a.append("bgp_origin = ORIGIN_").append(r.origin().name()).append("; ");
        for (Long as : r.asPath().reversed()) {
            a.append("bgp_path.prepend(").append(as).append("); ");
        }
        for (String community : r.communities()) {
            a.append("bgp_community.add((").append(community.replace(":", ",")).append(")); ");
        }
        for (String large : r.largeCommunities()) {
            a.append("bgp_large_community.add((").append(large.replace(":", ",")).append(")); ");
        }
        for (String ext : r.extCommunities()) {
            String[] parts = ext.split(":");
            String kind = switch (parts[0]) {
                case "rt" -> "rt";
                case "soo" -> "ro";
                default -> throw new UnsupportedOperationException("BIRD harness knows rt: and soo: only: " + ext);
            };
            a.append("bgp_ext_community.add((").append(kind).append(", ").append(parts[1]).append(", ")
                    .append(parts[2]).append(")); ");
        }
        if (r.localPref() != null) {
            a.append("bgp_local_pref = ").append(r.localPref()).append("; ");
        }
        return a.toString();
    }

    @Override
    public SessionState sessionState(String peerAddress) {
        int index = peers().indexOf(peer(peerAddress));
        Matcher m = STATE.matcher(birdc("show protocols all " + protocolName(index)));
        return m.find() ? SessionState.parse(m.group(1)) : SessionState.UNKNOWN;
    }

    @Override
    public List<DaemonRoute> receivedRoutes() {
        Map<String, String> peerByProtocol = new LinkedHashMap<>();
        for (int i = 0; i < peers().size(); i++) {
            peerByProtocol.put(protocolName(i), peers().get(i).remoteAddress());
        }
        return parseRoutes(birdc("show route all"), peerByProtocol);
    }

    /** Parses {@code show route all}; keeps the routes of the protocols in {@code peerByProtocol}. */
    static List<DaemonRoute> parseRoutes(String output, Map<String, String> peerByProtocol) {
        List<DaemonRoute> routes = new ArrayList<>();
        String prefix = null;
        RouteBuilder current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("\t") || line.startsWith("  \t")) {
                if (current != null) {
                    current.attribute(line.trim());
                }
                continue;
            }
            Matcher m = ROUTE_LINE.matcher(line);
            if (!m.matches() || line.startsWith("Table ") || line.startsWith("BIRD ")) {
                continue;
            }
            if (current != null) {
                routes.add(current.build());
                current = null;
            }
            if (m.group(1) != null) {
                prefix = m.group(1);
            }
            String peer = peerByProtocol.get(m.group(2));
            if (peer != null && prefix != null) {
                current = new RouteBuilder(peer, normalisePrefix(prefix));
            }
        }
        if (current != null) {
            routes.add(current.build());
        }
        return routes;
    }

    private static final class RouteBuilder {
        final String peer;
        final String prefix;
        List<Long> asPath = List.of();
        String nextHop;
        List<String> communities = List.of();
        List<String> large = List.of();
        List<String> ext = List.of();
        Long med;
        Long localPref;
        Origin origin;

        RouteBuilder(String peer, String prefix) {
            this.peer = peer;
            this.prefix = prefix;
        }

        void attribute(String line) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                return;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2).trim();
            switch (key) {
                case "BGP.origin" -> origin = Origin.parse(value);
                case "BGP.as_path" -> asPath = numbers(value);
                case "BGP.next_hop" -> nextHop = normaliseAddress(value.split(" ")[0]);
                case "BGP.med" -> med = Long.parseLong(value);
                case "BGP.local_pref" -> localPref = Long.parseLong(value);
                case "BGP.community" -> communities = tuples(value, ":");
                case "BGP.large_community" -> large = tuples(value, ":");
                case "BGP.ext_community" -> ext = tuples(value, null);
                default -> {
                }
            }
        }

        DaemonRoute build() {
            return new DaemonRoute(peer, prefix, asPath, nextHop, communities, large, ext, med, localPref, origin, null);
        }

        private static List<Long> numbers(String value) {
            List<Long> out = new ArrayList<>();
            Matcher m = NUMBER.matcher(value);
            while (m.find()) {
                out.add(Long.parseLong(m.group()));
            }
            return out;
        }

        /** "(65001,1) (65001,2)" -> ["65001:1", "65001:2"]; ext communities through the shared normaliser. */
        private static List<String> tuples(String value, String joiner) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("\\(([^)]*)\\)").matcher(value);
            while (m.find()) {
                out.add(joiner == null ? DaemonRoute.normaliseExtCommunity("(" + m.group(1) + ")")
                        : m.group(1).replace(" ", "").replace(",", joiner));
            }
            return out;
        }
    }
}
