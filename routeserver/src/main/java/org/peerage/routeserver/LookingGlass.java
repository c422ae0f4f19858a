package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.Paths;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * What a looking glass asks of the RIB: the paths of a prefix, of a session, of the table; the explanation of each
 * path's fate; per-session counts. Runs on the RIB thread ({@link RouteServer} hands the calls over).
 */
final class LookingGlass {
    private final RibContext ctx;

    LookingGlass(RibContext ctx) {
        this.ctx = ctx;
    }

    /** What the route server holds for a prefix, path by path, and who each path is exported to. */
    List<RouteView> routes(Prefix prefix) {
        int slot = ctx.rib.prefixes().get(prefix);
        List<RouteView> out = new ArrayList<>();
        if (slot < 0) return out;
        long best = ctx.rib.best(slot);
        for (long path : ctx.rib.candidates(slot)) {
            out.add(RouteView.of(path, path == best, ctx.sessions.get(Paths.client(path)), ctx.attributes, slot,
                    ctx.sessions, ctx.exporter, prefix.isIpv6()));
        }
        return out;
    }

    /**
     * For every path of a prefix: each import check's outcome with its evidence, and per receiving client whether
     * it was exported and why not (optionally only the paths from, and the receivers of, one client AS: 0 for all).
     */
    List<Explanation> explain(Prefix prefix, long clientAs) {
        int slot = ctx.rib.prefixes().get(prefix);
        List<Explanation> out = new ArrayList<>();
        if (slot < 0) return out;
        boolean ipv6 = prefix.isIpv6();
        long best = ctx.rib.best(slot);
        for (long path : ctx.rib.candidates(slot)) {
            ClientSession from = ctx.sessions.get(Paths.client(path));
            List<PathAttribute> attrs = ctx.attributes.attributes(Paths.attributeId(path));
            List<Explanation.Check> attributeChecks = new ArrayList<>();
            List<Explanation.Check> prefixChecks = new ArrayList<>();
            RouteFacts facts = RouteFacts.of(attrs);
            RejectReason attributeVerdict = ctx.importPolicy.attributeVerdict(from.policy, facts,
                    (check, outcome, detail) -> attributeChecks.add(new Explanation.Check(check, outcome, detail)));
            ctx.importPolicy.evaluate(from.policy, facts, attributeVerdict, prefix,
                    (check, outcome, detail) -> prefixChecks.add(new Explanation.Check(check, outcome, detail)));
            List<Explanation.Check> checks = inCheckOrder(prefixChecks, attributeChecks);
            if (Paths.verdict(path) == RejectReason.MAX_PREFIX.verdict()) {
                long limit = ipv6 ? from.policy.maxPrefixIpv6() : from.policy.maxPrefixIpv4();
                checks.add(new Explanation.Check("max-prefix", org.peerage.routeserver.filter.Evidence.Outcome
                        .FAILED, "it came after " + limit + " accepted " + (ipv6 ? "IPv6" : "IPv4") + " routes, the "
                        + "limit (" + from.policy.maxPrefixSource() + "), with action block"));
            }
            RouteView view = RouteView.of(path, path == best, from, ctx.attributes, slot, ctx.sessions, ctx.exporter, ipv6);
            Map<String, String> receivers = new LinkedHashMap<>();
            for (ClientSession to : ctx.sessions) {
                if (to.removed) continue;
                if (clientAs != 0 && from.config.asn() != clientAs && to.config.asn() != clientAs) continue;
                if (to == from) continue;
                receivers.put(to.name(), exportFate(path, view, to, slot, ipv6));
            }
            out.add(new Explanation(view, checks, receivers));
        }
        return out;
    }

    /** The checks in the order they run: the prefix's own first, then the attribute set's, then the rest. */
    private static List<Explanation.Check> inCheckOrder(List<Explanation.Check> prefixChecks,
                                                        List<Explanation.Check> attributeChecks) {
        java.util.Set<String> first = java.util.Set.of("filters", "prefix length", "bogon prefix", "block list");
        List<Explanation.Check> out = new ArrayList<>();
        prefixChecks.stream().filter(c -> first.contains(c.name())).forEach(out::add);
        out.addAll(attributeChecks);
        prefixChecks.stream().filter(c -> !first.contains(c.name())).forEach(out::add);
        return out;
    }

    private String exportFate(long path, RouteView view, ClientSession to, int slot, boolean ipv6) {
        if (to.negotiated == null) return "session not established";
        if (!to.receives(ipv6)) return "the session does not carry " + (ipv6 ? "IPv6" : "IPv4");
        if (view.rejected() != null) return "not exported: refused by import policy (" + view.rejected().label()
                + ")";
        String refusal = ctx.exporter.refusal(path, to, ipv6);
        if (refusal != null) return "not exported: " + refusal;
        if (view.exportedTo().contains(to.name())) return "exported";
        long sent = ctx.rib.bestAllowed(slot, p -> ctx.exporter.allowed(p, to, ipv6));
        return sent < 0 ? "not exported yet (pending)" : "not exported: it gets the better path from "
                + ctx.sessions.get(Paths.client(sent)).name();
    }

    /** The paths a looking-glass query asks for, in prefix-slot order. */
    List<RouteEntry> query(RouteQuery q) {
        List<RouteEntry> out = new ArrayList<>();
        switch (q) {
            case RouteQuery.OfPrefix p -> {
                int slot = ctx.rib.prefixes().get(p.prefix());
                if (slot >= 0) for (long path : ctx.rib.candidates(slot)) out.add(entry(slot, path));
            }
            case RouteQuery.Table t -> {
                for (int slot = 0; slot < ctx.rib.prefixes().slotLimit(); slot++) {
                    for (long path : ctx.rib.candidates(slot)) {
                        if (Paths.isAccepted(path) != t.filtered()) out.add(entry(slot, path));
                    }
                }
            }
            case RouteQuery.Accepted a -> session(a.sessionId()).ifPresent(c -> ctx.rib.forEachPathOf(c.index,
                    (slot, path) -> {
                        if (Paths.isAccepted(path)) out.add(entry(slot, path));
                    }));
            case RouteQuery.Filtered f -> session(f.sessionId()).ifPresent(c -> ctx.rib.forEachPathOf(c.index,
                    (slot, path) -> {
                        if (!Paths.isAccepted(path)) out.add(entry(slot, path));
                    }));
            case RouteQuery.NotExported n -> session(n.sessionId()).ifPresent(to -> {
                for (int slot = 0; slot < ctx.rib.prefixes().slotLimit(); slot++) {
                    Prefix p = ctx.rib.prefixes().prefix(slot);
                    if (p == null || !to.receives(p.isIpv6())) continue;
                    for (long path : ctx.rib.candidates(slot)) {
                        if (!Paths.isAccepted(path)) break;
                        if (Paths.client(path) != to.index && ctx.sessions.get(Paths.client(path)).asn() != to.asn()
                                && !ctx.exporter.allowed(path, to, p.isIpv6())) {
                            out.add(entry(slot, path));
                        }
                    }
                }
            });
        }
        return out;
    }

    /** Whether a session of this id exists. */
    boolean hasSession(String id) {
        return session(id).isPresent();
    }

    private java.util.Optional<ClientSession> session(String id) {
        return ctx.sessions.stream().filter(c -> !c.removed && c.id().equals(id)).findFirst();
    }

    private RouteEntry entry(int slot, long path) {
        ClientSession from = ctx.sessions.get(Paths.client(path));
        int tags = Paths.tags(path);
        int verdict = Paths.verdict(path);
        return new RouteEntry(ctx.rib.prefixes().prefix(slot), from.id(), from.asn(), from.address,
                ctx.attributes.attributes(Paths.attributeId(path)), verdict == 0 ? null : RejectReason.ofVerdict(verdict),
                RouteView.rpkiLabel(tags), (tags & ImportPolicy.BLACKHOLE_TAG) != 0, path == ctx.rib.best(slot),
                from.stateSinceMillis);
    }

    /** Per client session: counts of routes held, accepted and filtered by reason. */
    List<ClientView> clients() {
        long[] preferred = new long[ctx.sessions.size()];
        for (int slot = 0; slot < ctx.rib.prefixes().slotLimit(); slot++) {
            long best = ctx.rib.best(slot);
            if (best >= 0) preferred[Paths.client(best)]++;
        }
        return ctx.sessions.stream().filter(c -> !c.removed).map(c -> ClientView.of(c, preferred[c.index])).toList();
    }
}
