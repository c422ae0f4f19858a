package org.peerage.planner.plan.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Solves {@link Instance}s: exact depth-first branch and bound for up to {@code exactLimit} sites (about 30), a
 * greedy add/drop heuristic beyond (or when the node budget runs out), and exhaustive enumeration for tests.
 */
public final class FacilityLocation {
    /** Branch-and-bound nodes before giving up on proving optimality (the best found so far is kept). */
    public static final long NODE_BUDGET = 20_000_000;

    private FacilityLocation() {
    }

    public static Solution solve(Instance in, int exactLimit, IntConsumer progress) {
        Solution greedy = greedy(in);
        if (in.sites() > exactLimit) {
            return greedy;
        }
        return branchAndBound(in, greedy, progress);
    }

    // ---- exhaustive (tests) ----

    public static Solution exhaustive(Instance in) {
        int m = in.sites();
        if (m > 24) throw new IllegalArgumentException("too many sites for exhaustive search: " + m);
        boolean[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        boolean[] open = new boolean[m];
        for (long mask = 0; mask < (1L << m); mask++) {
            for (int j = 0; j < m; j++) open[j] = (mask >>> j & 1) != 0;
            if (!in.feasible(open)) continue;
            double c = in.cost(open);
            if (c < bestCost - 1e-9) {
                bestCost = c;
                best = open.clone();
            }
        }
        return finish(in, best, "exhaustive search over " + (1L << m) + " subsets", true, 1L << m);
    }

    // ---- greedy add/drop ----

    public static Solution greedy(Instance in) {
        int m = in.sites();
        boolean[] open = new boolean[m];
        for (int j = 0; j < m; j++) open[j] = in.forced()[j];
        double cost = in.cost(open);
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 4 * m + 4) {
            changed = false;
            // Add: the site that lowers the cost most.
            while (true) {
                int bestJ = -1;
                double bestCost = cost;
                for (int j = 0; j < m; j++) {
                    if (open[j] || groupTaken(in, open, j)) continue;
                    open[j] = true;
                    double c = in.cost(open);
                    open[j] = false;
                    if (c < bestCost - 1e-9) {
                        bestCost = c;
                        bestJ = j;
                    }
                }
                if (bestJ < 0) break;
                open[bestJ] = true;
                cost = bestCost;
                changed = true;
            }
            // Drop: a site whose clients are served as well or nearly elsewhere.
            for (int j = 0; j < m; j++) {
                if (!open[j] || in.forced()[j]) continue;
                open[j] = false;
                double c = in.cost(open);
                if (c < cost - 1e-9) {
                    cost = c;
                    changed = true;
                } else {
                    open[j] = true;
                }
            }
            // Swap within a group (direct for remote, or the reverse).
            for (int j = 0; j < m; j++) {
                if (!open[j] || in.forced()[j] || in.group()[j] < 0) continue;
                for (int k = 0; k < m; k++) {
                    if (k == j || open[k] || in.group()[k] != in.group()[j]) continue;
                    open[j] = false;
                    open[k] = true;
                    double c = in.cost(open);
                    if (c < cost - 1e-9) {
                        cost = c;
                        changed = true;
                        break;
                    }
                    open[k] = false;
                    open[j] = true;
                }
            }
        }
        return finish(in, open, "greedy add/drop (largest saving first, then drops and swaps)", false, 0);
    }

    private static boolean groupTaken(Instance in, boolean[] open, int j) {
        if (in.group()[j] < 0) return false;
        for (int k = 0; k < in.sites(); k++) {
            if (k != j && open[k] && in.group()[k] == in.group()[j]) return true;
        }
        return false;
    }

    // ---- branch and bound ----

    private static final class Search {
        final Instance in;
        final int[] order;
        final boolean[] open;
        final boolean[] closed;
        boolean[] best;
        double bestCost;
        long nodes;
        boolean exhausted;
        final IntConsumer progress;
        int lastPercent = -1;

        Search(Instance in, int[] order, Solution start, IntConsumer progress) {
            this.in = in;
            this.order = order;
            this.open = new boolean[in.sites()];
            this.closed = new boolean[in.sites()];
            this.best = start.open().clone();
            this.bestCost = in.cost(best);
            this.progress = progress;
        }

        /** Lower bound: fixed costs of the open sites + each client at its cheapest open or undecided site. */
        double bound(int depth) {
            double b = 0;
            for (int j = 0; j < in.sites(); j++) {
                if (open[j]) b += in.fixed()[j];
            }
            int m = in.sites();
            int[] usable = new int[m];
            int u = 0;
            for (int j = 0; j < m; j++) {
                if (!closed[j] && (open[j] || !groupTaken(in, open, j))) usable[u++] = j;
            }
            for (int i = 0; i < in.clients(); i++) {
                double c = in.transit()[i];
                double[] row = in.assign()[i];
                for (int k = 0; k < u; k++) {
                    double v = row[usable[k]];
                    if (v < c) c = v;
                }
                b += c;
                if (b >= bestCost) return b;
            }
            return b;
        }

        void visit(int depth, double fraction, double width) {
            if (exhausted) return;
            if (++nodes > NODE_BUDGET) {
                exhausted = true;
                return;
            }
            if (depth == order.length) {
                double c = in.cost(open);
                if (c < bestCost - 1e-9 && in.feasible(open)) {
                    bestCost = c;
                    best = open.clone();
                }
                report(fraction + width);
                return;
            }
            if (bound(depth) >= bestCost - 1e-9) {
                report(fraction + width);
                return;
            }
            int j = order[depth];
            // Include first (sites were ordered by their stand-alone saving), then exclude.
            if (!groupTaken(in, open, j)) {
                open[j] = true;
                visit(depth + 1, fraction, width / 2);
                open[j] = false;
            }
            if (!in.forced()[j]) {
                closed[j] = true;
                visit(depth + 1, fraction + width / 2, width / 2);
                closed[j] = false;
            }
        }

        void report(double done) {
            int p = (int) (done * 100);
            if (progress != null && p != lastPercent) {
                lastPercent = p;
                progress.accept(p);
            }
        }
    }

    public static Solution branchAndBound(Instance in, Solution start, IntConsumer progress) {
        int m = in.sites();
        // Order: forced first, then by the saving a site would bring alone.
        boolean[] none = new boolean[m];
        for (int j = 0; j < m; j++) none[j] = in.forced()[j];
        double base = in.cost(none);
        Integer[] idx = new Integer[m];
        double[] gain = new double[m];
        for (int j = 0; j < m; j++) {
            idx[j] = j;
            boolean[] one = none.clone();
            one[j] = true;
            gain[j] = in.forced()[j] ? Double.POSITIVE_INFINITY : base - in.cost(one);
        }
        Arrays.sort(idx, (a, b) -> Double.compare(gain[b], gain[a]));
        int[] order = Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
        Search s = new Search(in, order, start, progress);
        s.visit(0, 0, 1);
        String method = s.exhausted
                ? String.format(Locale.ROOT, "branch and bound stopped after %,d nodes (best found kept, not proven "
                        + "optimal; greedy add/drop as the starting point)", NODE_BUDGET)
                : String.format(Locale.ROOT, "exact branch and bound over %d sites (%,d nodes; started from the "
                        + "greedy add/drop plan)", m, s.nodes);
        return finish(in, s.best, method, !s.exhausted, s.nodes);
    }

    // ---- explanation ----

    /** The solution with its assignment and a step-by-step account: open sites in order of marginal saving. */
    static Solution finish(Instance in, boolean[] chosen, String method, boolean optimal, long nodes) {
        int m = in.sites();
        boolean[] open = new boolean[m];
        List<Solution.Step> steps = new ArrayList<>();
        double cost = in.cost(open);
        steps.add(new Solution.Step("start", -1, cost, cost, List.of(), String.format(Locale.ROOT,
                "Everything on transit: %,.0f a month.", cost)));
        boolean[] left = chosen.clone();
        while (true) {
            int bestJ = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (!left[j]) continue;
                open[j] = true;
                double c = in.cost(open);
                open[j] = false;
                if (in.forced()[j]) c -= 1e15; // where we already are comes first
                if (c < bestCost) {
                    bestCost = c;
                    bestJ = j;
                }
            }
            if (bestJ < 0) break;
            boolean[] before = open.clone();
            open[bestJ] = true;
            left[bestJ] = false;
            double after = in.cost(open);
            List<Integer> moved = new ArrayList<>();
            for (int i = 0; i < in.clients(); i++) {
                if (in.servedBy(i, open) == bestJ && in.servedBy(i, before) != bestJ) moved.add(i);
            }
            steps.add(new Solution.Step("open", bestJ, cost, after, moved, String.format(Locale.ROOT,
                    "%s %s: fixed %,.0f a month; %d peer%s move%s off transit or to a cheaper place; total %,.0f "
                            + "-> %,.0f (%s%,.0f).",
                    in.forced()[bestJ] ? "Keep (already there)" : "Open", in.siteNames().get(bestJ), in.fixed()[bestJ],
                    moved.size(), moved.size() == 1 ? "" : "s", moved.size() == 1 ? "s" : "", cost, after,
                    after <= cost ? "-" : "+", Math.abs(cost - after))));
            cost = after;
        }
        // Why each other site stays closed: what opening it alone would change.
        for (int j = 0; j < m; j++) {
            if (open[j]) continue;
            if (groupTaken(in, open, j)) {
                steps.add(new Solution.Step("skip", j, cost, cost, List.of(), String.format(Locale.ROOT,
                        "Not %s: the same exchange is reached another way in this plan.", in.siteNames().get(j))));
                continue;
            }
            open[j] = true;
            double c = in.cost(open);
            open[j] = false;
            steps.add(new Solution.Step("skip", j, cost, c, List.of(), String.format(Locale.ROOT,
                    "Not %s: adding it would %s the total by %,.0f a month (fixed %,.0f).", in.siteNames().get(j),
                    c >= cost ? "raise" : "lower", Math.abs(c - cost), in.fixed()[j])));
        }
        int[] servedBy = new int[in.clients()];
        for (int i = 0; i < in.clients(); i++) servedBy[i] = in.servedBy(i, chosen);
        return new Solution(chosen.clone(), in.cost(chosen), servedBy, method, optimal, nodes, steps);
    }
}
