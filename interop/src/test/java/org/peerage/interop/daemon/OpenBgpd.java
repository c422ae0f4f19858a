package org.peerage.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OpenBGPD 7 portable ({@code bgpd -d -v -f bgpd.conf}), queried with {@code bgpctl -s bgpd.sock -j}.
 *
 * <p>Quirks:
 * <ul>
 *   <li>The control socket is set in the configuration ({@code socket "..."}); bgpd has no command-line flag for it.
 *   <li>bgpd chroots its session engine into the home of its {@code _openbgpd} user, {@code /run/openbgpd}, which
 *       systemd normally creates: the harness creates it when missing (the package creates the user).
 *   <li>Filters deny everything by default, own announcements included: {@code allow from any}, {@code allow to any}.
 *   <li>On eBGP bgpd replaces the next hop with its own (loopback) address unless the session is {@code multihop} with
 *       {@code set nexthop no-modify}, which the harness uses so explicit next hops go out.
 *   <li>{@code enforce neighbor-as} is switched off so it can be a route-server client.
 *   <li>{@code network} statements cannot carry an arbitrary AS path or path id: those routes are rejected. Runtime
 *       announcements rewrite the configuration and {@code bgpctl reload} it ({@code bgpctl network add} has no
 *       ORIGIN).
 *   <li>The JSON RIB always prints {@code metric} (0 when no MED was received) and {@code localpref}.
 * </ul>
 */
public final class OpenBgpd extends AbstractDaemon {
    static final Path BGPD = Path.of("/usr/sbin/bgpd");
    static final Path BGPCTL = Path.of("/usr/sbin/bgpctl");
    static final Path CHROOT = Path.of("/run/openbgpd");

    public OpenBgpd(DaemonPeer... peers) {
        this(List.of(peers));
    }

    public OpenBgpd(List<DaemonPeer> peers) {
        super("openbgpd", peers);
        routes().forEach(OpenBgpd::checkSupported);
    }

    private static void checkSupported(StaticRoute r) {
        if (!r.asPath().isEmpty() || r.pathId() != null) {
            throw new UnsupportedOperationException("OpenBGPD networks carry no AS path or path id: " + r);
        }
    }

    @Override
    protected String debianPackage() {
        return "openbgpd";
    }

    @Override
    protected List<Path> binaries() {
        return List.of(BGPD, BGPCTL);
    }

    private Path socket() {
        return workDir().resolve("bgpd.sock");
    }

    @Override
    protected List<String> command() {
        return List.of(BGPD.toString(), "-d", "-v", "-f", workDir().resolve("bgpd.conf").toString());
    }

    @Override
    protected List<Path> configFiles() {
        return List.of(workDir().resolve("bgpd.conf"));
    }

    @Override
    protected void writeConfig() throws IOException {
        Files.createDirectories(CHROOT);
        write("bgpd.conf", config());
    }

    @Override
    protected boolean ready() {
        return Files.exists(socket()) && exec(bgpctlCommand("show")).ok();
    }

    /** Runs {@code bgpctl -s SOCKET args...} and returns its output; a non-zero exit is an IllegalStateException. */
    public String bgpctl(String... args) {
        return execOk(bgpctlCommand(args));
    }

    private List<String> bgpctlCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(BGPCTL.toString(), "-s", socket().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    String config() {
        DaemonPeer self = self();
        StringBuilder c = new StringBuilder();
        c.append("AS ").append(self.localAs()).append('\n');
        c.append("router-id ").append(self.routerId()).append('\n');
        c.append("socket \"").append(socket()).append("\"\n");
        peers().stream().map(DaemonPeer::localAddress).distinct().forEach(a ->
                c.append("listen on ").append(a).append(" port ").append(self.localPort()).append('\n'));
        c.append("fib-update no\n");
        c.append("connect-retry 1\n");
        c.append("log updates\n\n");
        for (StaticRoute r : routes()) {
            c.append("network ").append(r.prefix()).append(" set { ").append(String.join(" ", attributes(r)))
                    .append(" }\n");
        }
        for (DaemonPeer p : peers()) {
            c.append("\nneighbor ").append(p.remoteAddress()).append(" {\n");
            c.append("  remote-as ").append(p.remoteAs()).append('\n');
            c.append("  local-address ").append(p.localAddress()).append('\n');
            c.append("  port ").append(p.remotePort()).append('\n');
            c.append("  holdtime ").append(p.holdSeconds()).append('\n');
            c.append("  multihop 64\n");
            c.append("  set nexthop no-modify\n");
            c.append("  enforce neighbor-as no\n");
            if (p.passive()) {
                c.append("  passive\n");
            }
            if (p.md5Password() != null) {
                c.append("  tcp md5sig password ").append(p.md5Password()).append('\n');
            }
            if (p.routeServerClient()) {
                c.append("  transparent-as yes\n");
            }
            c.append("  announce IPv4 ").append(p.families().contains("ipv4") ? "unicast" : "none").append('\n');
            c.append("  announce IPv6 ").append(p.families().contains("ipv6") ? "unicast" : "none").append('\n');
            if (p.addPath().receives()) {
                c.append("  announce add-path recv yes\n");
            }
            if (p.addPath().sends()) {
                c.append("  announce add-path send all\n");
            }
            c.append("}\n");
        }
        c.append("\nallow from any\nallow to any\n");
        return c.toString();
    }

    /** Attribute arguments of {@code network ... set { }}. */
    private static List<String> attributes(StaticRoute r) {
        List<String> a = new ArrayList<>(List.of("nexthop", r.nextHop(), "origin", r.origin().lower()));
        if (r.med() != null) {
            a.addAll(List.of("med", String.valueOf(r.med())));
        }
        if (r.localPref() != null) {
            a.addAll(List.of("localpref", String.valueOf(r.localPref())));
        }
        r.communities().forEach(x -> a.addAll(List.of("community", x)));
        r.largeCommunities().forEach(x -> a.addAll(List.of("large-community", x)));
        for (String ext : r.extCommunities()) {
            String[] parts = ext.split(":", 2);
            a.addAll(List.of("ext-community", parts[0], parts[1]));
        }
        return a;
    }

    /** Rewrites the configuration and reloads it ({@code bgpctl network add} cannot set ORIGIN). */
    @Override
    protected void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed) {
        added.forEach(OpenBgpd::checkSupported);
        try {
            write("bgpd.conf", config());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        bgpctl("reload");
    }

    @Override
    public SessionState sessionState(String peerAddress) {
        peer(peerAddress);
        JsonNode neighbors = parseJson(bgpctl("-j", "show", "neighbor", peerAddress)).path("neighbors");
        return neighbors.isEmpty() ? SessionState.UNKNOWN : SessionState.parse(neighbors.get(0).path("state").asText(null));
    }

    @Override
    public List<DaemonRoute> receivedRoutes() {
        Set<String> peerAddresses = peers().stream().map(DaemonPeer::remoteAddress).collect(Collectors.toSet());
        return parseRib(parseJson(bgpctl("-j", "show", "rib", "in", "detail")), peerAddresses);
    }

    /** Parses {@code bgpctl -j show rib in detail}; keeps paths from {@code peerAddresses}. */
    static List<DaemonRoute> parseRib(JsonNode json, Set<String> peerAddresses) {
        List<DaemonRoute> routes = new ArrayList<>();
        for (JsonNode r : json.path("rib")) {
            String peer = normaliseAddress(r.path("neighbor").path("remote_addr").asText(""));
            if (!peerAddresses.contains(peer)) {
                continue;
            }
            List<Long> asPath = new ArrayList<>();
            for (String as : r.path("aspath").asText("").replaceAll("[{}(),]", " ").trim().split("\\s+")) {
                if (!as.isEmpty()) {
                    asPath.add(Long.parseLong(as));
                }
            }
            List<String> communities = new ArrayList<>();
            r.path("communities").forEach(n -> communities.add(n.asText()));
            List<String> large = new ArrayList<>();
            r.path("large_communities").forEach(n -> large.add(n.asText()));
            List<String> ext = new ArrayList<>();
            r.path("extended_communities").forEach(n -> ext.add(DaemonRoute.normaliseExtCommunity(n.asText())));
            routes.add(new DaemonRoute(peer, normalisePrefix(r.path("prefix").asText()), asPath,
                    normaliseAddress(r.path("exit_nexthop").asText(null)), communities, large, ext,
                    r.has("metric") ? r.path("metric").asLong() : null,
                    r.has("localpref") ? r.path("localpref").asLong() : null,
                    r.has("origin") ? Origin.parse(r.path("origin").asText()) : null,
                    r.has("path_id") ? r.path("path_id").asLong() : null));
        }
        return routes;
    }
}
