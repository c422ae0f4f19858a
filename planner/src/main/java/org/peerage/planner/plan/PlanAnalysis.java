package org.peerage.planner.plan;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.peerage.planner.plan.PlanResult.Assumption;
import org.peerage.planner.plan.PlanResult.Balance;
import org.peerage.planner.plan.PlanResult.BitMileBalance;
import org.peerage.planner.plan.PlanResult.Candidate;
import org.peerage.planner.plan.PlanResult.CostCurve;
import org.peerage.planner.plan.PlanResult.Meeting;
import org.peerage.planner.plan.PlanResult.Option;
import org.peerage.planner.plan.PlanResult.OptionKind;
import org.peerage.planner.plan.PlanResult.ProviderBills;
import org.peerage.planner.plan.PlanResult.Remedy;
import org.peerage.planner.plan.PlanResult.Selection;
import org.peerage.planner.plan.PlanResult.Site;
import org.peerage.planner.plan.PlanResult.Summary;
import org.peerage.planner.plan.billing.Percentile;
import org.peerage.planner.plan.billing.TransitBill;
import org.peerage.planner.plan.billing.TransitBilling;
import org.peerage.planner.plan.bitmiles.BitMiles;
import org.peerage.planner.plan.cones.CustomerCones;
import org.peerage.planner.plan.cones.InferredCones;
import org.peerage.planner.plan.cones.PpdcCones;
import org.peerage.planner.plan.options.PeeringEconomics;
import org.peerage.planner.plan.selection.FacilityLocation;
import org.peerage.planner.plan.selection.Instance;
import org.peerage.planner.plan.selection.Solution;
import org.peerage.planner.plan.traffic.TrafficData;
import org.peerage.planner.plan.traffic.TrafficData.Key;
import org.peerage.planner.routing.AsPaths;
import org.peerage.planner.routing.MrtRib;
import org.peerage.planner.routing.RoutingTable;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.GeoPoint;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.Network;

/**
 * The peering plan: transit bills, candidate peers, options per candidate and place, the choice of exchanges
 * (facility location), the bills after offloading, and bit-miles. docs/plan.md states every formula.
 */
public final class PlanAnalysis {
    private static final Family[] FAMILIES = Family.values();
    /** A peering is called balanced when each side carries at most twice the other's bit-miles. */
    public static final double BALANCED_RATIO = 2.0;
    /** A peer's facility this close to one of our PoPs is offered as a new interconnection point. */
    static final double NEAR_POP_KM = 100;

    /** Eligible and meetable first, then by value net of the cheapest option, then by AS. */
    private static final Comparator<Cand> BY_NET_SAVING = Comparator.comparing((Cand c) -> !c.eligible
                    || c.bestCost == Double.POSITIVE_INFINITY)
            .thenComparing(c -> -(c.value - (Double.isInfinite(c.bestCost) ? 0 : c.bestCost)))
            .thenComparingLong(c -> c.asn);

    private final Plan plan;
    private final TrafficData traffic;
    private final RegistryView reg;
    private final CustomerCones cones;
    private final Map<Long, int[]> prefixes;
    private final Progress progress;
    private final List<String> warnings = new ArrayList<>();
    private final List<Assumption> assumptions = new ArrayList<>();
    private final Map<Long, Plan.Transit> providers = new LinkedHashMap<>();

    private PlanAnalysis(Plan plan, TrafficData traffic, RegistryView reg, CustomerCones cones,
                         Map<Long, int[]> prefixes, Progress progress) {
        this.plan = plan;
        this.traffic = traffic;
        this.reg = reg;
        this.cones = cones;
        this.prefixes = prefixes;
        this.progress = progress;
        for (Plan.Transit t : plan.transit()) providers.put(t.asn(), t);
        warnings.addAll(reg.warnings);
    }

    /** Reads the plan's inputs and analyses them. */
    public static PlanResult run(Plan plan, Progress progress) throws IOException {
        progress.steps(8 + (plan.inputs().routingTable().isPresent() ? 1 : 0) + (plan.inputs().inferCones() ? 1 : 0));
        progress.step("reading traffic from " + plan.inputs().traffic());
        TrafficData traffic = TrafficData.load(plan.inputs().traffic());
        progress.note(String.format(Locale.ROOT, "%,d flows, %,d series, %,d samples of 5 minutes", traffic.flows(),
                traffic.series().size(), traffic.samples()));
        progress.step("reading the registry " + plan.inputs().registry());
        RegistryView reg = RegistryView.load(plan.inputs().registry(), plan);
        Map<Long, int[]> prefixes = Map.of();
        if (plan.inputs().routingTable().isPresent()) {
            progress.step("reading the routing table " + plan.inputs().routingTable().get());
            prefixes = prefixCounts(plan);
        }
        CustomerCones cones = CustomerCones.ORIGIN_ONLY;
        if (plan.inputs().customerCones().isPresent()) {
            cones = PpdcCones.read(plan.inputs().customerCones().get());
        } else if (plan.inputs().inferCones()) {
            progress.step("inferring AS relationships and customer cones from the routing table");
            cones = InferredCones.from(plan.inputs().routingTable().get());
            progress.note(cones.description());
        }
        return analyse(plan, traffic, reg, cones, prefixes, progress);
    }

    public static PlanResult analyse(Plan plan, TrafficData traffic, RegistryView reg, CustomerCones cones,
                                     Map<Long, int[]> prefixes, Progress progress) {
        return new PlanAnalysis(plan, traffic, reg, cones, prefixes, progress).analyse();
    }

    /** Prefixes each origin AS announces in the routing table: [IPv4, IPv6]. */
    static Map<Long, int[]> prefixCounts(Plan plan) throws IOException {
        MrtRib.Loaded loaded = MrtRib.load(plan.inputs().routingTable().get().toString(),
                plan.inputs().routingPeer().orElse(null));
        RoutingTable t = loaded.routes().build();
        AsPaths paths = t.asPaths();
        Map<Long, int[]> out = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            int path = t.path(r);
            if (paths.length(path) == 0) continue;
            long origin = Integer.toUnsignedLong(paths.originAs(path));
            out.computeIfAbsent(origin, k -> new int[2])[t.prefix(r).isIpv6() ? 1 : 0]++;
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A candidate while it is being analysed. */
    private final class Cand {
        final long asn;
        final Network net;
        final String policy;
        final Set<Long> origins = new HashSet<>();
        double offload;
        double value;
        double price;
        final Map<String, Double> offloadBy = new LinkedHashMap<>();
        final Map<String, Double> inBy = new LinkedHashMap<>();
        final Map<String, Double> outBy = new LinkedHashMap<>();
        final List<Meeting> meetings = new ArrayList<>();
        /** Plan IXP name -> the candidate's ports there. */
        final Map<String, List<Membership>> at = new LinkedHashMap<>();
        /** Shared facilities: with our PoPs, and with each plan IXP. */
        final List<Facility> popFacilities = new ArrayList<>();
        final Map<String, List<Facility>> ixpFacilities = new LinkedHashMap<>();
        boolean eligible;
        double volume;
        String reason = "";
        String bestOption = "none";
        double bestCost = Double.POSITIVE_INFINITY;

        Cand(long asn) {
            this.asn = asn;
            this.net = reg.network(asn).orElse(null);
            this.policy = net == null || net.policyGeneral() == null || net.policyGeneral().isBlank() ? "unknown"
                    : net.policyGeneral().toLowerCase(Locale.ROOT);
        }

        String name() {
            return net != null && net.name() != null ? net.name() : "AS" + asn;
        }

        boolean rsPath(String ixp) {
            Plan.Ixp x = ixpByName.get(ixp);
            if (x == null || !x.routeServer()) return false;
            if (net != null && Boolean.TRUE.equals(net.neverViaRouteServers())) return false;
            return at.getOrDefault(ixp, List.of()).stream().anyMatch(m -> Boolean.TRUE.equals(m.routeServerPeer()));
        }
    }

    private final Map<String, Plan.Ixp> ixpByName = new LinkedHashMap<>();
    /** Facility ids of each resolved plan exchange. */
    private final Map<String, Set<Long>> ixpFacilityIds = new HashMap<>();

    private boolean isTransit(Key k) {
        return providers.containsKey(k.nextAs());
    }

    private PlanResult analyse() {
        for (Plan.Ixp x : plan.ixps()) ixpByName.put(x.name(), x);
        progress.step("transit bills");
        List<ProviderBills> billsNow = new ArrayList<>();
        Map<Long, Map<Family, double[][]>> providerSeries = new LinkedHashMap<>();
        for (Plan.Transit t : plan.transit()) {
            List<Key> keys = traffic.keysOfNext(t.asn());
            if (keys.isEmpty()) {
                warnings.add(t.name() + " (AS" + t.asn() + "): no traffic has it as next hop; its bill is the commit"
                        + " alone");
            }
            Map<Family, double[][]> series = new EnumMap<>(Family.class);
            for (Family f : FAMILIES) {
                series.put(f, new double[][] {traffic.sum(keys, TrafficData.of(f, TrafficData.IN)),
                        traffic.sum(keys, TrafficData.of(f, TrafficData.OUT))});
            }
            providerSeries.put(t.asn(), series);
        }

        progress.step("candidate peers");
        Map<Long, Cand> cands = candidates();
        List<Cand> ranked = new ArrayList<>(cands.values());

        progress.step("options per candidate and place");
        List<Option> options = new ArrayList<>();
        for (Cand c : ranked) options.addAll(options(c));
        ranked.sort(BY_NET_SAVING);

        progress.step("choosing exchanges (facility location)");
        Model model = model(ranked);
        Solution sol = FacilityLocation.solve(model.instance, plan.settings().exactLimit(), progress::percent);
        progress.note(sol.method());

        progress.step("transit bills after offloading");
        Set<Long> offloaded = new HashSet<>();
        Map<Long, String> peeredAt = new HashMap<>();
        for (int i = 0; i < model.clients.size(); i++) {
            if (sol.servedBy()[i] >= 0) {
                Cand c = model.clients.get(i);
                offloaded.addAll(c.origins);
                peeredAt.put(c.asn, model.instance.siteNames().get(sol.servedBy()[i]));
            }
        }
        List<ProviderBills> transit = new ArrayList<>();
        double now = 0;
        double after = 0;
        double[][] totalNow = {new double[traffic.samples()], new double[traffic.samples()]};
        double[][] totalAfter = {new double[traffic.samples()], new double[traffic.samples()]};
        for (Plan.Transit t : plan.transit()) {
            Map<String, TransitBill> before = new LinkedHashMap<>();
            Map<String, TransitBill> later = new LinkedHashMap<>();
            List<Key> off = new ArrayList<>();
            for (Key k : traffic.keysOfNext(t.asn())) {
                if (offloaded.contains(k.originAs())) off.add(k);
            }
            for (Family f : FAMILIES) {
                double[][] s = providerSeries.get(t.asn()).get(f);
                double[] offIn = traffic.sum(off, TrafficData.of(f, TrafficData.IN));
                double[] offOut = traffic.sum(off, TrafficData.of(f, TrafficData.OUT));
                before.put(f.label(), TransitBilling.bill(t, s[0], s[1]));
                later.put(f.label(), TransitBilling.afterOffload(t, s[0], s[1], offIn, offOut));
                if (f == Family.ALL) {
                    double[] ri = TransitBilling.minus(s[0], offIn);
                    double[] ro = TransitBilling.minus(s[1], offOut);
                    for (int i = 0; i < traffic.samples(); i++) {
                        totalNow[0][i] += s[0][i];
                        totalNow[1][i] += s[1][i];
                        totalAfter[0][i] += ri[i];
                        totalAfter[1][i] += ro[i];
                    }
                }
            }
            now += before.get("all").amount();
            after += later.get("all").amount();
            transit.add(new ProviderBills(t.name(), t.asn(), label(t.measure()), t.pricePerMbps(), t.commitMbps(),
                    t.burstPricePerMbps(), before, later,
                    before.get("all").billedMbps() - later.get("all").billedMbps()));
        }

        Selection selection = selection(model, sol);
        for (ProviderBills b : transit) {
            TransitBill a = b.after().get("all");
            Plan.Transit t = providers.get(b.asn());
            if (a.billedMbps() < t.commitMbps()) {
                double renewed = TransitBilling.amount(new Plan.Transit(t.name(), t.asn(), t.pricePerMbps(),
                        a.billedMbps(), t.burstPricePerMbps(), t.fixedMonthly(), t.measure(), t.line()),
                        a.billedMbps());
                selection.steps().add(String.format(Locale.ROOT, "After the plan %s bills %,.0f Mbps, below its "
                                + "%,.0f Mbps commit: the bill stays %,.0f; a commit of %,.0f Mbps at renewal would "
                                + "save %,.0f a month more.", b.name(), a.billedMbps(), t.commitMbps(), a.amount(),
                        a.billedMbps(), a.amount() - renewed));
            }
        }
        double peeringCost = selection.sites().stream().filter(Site::open).mapToDouble(s -> s.fixedMonthly()
                + s.extraPortMonthly() + s.sessionsMonthly() + s.perMbpsMonthly()).sum();

        progress.step("bit-miles");
        List<BitMileBalance> bitMiles = bitMiles(model, sol);

        // With customer cones the model credited each origin to one candidate and measured the others again: the
        // list is ranked on what each is left with.
        if (cones != CustomerCones.ORIGIN_ONLY) ranked.sort(BY_NET_SAVING);
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (Cand c : ranked) {
            if (c.offload <= 0 && c.at.isEmpty()) continue;
            int[] pf = prefixes.get(c.asn);
            candidates.add(new Candidate(++rank, c.asn, c.name(), c.policy, c.eligible, c.reason, c.origins.size(),
                    c.offloadBy, c.inBy, c.outBy, c.value, c.price, c.meetings, sharedNames(c), c.bestOption,
                    Double.isInfinite(c.bestCost) ? 0 : c.bestCost,
                    Double.isInfinite(c.bestCost) ? 0 : c.value - c.bestCost, peeredAt.containsKey(c.asn),
                    peeredAt.get(c.asn), pf == null ? null : (double) pf[0], pf == null ? null : (double) pf[1]));
        }

        Map<String, Double> totIn = new LinkedHashMap<>();
        Map<String, Double> totOut = new LinkedHashMap<>();
        for (Family f : FAMILIES) {
            totIn.put(f.label(), Percentile.p95(traffic.sum(TrafficData.of(f, TrafficData.IN))));
            totOut.put(f.label(), Percentile.p95(traffic.sum(TrafficData.of(f, TrafficData.OUT))));
        }
        double served = 0;
        for (int i = 0; i < model.clients.size(); i++) {
            if (sol.servedBy()[i] >= 0) served += model.instance.transit()[i];
        }
        double linear = now - served + selection.sites().stream().filter(Site::open)
                .mapToDouble(s -> s.fixedMonthly() + s.sessionsMonthly() + s.perMbpsMonthly()).sum();
        Summary summary = new Summary(plan.asn(), plan.name(), plan.currency(),
                Instant.ofEpochMilli(traffic.firstBucketMillis()).toString(), traffic.samples(),
                traffic.samples() * 300.0 / 86400, traffic.flows(), now, after, peeringCost, after + peeringCost,
                now - after - peeringCost, linear, totIn, totOut, averagePrice(transit), cones.description(),
                model.clients.size(), peeredAt.size(), plan.settings().topCandidates());
        assumptions(summary, transit);
        List<double[]> chart = List.of(downsample(totalNow[0]), downsample(totalNow[1]), downsample(totalAfter[0]),
                downsample(totalAfter[1]));
        progress.done();
        return new PlanResult(summary, transit, candidates, options, costCurves(transit), selection, bitMiles,
                chart, assumptions, warnings);
    }

    // ---- candidates ----

    private Map<Long, Cand> candidates() {
        // Origins with traffic over transit.
        Set<Long> transitOrigins = new HashSet<>();
        for (var e : traffic.series().entrySet()) {
            Key k = e.getKey();
            if (isTransit(k) && k.originAs() > 0 && k.originAs() != plan.asn()) transitOrigins.add(k.originAs());
        }
        Set<Long> asns = new HashSet<>(transitOrigins);
        if (cones != CustomerCones.ORIGIN_ONLY) {
            // Networks at the plan's exchanges may carry traffic to their customers.
            for (Exchange x : reg.resolved.values()) {
                reg.ports.forEach((asn, ps) -> {
                    if (ps.stream().anyMatch(p -> p.exchangeId() == x.id())) asns.add(asn);
                });
            }
        }
        asns.remove(plan.asn());
        Set<Long> ourFacilities = new HashSet<>();
        for (Plan.Pop p : plan.pops()) ourFacilities.addAll(p.facilities());
        // Networks that cannot be met anywhere in the plan are measured (and listed as not eligible) only when
        // they are among the largest by volume: a full table has tens of thousands of origins.
        Map<Long, Cand> out = new TreeMap<>();
        List<Cand> unmet = new ArrayList<>();
        for (long asn : asns) {
            Cand c = new Cand(asn);
            for (long o : cones.cone(asn)) {
                if (transitOrigins.contains(o)) c.origins.add(o);
            }
            meetings(c, ourFacilities);
            if (c.at.isEmpty() && c.popFacilities.isEmpty() && c.ixpFacilities.isEmpty()) {
                for (long o : c.origins) {
                    for (Key k : traffic.keysOfOrigin(o)) {
                        if (isTransit(k)) c.volume += traffic.series().get(k).totalMbpsSamples();
                    }
                }
                unmet.add(c);
                continue;
            }
            assess(c, out);
        }
        unmet.sort(Comparator.comparingDouble((Cand c) -> -c.volume).thenComparingLong(c -> c.asn));
        for (Cand c : unmet.subList(0, Math.min(UNMET_LISTED, unmet.size()))) assess(c, out);
        return out;
    }

    /** Candidates that cannot be met anywhere in the plan, listed (largest by volume) for the record. */
    static final int UNMET_LISTED = 200;

    private void assess(Cand c, Map<Long, Cand> out) {
        measure(c, c.origins);
        if (c.offload <= 0 && c.at.isEmpty()) return;
        if (providers.containsKey(c.asn)) {
            c.reason = "one of our transit providers";
        } else if (!plan.settings().policies().contains(c.policy)) {
            c.reason = "peering policy '" + c.policy + "' (settings.policies: "
                    + String.join(", ", plan.settings().policies()) + ")";
        } else if (c.offload <= 0) {
            c.reason = "no traffic over transit";
        } else if (c.at.isEmpty() && c.popFacilities.isEmpty() && c.ixpFacilities.isEmpty()) {
            c.reason = "not at any of the plan's exchanges or facilities";
        } else {
            c.eligible = true;
        }
        out.put(c.asn, c);
    }

    private void meetings(Cand c, Set<Long> ourFacilities) {
        for (Plan.Ixp x : plan.ixps()) {
            Exchange e = reg.resolved.get(x.name());
            if (e == null) continue;
            List<Membership> ports = reg.portsOf(c.asn).stream().filter(m -> m.exchangeId() == e.id()).toList();
            if (!ports.isEmpty()) {
                c.at.put(x.name(), ports);
            }
            Set<Long> ixFacs = ixpFacilityIds.computeIfAbsent(x.name(), k -> {
                Set<Long> ids = new HashSet<>();
                for (Facility f : reg.facilitiesOfExchange(e.id())) ids.add(f.id());
                return ids;
            });
            List<Facility> shared = reg.facilitiesOf(c.asn).stream().filter(f -> ixFacs.contains(f.id())).toList();
            if (!shared.isEmpty()) c.ixpFacilities.put(x.name(), shared);
        }
        for (var e : c.at.entrySet()) {
            List<Membership> ports = e.getValue();
            long speed = ports.stream().mapToLong(m -> m.speedMbps() == null ? 0 : m.speedMbps()).sum();
            boolean rs = ports.stream().anyMatch(m -> Boolean.TRUE.equals(m.routeServerPeer()));
            boolean remote = ports.stream().anyMatch(Membership::isFractional);
            c.meetings.add(new Meeting(e.getKey(), speed, rs, c.rsPath(e.getKey()), remote));
        }
        for (Facility f : reg.facilitiesOf(c.asn)) {
            if (ourFacilities.contains(f.id())) c.popFacilities.add(f);
        }
    }

    /** Offloadable series of a set of origins: P95 per family and direction; value at each provider's price. */
    private void measure(Cand c, Set<Long> origins) {
        List<Key> keys = new ArrayList<>();
        for (long o : origins) {
            for (Key k : traffic.keysOfOrigin(o)) {
                if (isTransit(k)) keys.add(k);
            }
        }
        for (Family f : FAMILIES) {
            double in = Percentile.p95(traffic.sum(keys, TrafficData.of(f, TrafficData.IN)));
            double out = Percentile.p95(traffic.sum(keys, TrafficData.of(f, TrafficData.OUT)));
            c.inBy.put(f.label(), in);
            c.outBy.put(f.label(), out);
            c.offloadBy.put(f.label(), Math.max(in, out));
        }
        c.offload = c.offloadBy.get("all");
        double value = 0;
        for (Plan.Transit t : plan.transit()) {
            List<Key> via = keys.stream().filter(k -> k.nextAs() == t.asn()).toList();
            if (via.isEmpty()) continue;
            double billed = TransitBilling.billedMbps(t.measure(), traffic.sum(via, TrafficData.of(Family.ALL,
                    TrafficData.IN)), traffic.sum(via, TrafficData.of(Family.ALL, TrafficData.OUT)));
            value += billed * marginalPrice(t);
        }
        c.value = value;
        c.price = c.offload > 0 ? value / c.offload : 0;
    }

    /** The price of one Mbps more or less over a provider: its price (the burst price when one is set). */
    static double marginalPrice(Plan.Transit t) {
        return t.burstPricePerMbps() != null ? t.burstPricePerMbps() : t.pricePerMbps();
    }

    // ---- options ----

    private double cap(double offload, double portMbps) {
        return Math.min(offload, portMbps * plan.settings().portUtilisation());
    }

    private List<Option> options(Cand c) {
        List<Option> out = new ArrayList<>();
        double p = c.price > 0 ? c.price : averageListPrice();
        double o = c.offload;
        for (var e : c.at.entrySet()) {
            Plan.Ixp x = ixpByName.get(e.getKey());
            double fd = x.fixedMonthly();
            double oc = cap(o, x.portMbps());
            String capNote = oc < o ? String.format(Locale.ROOT, "capped at %.0f%% of the %.0f Mbps port", 100
                    * plan.settings().portUtilisation(), x.portMbps()) : "";
            out.add(option(c, x.name(), OptionKind.PUBLIC, oc, fd + x.sessionMonthly(), x.sessionMonthly(), p, null,
                    join(capNote, x.member() ? "we are already there" : "")));
            if (c.rsPath(x.name())) {
                out.add(option(c, x.name(), OptionKind.ROUTE_SERVER, oc, fd, 0, p, null,
                        join(capNote, "both on the route servers: no bilateral session")));
            }
            for (Plan.RemoteOffer r : plan.remote()) {
                if (!r.ixps().contains(x.name())) continue;
                double session = c.rsPath(x.name()) ? 0 : x.sessionMonthly();
                double orr = cap(o, r.portMbps());
                double fr = r.monthly() + session;
                double perMbps = r.perMbps() * orr;
                Option opt = new Option(c.asn, c.name(), x.name() + " via " + r.reseller(), OptionKind.REMOTE, orr,
                        fr + perMbps, session + perMbps, PeeringEconomics.remoteBreakEvenMbps(fr, r.perMbps(), p),
                        PeeringEconomics.remoteBreakEvenMbps(session, r.perMbps(), p),
                        PeeringEconomics.savings(orr, fr + perMbps, p),
                        PeeringEconomics.savings(orr, session + perMbps, p),
                        PeeringEconomics.remoteBeatsDirectBelowMbps(fd + x.sessionMonthly(), fr, r.perMbps()),
                        join(orr < o ? String.format(Locale.ROOT, "capped at %.0f%% of the reseller's %.0f Mbps "
                                + "port", 100 * plan.settings().portUtilisation(), r.portMbps()) : "",
                                PeeringEconomics.remoteWins(orr, fd + x.sessionMonthly(), fr, r.perMbps(), p)
                                        ? "remote is cheaper than direct and transit at this traffic" : ""));
                out.add(opt);
                consider(c, opt);
            }
        }
        double pni = plan.pni().monthly();
        for (Facility f : c.popFacilities) {
            out.add(option(c, "PNI at " + f.name(), OptionKind.PRIVATE, cap(o, plan.pni().portMbps()), pni, pni, p,
                    null, "a facility of one of our PoPs"));
        }
        Set<Long> pniListed = new HashSet<>();
        for (Facility f : c.popFacilities) pniListed.add(f.id());
        for (var e : c.ixpFacilities.entrySet()) {
            Plan.Ixp x = ixpByName.get(e.getKey());
            for (Facility f : e.getValue()) {
                if (!pniListed.add(f.id())) continue; // one row per facility (the first exchange that has it)
                out.add(option(c, "PNI at " + f.name() + " (" + x.name() + ")", OptionKind.PRIVATE,
                        cap(o, plan.pni().portMbps()), pni + x.colocationMonthly() + x.transportMonthly(), pni, p,
                        null, "alone it needs colocation and transport to " + x.name()));
            }
        }
        return out;
    }

    private Option option(Cand c, String place, OptionKind kind, double o, double standalone, double incremental,
                          double p, Double remoteBelow, String note) {
        Option opt = new Option(c.asn, c.name(), place, kind, o, standalone, incremental,
                PeeringEconomics.breakEvenMbps(standalone, p), PeeringEconomics.breakEvenMbps(incremental, p),
                PeeringEconomics.savings(o, standalone, p), PeeringEconomics.savings(o, incremental, p), remoteBelow,
                note);
        consider(c, opt);
        return opt;
    }

    private void consider(Cand c, Option opt) {
        // With a port cap the traffic above it stays on transit: its value counts as a cost of this option.
        double cost = opt.standaloneMonthly() + c.price * Math.max(0, c.offload - opt.offloadMbps());
        if (cost < c.bestCost) {
            c.bestCost = cost;
            c.bestOption = opt.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + opt.place();
        }
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + "; " + b;
    }

    // ---- the facility-location model ----

    private record SiteInfo(String name, String kind, Plan.Ixp ixp, Plan.RemoteOffer offer) {
    }

    private record Model(Instance instance, List<Cand> clients, List<SiteInfo> sites) {
    }

    private Model model(List<Cand> ranked) {
        List<Cand> clients = new ArrayList<>();
        // Each origin is credited to one client only: the highest-ranked eligible candidate covering it.
        Set<Long> claimed = new HashSet<>();
        for (Cand c : ranked) {
            if (!c.eligible || Double.isInfinite(c.bestCost)) continue;
            if (cones != CustomerCones.ORIGIN_ONLY) {
                Set<Long> mine = new HashSet<>(c.origins);
                mine.removeAll(claimed);
                if (mine.size() != c.origins.size()) {
                    c.origins.retainAll(mine);
                    measure(c, c.origins);
                }
                if (c.offload <= 0) continue;
            }
            claimed.addAll(c.origins);
            clients.add(c);
        }
        List<SiteInfo> sites = new ArrayList<>();
        boolean anyPop = clients.stream().anyMatch(c -> !c.popFacilities.isEmpty());
        if (anyPop) sites.add(new SiteInfo("private interconnects at our PoPs", "pni", null, null));
        List<Integer> groups = new ArrayList<>();
        List<Boolean> forced = new ArrayList<>();
        if (anyPop) {
            groups.add(-1);
            forced.add(true);
        }
        int g = 0;
        for (Plan.Ixp x : plan.ixps()) {
            if (!reg.resolved.containsKey(x.name())) continue;
            sites.add(new SiteInfo(x.name(), "direct", x, null));
            groups.add(g);
            forced.add(x.member());
            for (Plan.RemoteOffer r : plan.remote()) {
                if (r.ixps().contains(x.name()) && !x.member()) {
                    sites.add(new SiteInfo(x.name() + " via " + r.reseller(), "remote", x, r));
                    groups.add(g);
                    forced.add(false);
                }
            }
            g++;
        }
        int m = sites.size();
        double[] fixed = new double[m];
        for (int j = 0; j < m; j++) {
            SiteInfo s = sites.get(j);
            fixed[j] = switch (s.kind) {
                case "direct" -> s.ixp.fixedMonthly();
                case "remote" -> s.offer.monthly();
                default -> 0;
            };
        }
        double[] transit = new double[clients.size()];
        double[][] assign = new double[clients.size()][m];
        double pni = plan.pni().monthly();
        for (int i = 0; i < clients.size(); i++) {
            Cand c = clients.get(i);
            transit[i] = c.value;
            for (int j = 0; j < m; j++) {
                SiteInfo s = sites.get(j);
                double a = Double.POSITIVE_INFINITY;
                double offCap;
                switch (s.kind) {
                    case "pni" -> {
                        if (!c.popFacilities.isEmpty()) {
                            offCap = cap(c.offload, plan.pni().portMbps());
                            a = pni + (c.offload - offCap) * c.price;
                        }
                    }
                    case "direct" -> {
                        offCap = cap(c.offload, s.ixp.portMbps());
                        double left = (c.offload - offCap) * c.price;
                        if (c.at.containsKey(s.ixp.name())) {
                            a = (c.rsPath(s.ixp.name()) ? 0 : s.ixp.sessionMonthly()) + left;
                        }
                        if (c.ixpFacilities.containsKey(s.ixp.name())) {
                            double pc = cap(c.offload, plan.pni().portMbps());
                            a = Math.min(a, pni + (c.offload - pc) * c.price);
                        }
                    }
                    default -> {
                        if (c.at.containsKey(s.ixp.name())) {
                            offCap = cap(c.offload, s.offer.portMbps());
                            a = (c.rsPath(s.ixp.name()) ? 0 : s.ixp.sessionMonthly()) + s.offer.perMbps() * offCap
                                    + (c.offload - offCap) * c.price;
                        }
                    }
                }
                assign[i][j] = a;
            }
        }
        boolean[] f = new boolean[m];
        int[] gr = new int[m];
        for (int j = 0; j < m; j++) {
            f[j] = forced.get(j);
            gr[j] = groups.get(j);
        }
        Instance in = new Instance(sites.stream().map(SiteInfo::name).toList(), fixed, gr, f,
                clients.stream().map(c -> "AS" + c.asn).toList(), transit, assign);
        return new Model(in, clients, sites);
    }

    private Selection selection(Model model, Solution sol) {
        List<Site> sites = new ArrayList<>();
        Instance in = model.instance;
        for (int j = 0; j < in.sites(); j++) {
            SiteInfo s = model.sites.get(j);
            List<Long> peers = new ArrayList<>();
            List<Key> keys = new ArrayList<>();
            double sessions = 0;
            double perMbps = 0;
            double extra = 0;
            int ports = 0;
            for (int i = 0; i < in.clients(); i++) {
                if (sol.servedBy()[i] != j) continue;
                Cand c = model.clients.get(i);
                peers.add(c.asn);
                for (long o : c.origins) {
                    for (Key k : traffic.keysOfOrigin(o)) {
                        if (isTransit(k)) keys.add(k);
                    }
                }
                if (s.kind.equals("remote")) {
                    double oc = cap(c.offload, s.offer.portMbps());
                    perMbps += s.offer.perMbps() * oc;
                    sessions += c.rsPath(s.ixp.name()) ? 0 : s.ixp.sessionMonthly();
                } else if (s.kind.equals("pni")) {
                    int n = (int) Math.ceil(c.offload / (plan.pni().portMbps() * plan.settings().portUtilisation()));
                    sessions += plan.pni().monthly() * Math.max(1, n);
                    ports += Math.max(1, n);
                } else {
                    sessions += in.assign()[i][j] - Math.max(0, c.offload - cap(c.offload, s.ixp.portMbps()))
                            * c.price;
                }
            }
            Map<String, Double> byFamily = new LinkedHashMap<>();
            for (Family f : FAMILIES) {
                byFamily.put(f.label(), Math.max(Percentile.p95(traffic.sum(keys, TrafficData.of(f, TrafficData.IN))),
                        Percentile.p95(traffic.sum(keys, TrafficData.of(f, TrafficData.OUT)))));
            }
            double load = byFamily.get("all");
            double port = switch (s.kind) {
                case "direct" -> s.ixp.portMbps();
                case "remote" -> s.offer.portMbps();
                default -> plan.pni().portMbps();
            };
            if (!s.kind.equals("pni")) {
                ports = sol.open()[j] ? Math.max(1, (int) Math.ceil(load / (port * plan.settings().portUtilisation())))
                        : 0;
                if (s.kind.equals("direct") && ports > 1) {
                    extra = (ports - 1) * (s.ixp.portMbps() > 0 ? s.ixp.portMonthly() + s.ixp.crossConnectMonthly()
                            : 0);
                }
            }
            sites.add(new Site(s.name, s.kind, s.ixp == null ? null : s.ixp.name(), in.fixed()[j], sol.open()[j],
                    in.forced()[j], peers, load, byFamily, port, ports, extra, sessions, perMbps));
        }
        List<String> steps = new ArrayList<>();
        for (Solution.Step st : sol.steps()) steps.add(st.text());
        for (Site s : sites) {
            if (s.open() && s.portsNeeded() > 1 && s.kind().equals("direct")) {
                steps.add(String.format(Locale.ROOT, "%s carries %.0f Mbps at P95: %d ports of %.0f Mbps at %.0f%% "
                                + "utilisation, %,.0f a month more than one port (ports and cross-connects).",
                        s.name(), s.loadMbps(), s.portsNeeded(), s.portMbps(), 100 * plan.settings().portUtilisation(),
                        s.extraPortMonthly()));
            }
        }
        double transitOnly = 0;
        for (double t : in.transit()) transitOnly += t;
        return new Selection(sol.method(), sol.optimal(), sol.nodes(), transitOnly, sol.cost(), sites, steps);
    }

    // ---- bit-miles ----

    private List<BitMileBalance> bitMiles(Model model, Solution sol) {
        List<BitMiles.Place> ours = new ArrayList<>();
        for (Plan.Pop p : plan.pops()) {
            if (p.share() > 0) ours.add(new BitMiles.Place(new GeoPoint(p.latitude(), p.longitude()), p.share()));
        }
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < model.clients.size(); i++) {
            if (sol.servedBy()[i] >= 0) served.add(i);
        }
        served.sort(Comparator.comparingDouble(i -> -model.clients.get(i).offload));
        List<BitMileBalance> out = new ArrayList<>();
        for (int i : served.subList(0, Math.min(plan.settings().topCandidates(), served.size()))) {
            Cand c = model.clients.get(i);
            Map<String, GeoPoint> points = new LinkedHashMap<>();
            Map<String, GeoPoint> alternatives = new LinkedHashMap<>();
            for (int j = 0; j < model.sites.size(); j++) {
                SiteInfo s = model.sites.get(j);
                if (s.kind.equals("pni")) {
                    for (Facility f : c.popFacilities) {
                        f.location().ifPresent(g -> (sol.open()[0] ? points : alternatives)
                                .put("PNI at " + f.name(), g));
                    }
                    continue;
                }
                if (!c.at.containsKey(s.ixp.name()) && !c.ixpFacilities.containsKey(s.ixp.name())) continue;
                Optional<GeoPoint> g = reg.exchangeLocation(reg.resolved.get(s.ixp.name()).id());
                if (g.isEmpty()) continue;
                (sol.open()[j] ? points : alternatives).putIfAbsent(s.ixp.name(), g.get());
            }
            // The peer's own facilities near our PoPs: where a new private interconnect could go.
            for (Plan.Pop p : plan.pops()) {
                GeoPoint pop = new GeoPoint(p.latitude(), p.longitude());
                reg.facilitiesOf(c.asn).stream().filter(f -> f.location().isPresent())
                        .min(Comparator.comparingDouble(f -> f.location().get().distanceKm(pop)))
                        .filter(f -> f.location().get().distanceKm(pop) <= NEAR_POP_KM)
                        .ifPresent(f -> alternatives.putIfAbsent(String.format(Locale.ROOT, "PNI at %s (%.0f km from "
                                + "PoP %s)", f.name(), f.location().get().distanceKm(pop), p.name()),
                                f.location().get()));
            }
            alternatives.keySet().removeAll(points.keySet());
            alternatives.values().removeIf(points::containsValue);
            List<BitMiles.Place> theirs = new ArrayList<>();
            String locations;
            List<GeoPoint> facs = reg.facilitiesOf(c.asn).stream().flatMap(f -> f.location().stream()).toList();
            if (!facs.isEmpty()) {
                for (GeoPoint g : facs) theirs.add(new BitMiles.Place(g, 1.0 / facs.size()));
                locations = facs.size() + " facilities of the peer (PeeringDB netfac), equal weight";
            } else {
                List<GeoPoint> xs = new ArrayList<>();
                for (Membership m : reg.portsOf(c.asn)) reg.exchangeLocation(m.exchangeId()).ifPresent(xs::add);
                for (GeoPoint g : xs) theirs.add(new BitMiles.Place(g, 1.0 / xs.size()));
                locations = xs.size() + " exchanges the peer is on (no facilities listed), equal weight";
            }
            if (points.isEmpty() || theirs.isEmpty() || ours.isEmpty()) continue;
            Map<String, Balance> hot = new LinkedHashMap<>();
            List<GeoPoint> ic = new ArrayList<>(points.values());
            for (Family f : FAMILIES) {
                double outMbps = mean(c.origins, f, TrafficData.OUT);
                double inMbps = mean(c.origins, f, TrafficData.IN);
                BitMiles.Carried k = BitMiles.carried(ours, theirs, ic, outMbps, inMbps, BitMiles.Routing.HOT);
                hot.put(f.label(), new Balance(outMbps, inMbps, k.us(), k.peer(), k.ratio()));
            }
            Balance all = hot.get("all");
            String verdict;
            List<Remedy> remedies = new ArrayList<>();
            double r = all.ratio();
            if (r <= BALANCED_RATIO && r >= 1 / BALANCED_RATIO) {
                verdict = String.format(Locale.ROOT, "balanced (we carry %.2f times what the peer carries)", r);
            } else {
                boolean weCarry = r > BALANCED_RATIO;
                verdict = weCarry ? String.format(Locale.ROOT, "we carry %.2f times the peer's bit-miles", r)
                        : String.format(Locale.ROOT, "the peer carries %.2f times our bit-miles", 1 / r);
                BitMiles.Carried cold = null;
                if (ic.size() > 1) {
                    cold = BitMiles.carried(ours, theirs, ic, all.outMbps(), all.inMbps(),
                            weCarry ? BitMiles.Routing.PEER_COLD : BitMiles.Routing.US_COLD);
                }
                if (cold != null && Math.abs(Math.log(cold.ratio())) < Math.abs(Math.log(r)) - 1e-9) {
                    remedies.add(new Remedy(weCarry ? "cold potato: the peer honours our MEDs (carries its traffic "
                            + "to the interconnect nearest our PoP)" : "cold potato: we honour the peer's MEDs",
                            cold.ratio(), cold.us(), cold.peer()));
                }
                double excess = Math.abs(all.bitMilesUs() - all.bitMilesPeer()) / 2;
                double total = all.bitMilesUs() + all.bitMilesPeer();
                remedies.add(new Remedy(String.format(Locale.ROOT, "settlement: %s for %.0f%% of the "
                                + "bit-miles (half the imbalance)%s",
                        weCarry ? "the peer compensates" : "we compensate",
                        100 * excess / total,
                        ic.size() == 1 ? "; with one interconnect cold potato changes nothing" : ""), 1,
                        all.bitMilesUs(), all.bitMilesPeer()));
                for (var e : alternatives.entrySet()) {
                    List<GeoPoint> more = new ArrayList<>(ic);
                    more.add(e.getValue());
                    BitMiles.Carried k = BitMiles.carried(ours, theirs, more, all.outMbps(), all.inMbps(),
                            BitMiles.Routing.HOT);
                    if (Math.abs(Math.log(k.ratio())) < Math.abs(Math.log(r)) - 1e-9) {
                        remedies.add(new Remedy("another interconnection point: " + e.getKey(), k.ratio(), k.us(),
                                k.peer()));
                    }
                }
                remedies.sort(Comparator.comparing((Remedy x) -> x.remedy().startsWith("settlement"))
                        .thenComparingDouble(x -> Math.abs(Math.log(x.ratio()))));
            }
            out.add(new BitMileBalance(c.asn, c.name(), new ArrayList<>(points.keySet()), hot, verdict, remedies,
                    locations));
        }
        return out;
    }

    private double mean(Set<Long> origins, Family f, int direction) {
        double total = 0;
        for (long o : origins) {
            for (Key k : traffic.keysOfOrigin(o)) {
                if (isTransit(k) && k.direction() == direction && f.includes(k.ipVersion())) {
                    total += traffic.series().get(k).totalMbpsSamples();
                }
            }
        }
        return traffic.samples() == 0 ? 0 : total / traffic.samples();
    }

    // ---- charts, assumptions ----

    private List<CostCurve> costCurves(List<ProviderBills> transit) {
        double p = averagePrice(transit);
        List<CostCurve> out = new ArrayList<>();
        double pni = plan.pni().monthly();
        for (Plan.Ixp x : plan.ixps()) {
            Plan.RemoteOffer best = null;
            for (Plan.RemoteOffer r : plan.remote()) {
                if (r.ixps().contains(x.name()) && (best == null || r.monthly() < best.monthly())) best = r;
            }
            double fd = x.fixedMonthly();
            out.add(new CostCurve(x.name(), p, fd, best == null ? null : best.reseller(),
                    best == null ? null : best.monthly(), best == null ? null : best.perMbps(), pni,
                    PeeringEconomics.breakEvenMbps(fd, p),
                    best == null ? null : PeeringEconomics.remoteBreakEvenMbps(best.monthly(), best.perMbps(), p),
                    best == null ? null : PeeringEconomics.remoteBeatsDirectBelowMbps(fd, best.monthly(),
                            best.perMbps()), PeeringEconomics.breakEvenMbps(pni, p)));
        }
        return out;
    }

    /** Transit price per Mbps weighted by each provider's billed traffic (the plain mean when none has any). */
    private double averagePrice(List<ProviderBills> transit) {
        double w = 0;
        double s = 0;
        for (ProviderBills b : transit) {
            Plan.Transit t = providers.get(b.asn());
            w += b.now().get("all").billedMbps();
            s += b.now().get("all").billedMbps() * marginalPrice(t);
        }
        return w > 0 ? s / w : averageListPrice();
    }

    private double averageListPrice() {
        return plan.transit().stream().mapToDouble(PlanAnalysis::marginalPrice).average().orElse(0);
    }

    private List<String> sharedNames(Cand c) {
        List<String> out = new ArrayList<>();
        for (Facility f : c.popFacilities) out.add(f.name() + " (our PoP)");
        c.ixpFacilities.forEach((x, fs) -> fs.forEach(f -> out.add(f.name() + " (" + x + ")")));
        return out;
    }

    private static String label(Plan.Measure m) {
        return m == Plan.Measure.MAX_OF_P95 ? "max(P95 in, P95 out)" : "P95 of max(in, out)";
    }

    private static double[] downsample(double[] s) {
        int n = s.length;
        int step = Math.max(1, (n + 719) / 720);
        double[] out = new double[(n + step - 1) / step];
        for (int i = 0; i < n; i++) out[i / step] = Math.max(out[i / step], s[i]);
        return out;
    }

    private void add(String name, String value, String source) {
        assumptions.add(new Assumption(name, value, source));
    }

    private void assumptions(Summary s, List<ProviderBills> transit) {
        String file = plan.file().toString();
        add("Our network", "AS" + plan.asn() + " (" + plan.name() + ")", file + ": asn, name");
        add("Traffic", String.format(Locale.ROOT, "%,d flows, %d samples of 5 minutes (%.1f days) from %s",
                s.flows(), s.samples(), s.days(), s.periodStart()),
                plan.inputs().traffic() + "/flows (inputs.traffic)");
        add("95th percentile", "the n samples sorted, the top floor(n/20) dropped, the highest remaining (0-based rank "
                + "n - floor(n/20) - 1); empty samples count as 0; " + Percentile.rank(s.samples()) + " of "
                + s.samples() + " here", "peering-economics.md; docs/traffic.md");
        add("Registry", reg.description, "inputs.registry");
        reg.resolved.forEach((name, e) -> add("Exchange " + name, "registry id " + e.id() + " (" + e.name() + ", "
                + e.city() + ")", file + ": ixps"));
        plan.inputs().routingTable().ifPresent(r -> add("Routing table", r + ": prefixes per origin ("
                + prefixes.size() + " origins)", "inputs.routing_table"));
        add("Crediting", cones.description(), plan.inputs().customerCones().map(p -> "inputs.customer_cones: " + p)
                .orElse("default (no inputs.customer_cones)"));
        for (Plan.Transit t : plan.transit()) {
            add("Transit " + t.name(), String.format(Locale.ROOT, "AS%d, %s %s/Mbps, commit %.0f Mbps%s%s, billed on "
                            + "%s", t.asn(), fmt(t.pricePerMbps()), plan.currency(), t.commitMbps(),
                    t.burstPricePerMbps() == null ? "" : ", burst " + fmt(t.burstPricePerMbps()) + "/Mbps",
                    t.fixedMonthly() > 0 ? ", fixed " + fmt(t.fixedMonthly()) : "", label(t.measure())),
                    file + ":" + t.line() + " (transit)");
        }
        add("Transit price for break-even", fmt(s.transitPrice()) + " " + plan.currency() + "/Mbps: each provider's "
                + "marginal price (burst price if set, else price) weighted by its billed Mbps", "transit");
        for (Plan.Ixp x : plan.ixps()) {
            add("Exchange " + x.name() + " costs", String.format(Locale.ROOT, "F_d = port %s + colocation %s + "
                            + "cross-connect %s + transport %s + equipment %s = %s a month; session %s; "
                            + "port %.0f Mbps%s%s",
                    fmt(x.portMonthly()), fmt(x.colocationMonthly()), fmt(x.crossConnectMonthly()),
                    fmt(x.transportMonthly()), fmt(x.equipmentMonthly()), fmt(x.fixedMonthly()),
                    fmt(x.sessionMonthly()), x.portMbps(), x.routeServer() ? ", route servers used" : "",
                    x.member() ? ", already a member" : ""), file + ":" + x.line() + " (ixps)");
        }
        for (Plan.RemoteOffer r : plan.remote()) {
            add("Remote peering " + r.reseller(), String.format(Locale.ROOT, "F_r = %s a month per exchange, v = %s "
                            + "per Mbps, port %.0f Mbps, at %s", fmt(r.monthly()), fmt(r.perMbps()), r.portMbps(),
                    String.join(", ", r.ixps())), file + ":" + r.line() + " (remote_peering)");
        }
        add("Private interconnect", String.format(Locale.ROOT, "share %.2f x (cross-connect %s + 2 x port %s) = %s a "
                        + "month, port %.0f Mbps", plan.pni().share(), fmt(plan.pni().crossConnectMonthly()),
                fmt(plan.pni().portMonthly()), fmt(plan.pni().monthly()), plan.pni().portMbps()),
                file + ": private_interconnect");
        add("Port utilisation", String.format(Locale.ROOT, "%.0f%% of a port's capacity before another is needed",
                100 * plan.settings().portUtilisation()), "settings.port_utilisation (reference: about 75%)");
        add("Peering policies expected to accept", String.join(", ", plan.settings().policies()), "settings.policies");
        for (Plan.Pop p : plan.pops()) {
            add("PoP " + p.name(), String.format(Locale.ROOT, "%.4f, %.4f; %.0f%% of the traffic; facilities %s",
                    p.latitude(), p.longitude(), 100 * p.share(), p.facilities()), file + ":" + p.line() + " (pops)");
        }
        add("Bit-miles", "mean rate (Mbps) x great-circle km; exchange at the mean of its facilities' coordinates; "
                + "balanced within " + BALANCED_RATIO + ":1", "docs/plan.md");
        add("Optimiser", "uncapacitated facility location on linear transit values (offload x marginal price); bills "
                + "after the plan recomputed from the residual 5-minute series", "docs/plan.md");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%,.2f", v);
    }
}
