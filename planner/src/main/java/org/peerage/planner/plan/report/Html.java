package org.peerage.planner.plan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerage.planner.plan.PlanResult;
import org.peerage.planner.plan.PlanResult.BitMileBalance;
import org.peerage.planner.plan.PlanResult.Candidate;
import org.peerage.planner.plan.PlanResult.CostCurve;
import org.peerage.planner.plan.PlanResult.Option;
import org.peerage.planner.plan.PlanResult.ProviderBills;
import org.peerage.planner.plan.PlanResult.Site;
import org.peerage.planner.plan.billing.TransitBill;

/** The plan as one self-contained HTML page: tables, inline SVG charts, no scripts. */
public final class Html {
    private static final String[] FAMILIES = {"all", "IPv4", "IPv6"};
    private static final int CHART_CANDIDATES = 15;

    private final PlanResult r;
    private final String cur;
    private final StringBuilder b = new StringBuilder();

    private Html(PlanResult r) {
        this.r = r;
        this.cur = r.summary().currency();
    }

    public static String render(PlanResult r) {
        return new Html(r).page();
    }

    static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String money(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String mbps(double v) {
        if (Double.isInfinite(v)) return "never";
        if (Double.isNaN(v)) return "–";
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String mbps(Double v) {
        return v == null ? "–" : mbps(v.doubleValue());
    }

    private String page() {
        PlanResult.Summary s = r.summary();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Peering plan for AS")
                .append(s.asn()).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;")
                .append("padding:3px 7px;font-size:13px}th{background:#f3f3f3}td.n{text-align:right}")
                .append(".chart{border:1px solid #ddd;margin:0.5em 0;background:#fff}.good{color:#176b17}")
                .append(".bad{color:#a11}h2{border-bottom:1px solid #ccc;padding-top:0.5em}.note{color:#555;")
                .append("font-size:13px}</style></head><body>\n");
        b.append("<h1>Peering plan for AS").append(s.asn()).append(" (").append(escape(s.name())).append(")</h1>\n");
        b.append("<p class=\"note\">Traffic from ").append(escape(s.periodStart())).append(String.format(Locale.ROOT,
                ", %d samples of 5 minutes (%.1f days), %,d flows. Money is a month in %s; rates are Mbps at the 95th "
                        + "percentile unless named otherwise. Every figure is traced to its inputs in the "
                        + "<a href=\"#assumptions\">assumptions</a> at the end.</p>\n", s.samples(), s.days(),
                s.flows(),
                escape(cur)));
        summary();
        warnings();
        transit();
        candidates();
        options();
        costCurves();
        selection();
        bitMiles();
        assumptions();
        b.append("</body></html>\n");
        return b.toString();
    }

    private void summary() {
        PlanResult.Summary s = r.summary();
        b.append("<h2 id=\"summary\">Summary</h2>\n<table>");
        row("Transit now", money(s.transitNow()));
        row("Transit after the plan (residual 95th percentiles)", money(s.transitAfter()));
        row("Peering cost of the plan", money(s.peeringCost()));
        row("Total after the plan", money(s.totalAfter()));
        b.append("<tr><th>Saving a month</th><td class=\"n ").append(s.saving() >= 0 ? "good" : "bad").append("\">")
                .append(money(s.saving())).append("</td></tr>");
        row("Linear estimate of the total (the optimiser's model)", money(s.linearEstimate()));
        row("Candidates considered / peered", s.candidatesConsidered() + " / " + s.candidatesPeered());
        for (String f : FAMILIES) {
            row("Traffic P95 in / out (" + f + ")", mbps(s.totalInMbps().get(f)) + " / " + mbps(s.totalOutMbps()
                    .get(f)));
        }
        b.append("</table>\n");
        b.append(trafficChart());
    }

    private void row(String k, String v) {
        b.append("<tr><th>").append(escape(k)).append("</th><td class=\"n\">").append(escape(v)).append("</td></tr>");
    }

    private void warnings() {
        if (r.warnings().isEmpty()) return;
        b.append("<h2>Warnings</h2><ul>");
        for (String w : r.warnings()) b.append("<li>").append(escape(w)).append("</li>");
        b.append("</ul>\n");
    }

    private void transit() {
        b.append("<h2 id=\"transit\">Transit bills</h2>\n<p class=\"note\">Bill = fixed + price × max(commit, billed "
                + "Mbps); with a burst price, fixed + price × commit + burst × (billed − commit). After the plan "
                + "the 95th percentile is recomputed on each provider's residual 5-minute series. The IPv4 and IPv6 "
                + "rows give each family's own 95th percentiles (the bill is on both together).</p>\n<table><tr>"
                + "<th>provider</th><th>family</th><th>P95 in</th><th>P95 out</th><th>measure</th><th>billed</th>"
                + "<th>commit</th><th>bill now</th><th>P95 in after</th><th>P95 out after</th><th>billed after</th>"
                + "<th>bill after</th></tr>");
        for (ProviderBills p : r.transit()) {
            for (String f : FAMILIES) {
                TransitBill n = p.now().get(f);
                TransitBill a = p.after().get(f);
                b.append("<tr><td>").append(escape(p.name())).append(" (AS").append(p.asn()).append(")</td><td>")
                        .append(f).append("</td>");
                cells(mbps(n.p95InMbps()), mbps(n.p95OutMbps()));
                b.append("<td>").append(escape(p.measure())).append("</td>");
                boolean both = f.equals("all");
                cells(mbps(n.billedMbps()), mbps(n.commitMbps()), both ? money(n.amount()) : "–", mbps(a.p95InMbps()),
                        mbps(a.p95OutMbps()), mbps(a.billedMbps()), both ? money(a.amount()) : "–");
                b.append("</tr>");
            }
        }
        b.append("</table>\n");
    }

    private void cells(String... values) {
        for (String v : values) b.append("<td class=\"n\">").append(escape(v)).append("</td>");
    }

    private void candidates() {
        b.append("<h2 id=\"candidates\">Candidate peers</h2>\n<p class=\"note\">Offloadable traffic: the transit "
                + "traffic whose origin the candidate would announce to us (").append(escape(r.summary().cones()))
                .append("), as max(P95 in, P95 out). Value: that traffic at each provider's marginal price. Net: value "
                        + "minus the cheapest option alone. Ranked by net. Prefixes: what the routing table has the "
                        + "candidate originate.</p>\n");
        b.append(candidateChart());
        b.append("<table><tr><th>#</th><th>AS</th><th>name</th><th>policy</th><th>offload all</th><th>IPv4</th>"
                + "<th>IPv6</th><th>value</th><th>prefixes v4/v6</th><th>where to meet</th><th>best option</th>"
                + "<th>net</th><th>plan</th></tr>");
        int shown = 0;
        for (Candidate c : r.candidates()) {
            if (shown++ >= 60) break;
            StringBuilder where = new StringBuilder();
            for (PlanResult.Meeting m : c.meetings()) {
                if (!where.isEmpty()) where.append("; ");
                where.append(m.ixp()).append(" ").append(m.speedMbps() >= 1000 ? m.speedMbps() / 1000 + "G"
                        : m.speedMbps() + "M").append(m.routeServerPath() ? " RS" : "").append(m.remoteMember()
                        ? " (remote)" : "");
            }
            for (String f : c.sharedFacilities()) {
                if (!where.isEmpty()) where.append("; ");
                where.append(f);
            }
            b.append("<tr><td class=\"n\">").append(c.rank()).append("</td><td>AS").append(c.asn()).append("</td><td>")
                    .append(escape(c.name())).append("</td><td>").append(escape(c.policy())).append("</td>");
            cells(mbps(c.offloadMbps().get("all")), mbps(c.offloadMbps().get("IPv4")), mbps(c.offloadMbps()
                    .get("IPv6")), money(c.transitValue()), c.prefixes4() == null ? "–"
                    : String.format(Locale.ROOT, "%.0f / %.0f", c.prefixes4(), c.prefixes6()));
            b.append("<td>").append(escape(where.toString())).append("</td><td>").append(escape(c.eligible()
                    ? c.bestOption() : "not eligible: " + c.reason())).append("</td>");
            cells(c.eligible() ? money(c.netSaving()) : "–");
            b.append("<td>").append(c.peered() ? "peer at " + escape(c.peeredAt()) : "").append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private void options() {
        b.append("<h2 id=\"options\">Options per candidate and place</h2>\n<p class=\"note\">Alone: the option's cost "
                + "with the place's fixed cost (F_d for an exchange, F_r + v·O remotely, the PNI share). Incremental: "
                + "with the place already in use. Break-even = monthly cost / transit price; savings = p·O − cost. "
                + "Remote beats direct below (F_d − F_r)/v.</p>\n<table><tr><th>AS</th><th>place</th><th>kind</th>"
                + "<th>O</th><th>alone</th><th>break-even</th><th>savings</th><th>incremental</th>"
                + "<th>break-even</th><th>savings</th><th>remote beats direct below</th><th>note</th></tr>");
        int shown = 0;
        java.util.Set<Long> top = new java.util.LinkedHashSet<>();
        for (Candidate c : r.candidates()) {
            if (c.eligible() && top.size() < r.summary().topCandidates()) top.add(c.asn());
        }
        for (long asn : top) {
            for (Option o : r.options()) {
                if (o.asn() != asn || shown++ > 50 * r.summary().topCandidates()) continue;
                b.append("<tr><td>AS").append(o.asn()).append("</td><td>").append(escape(o.place())).append("</td><td>")
                        .append(o.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td>");
                cells(mbps(o.offloadMbps()), money(o.standaloneMonthly()), mbps(o.breakEvenMbps()),
                        money(o.savings()), money(o.incrementalMonthly()), mbps(o.incrementalBreakEvenMbps()),
                        money(o.incrementalSavings()), mbps(o.remoteBeatsDirectBelowMbps()));
                b.append("<td>").append(escape(o.note())).append("</td></tr>");
            }
        }
        b.append("</table>\n");
    }

    private void costCurves() {
        b.append("<h2 id=\"costs\">Cost against traffic</h2>\n<p class=\"note\">Monthly cost of offloading O Mbps: "
                + "transit p·O, direct peering F_d, remote peering F_r + v·O, a private interconnect. Dots mark the "
                + "break-even points (F_d/p, F_r/(p − v), PNI/p) and where remote stops beating direct "
                + "((F_d − F_r)/v)."
                + "</p>\n<table><tr><th>exchange</th><th>p</th><th>F_d</th><th>direct break-even</th><th>reseller</th>"
                + "<th>F_r</th><th>v</th><th>remote break-even</th><th>remote beats direct below</th><th>PNI</th>"
                + "<th>PNI break-even</th></tr>");
        for (CostCurve c : r.costCurves()) {
            b.append("<tr><td>").append(escape(c.ixp())).append("</td>");
            cells(String.format(Locale.ROOT, "%.2f", c.transitPrice()), money(c.directMonthly()),
                    mbps(c.directBreakEvenMbps()));
            b.append("<td>").append(escape(c.reseller() == null ? "–" : c.reseller())).append("</td>");
            cells(c.remoteMonthly() == null ? "–" : money(c.remoteMonthly()),
                    c.remotePerMbps() == null ? "–" : String.format(Locale.ROOT, "%.2f", c.remotePerMbps()),
                    mbps(c.remoteBreakEvenMbps()), mbps(c.remoteBeatsDirectBelowMbps()), money(c.pniMonthly()),
                    mbps(c.pniBreakEvenMbps()));
            b.append("</tr>");
        }
        b.append("</table>\n");
        // One chart per distinct cost structure (exchanges with the same F_d, F_r and v share a chart), four at most.
        java.util.Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        java.util.Map<String, CostCurve> first = new java.util.LinkedHashMap<>();
        for (CostCurve c : r.costCurves()) {
            String key = c.directMonthly() + "/" + c.remoteMonthly() + "/" + c.remotePerMbps() + "/" + c.pniMonthly();
            seen.computeIfAbsent(key, k -> new ArrayList<>()).add(c.ixp());
            first.putIfAbsent(key, c);
        }
        int n = 0;
        for (var e : first.entrySet()) {
            if (n++ >= 4) break;
            b.append(costChart(e.getValue(), String.join(", ", seen.get(e.getKey()))));
        }
    }

    private void selection() {
        PlanResult.Selection s = r.selection();
        b.append("<h2 id=\"selection\">Chosen exchanges</h2>\n<p class=\"note\">Method: ").append(escape(s.method()))
                .append(s.optimal() ? " — proven optimal." : ".").append(" Candidate traffic on transit alone: ")
                .append(money(s.transitOnly())).append("; with the plan (linear model): ").append(money(s.linearCost()))
                .append(".</p>\n<table><tr><th>site</th><th>kind</th><th>open</th><th>fixed</th><th>peers</th>"
                        + "<th>load P95</th><th>IPv4</th><th>IPv6</th><th>port</th><th>ports</th><th>extra ports</th>"
                        + "<th>sessions/PNI</th><th>per-Mbps fees</th></tr>");
        for (Site site : s.sites()) {
            b.append("<tr><td>").append(escape(site.name())).append("</td><td>").append(site.kind()).append("</td><td>")
                    .append(site.open() ? (site.forced() ? "yes (already)" : "<b>yes</b>") : "no").append("</td>");
            cells(money(site.fixedMonthly()), Integer.toString(site.peers().size()), mbps(site.loadMbps()),
                    mbps(site.loadByFamily().get("IPv4")), mbps(site.loadByFamily().get("IPv6")),
                    mbps(site.portMbps()), Integer.toString(site.portsNeeded()), money(site.extraPortMonthly()),
                    money(site.sessionsMonthly()), money(site.perMbpsMonthly()));
            b.append("</tr>");
        }
        b.append("</table>\n<h3>The plan step by step</h3>\n<ol>");
        for (String step : s.steps()) b.append("<li>").append(escape(step)).append("</li>");
        b.append("</ol>\n");
    }

    private void bitMiles() {
        b.append("<h2 id=\"bitmiles\">Bit-mile balance</h2>\n<p class=\"note\">Hot-potato routing: each side hands its "
                + "traffic off at the interconnect nearest its source. Bit-miles = mean rate (Mbps) × great-circle km "
                + "each side carries. Balanced within 2:1.</p>\n");
        b.append(bitMileChart());
        b.append("<table><tr><th>peer</th><th>interconnects</th><th>family</th><th>out</th><th>in</th>"
                + "<th>we carry</th><th>peer carries</th><th>ratio</th><th>verdict</th><th>remedies (ratio after)</th>"
                + "</tr>");
        for (BitMileBalance m : r.bitMiles()) {
            for (String f : FAMILIES) {
                PlanResult.Balance x = m.hot().get(f);
                b.append("<tr><td>AS").append(m.asn()).append(" ").append(escape(m.name())).append("</td><td>")
                        .append(escape(String.join(", ", m.interconnects()))).append("</td><td>").append(f)
                        .append("</td>");
                cells(mbps(x.outMbps()), mbps(x.inMbps()), money(x.bitMilesUs()), money(x.bitMilesPeer()),
                        String.format(Locale.ROOT, "%.2f", x.ratio()));
                if (f.equals("all")) {
                    StringBuilder rem = new StringBuilder();
                    for (PlanResult.Remedy y : m.remedies()) {
                        if (!rem.isEmpty()) rem.append("; ");
                        rem.append(y.remedy()).append(String.format(Locale.ROOT, " (%.2f)", y.ratio()));
                    }
                    b.append("<td>").append(escape(m.verdict())).append("</td><td>").append(escape(rem.toString()))
                            .append("</td>");
                } else {
                    b.append("<td></td><td></td>");
                }
                b.append("</tr>");
            }
        }
        b.append("</table>\n");
    }

    private void assumptions() {
        b.append("<h2 id=\"assumptions\">Assumptions and inputs</h2>\n<table><tr><th>what</th><th>value</th>"
                + "<th>from</th></tr>");
        for (PlanResult.Assumption a : r.assumptions()) {
            b.append("<tr><td>").append(escape(a.name())).append("</td><td>").append(escape(a.value()))
                    .append("</td><td>").append(escape(a.source())).append("</td></tr>");
        }
        b.append("</table>\n");
    }

    // ---- charts ----

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private String trafficChart() {
        List<double[]> s = r.totalSeries();
        int w = 1000;
        int h = 260;
        Svg svg = new Svg(w, h, "transit traffic over time, before and after the plan");
        double max = 1e-9;
        for (double[] x : s) for (double v : x) max = Math.max(max, v);
        double[] t = Svg.ticks(max);
        double ymax = t[t.length - 1];
        axes(svg, w, h, t, "Mbps", "time (5-minute samples, highest per point)");
        String[] names = {"in now", "out now", "in after", "out after"};
        String[] colours = {"#9ecae1", "#1f77b4", "#fdae6b", "#e6550d"};
        for (int k = 0; k < s.size(); k++) {
            double[] x = s.get(k);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                pts.add(new double[] {LEFT + (w - LEFT - RIGHT) * (x.length == 1 ? 0 : i / (double) (x.length - 1)),
                        h - BOTTOM - (h - TOP - BOTTOM) * x[i] / ymax});
            }
            svg.path(pts, colours[k], 1.2, names[k]);
        }
        svg.legend(List.of(names), List.of(colours));
        return svg.toString();
    }

    private String candidateChart() {
        List<Candidate> top = r.candidates().stream().filter(Candidate::eligible).limit(Math.max(CHART_CANDIDATES,
                r.summary().topCandidates())).toList();
        int rowH = 22;
        int w = 1000;
        int h = TOP + BOTTOM + rowH * Math.max(1, top.size());
        int left = 260;
        Svg svg = new Svg(w, h, "offloadable traffic by candidate");
        double max = 1e-9;
        for (Candidate c : top) max = Math.max(max, c.offloadMbps().get("all"));
        double[] t = Svg.ticks(max);
        double xmax = t[t.length - 1];
        double span = w - left - RIGHT;
        for (double v : t) {
            double x = left + span * v / xmax;
            svg.line(x, TOP, x, h - BOTTOM, "#eee", 1, null).text(x, h - BOTTOM + 14, mbps(v), "middle", 10);
        }
        svg.text(left + span / 2, h - 8, "offloadable Mbps (P95)", "middle", 11);
        String[] colours = {"#1f77b4", "#6baed6", "#fd8d3c"};
        for (int i = 0; i < top.size(); i++) {
            Candidate c = top.get(i);
            double y = TOP + i * rowH;
            String label = "AS" + c.asn() + " " + c.name();
            svg.text(left - 6, y + 14, label.length() > 36 ? label.substring(0, 35) + "…" : label, "end", 11);
            for (int k = 0; k < 3; k++) {
                double v = c.offloadMbps().get(FAMILIES[k]);
                svg.rect(left, y + 2 + k * 6, span * v / xmax, 6, colours[k], label + " " + FAMILIES[k] + ": "
                        + mbps(v) + " Mbps");
            }
        }
        svg.legend(List.of("all", "IPv4", "IPv6"), List.of(colours));
        return svg.toString();
    }

    private String costChart(CostCurve c, String ixps) {
        int w = 580;
        int h = 300;
        Svg svg = new Svg(w, h, "cost against traffic at " + c.ixp());
        double xm = c.directBreakEvenMbps();
        if (c.remoteBeatsDirectBelowMbps() != null && Double.isFinite(c.remoteBeatsDirectBelowMbps())) {
            xm = Math.max(xm, c.remoteBeatsDirectBelowMbps());
        }
        if (!Double.isFinite(xm) || xm <= 0) xm = 1000;
        double[] tx = Svg.ticks(xm * 1.5);
        double xmax = tx[tx.length - 1];
        double ymaxRaw = Math.max(c.transitPrice() * xmax, Math.max(c.directMonthly(), c.pniMonthly()));
        if (c.remoteMonthly() != null) ymaxRaw = Math.max(ymaxRaw, Math.min(2 * ymaxRaw, c.remoteMonthly()
                + c.remotePerMbps() * xmax));
        double[] ty = Svg.ticks(ymaxRaw);
        double ymax = ty[ty.length - 1];
        double sx = (w - LEFT - RIGHT) / xmax;
        double sy = (h - TOP - BOTTOM) / ymax;
        for (double v : ty) {
            double y = h - BOTTOM - v * sy;
            svg.line(LEFT, y, w - RIGHT, y, "#eee", 1, null).text(LEFT - 6, y + 4, money(v), "end", 10);
        }
        for (double v : tx) {
            double x = LEFT + v * sx;
            svg.text(x, h - BOTTOM + 14, mbps(v), "middle", 10);
        }
        svg.line(LEFT, h - BOTTOM, w - RIGHT, h - BOTTOM, "#333", 1, null).line(LEFT, TOP, LEFT, h - BOTTOM, "#333", 1,
                null);
        String shown = ixps.length() > 60 ? ixps.substring(0, 59) + "…" : ixps;
        svg.text(LEFT + (w - LEFT) / 2.0, h - 8, "offloaded Mbps (P95) — " + shown, "middle", 11);
        List<String> names = new ArrayList<>(List.of("transit p·O", "direct F_d", "PNI"));
        List<String> colours = new ArrayList<>(List.of(Svg.COLOURS[3], Svg.COLOURS[0], Svg.COLOURS[4]));
        svg.path(List.of(new double[] {LEFT, h - BOTTOM}, new double[] {LEFT + xmax * sx, clampY(h - BOTTOM
                - c.transitPrice() * xmax * sy)}), Svg.COLOURS[3], 2, "transit");
        flat(svg, c.directMonthly(), sx, sy, xmax, h, Svg.COLOURS[0], "direct");
        flat(svg, c.pniMonthly(), sx, sy, xmax, h, Svg.COLOURS[4], "PNI");
        if (c.remoteMonthly() != null) {
            names.add("remote F_r + v·O");
            colours.add(Svg.COLOURS[2]);
            svg.path(List.of(new double[] {LEFT, h - BOTTOM - c.remoteMonthly() * sy}, new double[] {LEFT + xmax * sx,
                    clampY(h - BOTTOM - (c.remoteMonthly() + c.remotePerMbps() * xmax) * sy)}), Svg.COLOURS[2], 2,
                    "remote via " + c.reseller());
            dot(svg, c.remoteBreakEvenMbps(), c.remoteMonthly() + c.remotePerMbps() * c.remoteBreakEvenMbps(), sx, sy,
                    h, xmax, ymax, Svg.COLOURS[2], "remote break-even");
            Double rb = c.remoteBeatsDirectBelowMbps();
            if (rb != null) dot(svg, rb, c.directMonthly(), sx, sy, h, xmax, ymax, "#000", "remote = direct");
        }
        dot(svg, c.directBreakEvenMbps(), c.directMonthly(), sx, sy, h, xmax, ymax, Svg.COLOURS[0],
                "direct break-even");
        dot(svg, c.pniBreakEvenMbps(), c.pniMonthly(), sx, sy, h, xmax, ymax, Svg.COLOURS[4], "PNI break-even");
        svg.legend(names, colours);
        return svg.toString();
    }

    private static double clampY(double y) {
        return Math.max(TOP, y);
    }

    private static void flat(Svg svg, double cost, double sx, double sy, double xmax, int h, String colour,
                             String title) {
        double y = h - BOTTOM - cost * sy;
        svg.path(List.of(new double[] {LEFT, y}, new double[] {LEFT + xmax * sx, y}), colour, 2, title);
    }

    private static void dot(Svg svg, Double x, double y, double sx, double sy, int h, double xmax, double ymax,
                            String colour, String label) {
        if (x == null || !Double.isFinite(x) || x > xmax || y > ymax) return;
        double px = LEFT + x * sx;
        double py = h - BOTTOM - y * sy;
        svg.circle(px, py, 4, colour, label + ": " + mbps(x) + " Mbps");
        svg.text(px + 6, py - 6, label + " " + mbps(x), "start", 10);
    }

    private String bitMileChart() {
        List<BitMileBalance> list = r.bitMiles();
        int rowH = 24;
        int w = 1000;
        int h = TOP + BOTTOM + rowH * Math.max(1, list.size());
        int left = 260;
        Svg svg = new Svg(w + 40, h, "bit-mile balance per peer");
        double max = 1e-9;
        for (BitMileBalance m : list) {
            max = Math.max(max, Math.max(m.hot().get("all").bitMilesUs(), m.hot().get("all").bitMilesPeer()));
        }
        double[] t = Svg.ticks(max);
        double xmax = t[t.length - 1];
        double span = w - left - RIGHT;
        for (double v : t) {
            double x = left + span * v / xmax;
            svg.line(x, TOP, x, h - BOTTOM, "#eee", 1, null).text(x, h - BOTTOM + 14, money(v), "middle", 10);
        }
        svg.text(left + span / 2, h - 8, "Mbps × km (mean rate), hot potato", "middle", 11);
        // (the last tick label is centred on the right edge: the chart keeps a margin for it)
        for (int i = 0; i < list.size(); i++) {
            BitMileBalance m = list.get(i);
            PlanResult.Balance a = m.hot().get("all");
            double y = TOP + i * rowH;
            String label = "AS" + m.asn() + " " + m.name();
            svg.text(left - 6, y + 15, label.length() > 36 ? label.substring(0, 35) + "…" : label, "end", 11);
            svg.rect(left, y + 3, span * a.bitMilesUs() / xmax, 8, Svg.COLOURS[0], "we carry " + money(a.bitMilesUs()));
            svg.rect(left, y + 12, span * a.bitMilesPeer() / xmax, 8, Svg.COLOURS[1], "peer carries "
                    + money(a.bitMilesPeer()));
        }
        svg.legend(List.of("we carry", "peer carries"), List.of(Svg.COLOURS[0], Svg.COLOURS[1]));
        return svg.toString();
    }

    private static void axes(Svg svg, int w, int h, double[] ticks, String yLabel, String xLabel) {
        double ymax = ticks[ticks.length - 1];
        for (double v : ticks) {
            double y = h - BOTTOM - (h - TOP - BOTTOM) * v / ymax;
            svg.line(LEFT, y, w - RIGHT, y, "#eee", 1, null).text(LEFT - 6, y + 4, mbps(v), "end", 10);
        }
        svg.line(LEFT, h - BOTTOM, w - RIGHT, h - BOTTOM, "#333", 1, null).line(LEFT, TOP, LEFT, h - BOTTOM, "#333", 1,
                null);
        svg.text(14, TOP - 10, yLabel, "start", 11).text(LEFT + (w - LEFT) / 2.0, h - 8, xLabel, "middle", 11);
    }

}
