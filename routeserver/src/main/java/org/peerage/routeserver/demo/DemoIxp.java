package org.peerage.routeserver.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.InetText;
import org.peerage.routeserver.ClientView;
import org.peerage.routeserver.Explanation;
import org.peerage.routeserver.RouteServer;
import org.peerage.routeserver.RouteView;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.demo.DemoData.Member;
import org.peerage.routeserver.filter.Evidence;
import org.peerage.routeserver.filter.PolicyData;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.http.HttpApi;

/**
 * The embedded demo IXP: writes a configuration, an IRR dump and a VRP file for the members of {@link DemoData},
 * starts the route server on them and the members as speakers in the same process, and reports what happened:
 * every member's routes accepted and filtered by reason, one filtered route per reason with the evidence, and what
 * each member received.
 */
public final class DemoIxp implements AutoCloseable {
    private final PrintStream out;
    private final Path dir;
    private final DemoData data = new DemoData(2026);
    private final Transport transport = Transport.create(0);
    private final RouteServer rs;
    private final Speaker members;
    private final HttpApi api;

    public DemoIxp(PrintStream out, Path dir, InetSocketAddress listen, InetSocketAddress http) throws Exception {
        this.out = out;
        this.dir = dir;
        writeIrr(dir.resolve("irr.db"));
        writeVrps(dir.resolve("vrps.json"));
        Path yaml = dir.resolve("rs.yaml");
        Files.writeString(yaml, config(listen, http));
        RouteServerConfig config = ConfigLoader.load(yaml);
        PolicyData policy = PolicyData.load(config, Instant.now());
        rs = new RouteServer(config, policy, transport, line -> { });
        try {
            api = HttpApi.start(rs, http);
        } catch (IllegalStateException e) {
            rs.close();
            transport.close();
            throw e;
        }
        List<Speaker.Spec> specs = new ArrayList<>();
        for (Member m : data.members()) {
            InetAddress local = InetAddress.getByName(m.address());
            PeerConfig c = PeerConfig.of(m.asn(), 0x0A010000 | specs.size() + 10, config.asn())
                    .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10), true);
            specs.add(new Speaker.Spec(m.name(), c, SessionOptions.of(listen, local), m.routes(),
                    InetText.parseAddress(m.nextHop()), null));
        }
        members = new Speaker(transport, null, specs, new EventSink(OutputStream.nullOutputStream(), 0), false);
    }

    /** Starts everything, waits for the table to settle (or {@code settle}), and prints the report. */
    public void run(Duration settle) throws InterruptedException {
        InetSocketAddress listen = rs.config().listen().getFirst();
        out.println("peerage demo IXP: route server AS" + DemoData.RS_AS + " on " + listen.getAddress()
                .getHostAddress() + ":" + listen.getPort() + " with " + data.members().size()
                + " member routers on 127.1.0.x");
        out.println("  configuration, IRR dump and VRPs: " + dir);
        rs.start();
        members.start();
        long deadline = System.nanoTime() + settle.toNanos();
        long lastPaths = -1;
        int quiet = 0;
        while (System.nanoTime() < deadline && quiet < 4) {
            Thread.sleep(500);
            long paths = rs.counts()[1];
            boolean allUp = rs.sessions().values().stream().allMatch(s -> s == SessionState.ESTABLISHED);
            quiet = allUp && paths == lastPaths ? quiet + 1 : 0;
            lastPaths = paths;
        }
        report();
    }

    private void report() {
        long[] counts = rs.counts();
        out.printf("%nThe route server holds %,d paths to %,d prefixes in %,d distinct attribute sets.%n",
                counts[1], counts[0], counts[2]);
        out.printf("%n%-22s %-8s %-12s %9s %9s %9s %9s  %s%n", "member", "AS", "session", "received", "accepted",
                "filtered", "sent", "behaviour");
        Map<String, Integer> received = members.received();
        Map<RejectReason, String[]> examples = new EnumMap<>(RejectReason.class);
        for (ClientView c : rs.clients()) {
            Member m = data.members().stream().filter(x -> x.asn() == c.asn()).findFirst().orElseThrow();
            long filtered = c.filtered().values().stream().mapToLong(Long::longValue).sum();
            out.printf("%-22s %-8d %-12s %9d %9d %9d %9d  %s%n", m.name(), c.asn(), c.state(), c.receivedIpv4(),
                    c.acceptedIpv4(), filtered, received.getOrDefault(m.name(), 0), m.misbehaviour().description());
            for (var e : c.filtered().entrySet()) {
                examples.putIfAbsent(e.getKey(), new String[] {m.name(), String.valueOf(c.asn())});
            }
        }
        out.println("\nOne filtered route per reason, and why:");
        for (var e : examples.entrySet()) {
            explainOne(e.getKey(), Long.parseLong(e.getValue()[1]), e.getValue()[0]);
        }
        Member blackholer = data.find(DemoData.Misbehaviour.BLACKHOLING);
        blackholer.routes().routes().keySet().stream().filter(p -> p.length() == 32).findFirst().ifPresent(p -> {
            List<RouteView> views = rs.routes(p);
            if (views.isEmpty()) return;
            out.printf("%nBlackhole %s from %s: %s, sent to %d members with its next hop rewritten to the IXP's "
                    + "blackhole address and NO_EXPORT added.%n", p, blackholer.name(),
                    views.getFirst().rejected() == null ? "accepted" : "refused", views.getFirst().exportedTo().size());
        });
        String base = "http://" + api.address().getAddress().getHostAddress() + ":" + api.address().getPort();
        out.println("\nWhere to look, while it runs:");
        out.println("  " + base + "/protocols/bgp                 every member session (birdwatcher API: point Alice-LG"
                + " here)");
        out.println("  " + base + "/routes/filtered/<session id>  a member's filtered routes with their reasons");
        out.println("  " + base + "/metrics                       Prometheus metrics");
        out.println("  ./peerage routeserver explain 10.0.0.0/8 --api " + base + "   why a route was filtered");
        out.println("\nThe route server keeps running; the members' sessions stay up. Stop with Ctrl-C (SIGINT).");
        out.println("Run your own: ./peerage routeserver --config " + dir.resolve("rs.yaml")
                + "   (docs/routeserver-config.md)");
    }

    private void explainOne(RejectReason reason, long asn, String member) {
        for (Member m : data.members()) {
            if (m.asn() != asn) continue;
            for (var p : m.routes().routes().keySet()) {
                for (Explanation x : rs.explain(p, asn)) {
                    if (x.route().fromAs() != asn || x.route().rejected() != reason) continue;
                    String why = x.checks().stream().filter(c -> c.outcome() == Evidence.Outcome.FAILED)
                            .findFirst().map(c -> c.name() + ": " + c.detail())
                            .orElse(reason == RejectReason.MAX_PREFIX ? "max-prefix: more than "
                                    + DemoData.GREEDY_LIMIT + " accepted IPv4 routes (client configuration)" : "");
                    out.printf("  %-20s %-18s from %s: %s (RS:1101:%d)%n%s%s%n", reason.label(), p, member,
                            reason.description(), reason.euroIx(), " ".repeat(25), why);
                    return;
                }
            }
        }
    }

    private String config(InetSocketAddress listen, InetSocketAddress http) {
        StringBuilder clients = new StringBuilder();
        for (Member m : data.members()) {
            clients.append("  - asn: ").append(m.asn()).append('\n');
            clients.append("    ip: [").append(m.address()).append("]\n");
            clients.append("    description: \"").append(m.name()).append("\"\n");
            clients.append("    filters:\n      irrdb: {as_sets: [").append(m.asSet()).append("]}\n");
            if (m.misbehaviour() == DemoData.Misbehaviour.TOO_MANY_PREFIXES) {
                clients.append("      max_prefix: {limit_ipv4: ").append(DemoData.GREEDY_LIMIT)
                        .append(", action: block}\n");
            }
        }
        return """
                # The demo IXP, written by ./peerage routeserver (docs/routeserver-config.md explains every key).
                asn: %d
                router_id: 10.0.0.1
                listen: ["%s:%d"]
                http: {listen: "%s:%d"}
                irr: {dumps: [irr.db]}
                rpki: {vrp_files: [vrps.json]}
                filters:
                  reject_policy: {policy: tag}
                blackhole_filtering:
                  rewrite_next_hop_ipv4: 192.0.2.66
                graceful_shutdown: {enabled: true}
                clients:
                %s""".formatted(DemoData.RS_AS, listen.getAddress().getHostAddress(), listen.getPort(),
                http.getAddress().getHostAddress(), http.getPort(),
                clients.toString().stripTrailing());
    }

    private void writeIrr(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# The demo IXP's route objects and as-sets (RPSL).\n\n");
        for (Member m : data.members()) {
            sb.append("aut-num: AS").append(m.asn()).append("\nas-name: ").append(m.asSet().substring(3))
                    .append("\nsource: DEMO\n\n");
            sb.append("as-set: ").append(m.asSet()).append("\nmembers: AS").append(m.asn());
            for (long c : m.customers()) sb.append(", AS").append(c);
            sb.append("\nsource: DEMO\n\n");
            for (DemoData.RouteObject r : m.routeObjects()) {
                sb.append("route: ").append(r.prefix()).append("\norigin: AS").append(r.origin())
                        .append("\nsource: DEMO\n\n");
            }
        }
        Files.writeString(file, sb.toString());
    }

    private void writeVrps(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("{\"metadata\": {\"buildmachine\": \"peerage demo\"},\n \"roas\": [\n");
        boolean first = true;
        for (Member m : data.members()) {
            for (DemoData.Roa r : m.roas()) {
                if (!first) sb.append(",\n");
                first = false;
                sb.append("  {\"asn\": ").append(r.asn()).append(", \"prefix\": \"").append(r.prefix())
                        .append("\", \"maxLength\": ").append(r.maxLength()).append(", \"ta\": \"demo\"}");
            }
        }
        Files.writeString(file, sb.append("\n ]\n}\n").toString());
    }

    /** Cease to every member, then stop. */
    public void shutdown() {
        rs.shutdown("peerage demo IXP shutting down");
    }

    @Override
    public void close() {
        api.close();
        members.close();
        rs.close();
        transport.close();
    }
}
