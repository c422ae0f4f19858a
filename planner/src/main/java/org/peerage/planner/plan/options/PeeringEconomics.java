package org.peerage.planner.plan.options;

/**
 * The reference formulas (peering-economics.md). O is the offloaded traffic (P95, Mbps), p the transit price per
 * Mbps, F a monthly cost, v a reseller's per-Mbps fee.
 */
public final class PeeringEconomics {
    private PeeringEconomics() {
    }

    /** Peering at monthly cost F pays when O > F / p (infinite when transit is free). */
    public static double breakEvenMbps(double monthlyCost, double transitPrice) {
        if (monthlyCost <= 0) return 0;
        return transitPrice <= 0 ? Double.POSITIVE_INFINITY : monthlyCost / transitPrice;
    }

    /** Savings = (O - break-even) x p = p.O - F. */
    public static double savings(double offloadMbps, double monthlyCost, double transitPrice) {
        return transitPrice * offloadMbps - monthlyCost;
    }

    /** Monthly cost per Mbps peered. */
    public static double unitCost(double monthlyCost, double offloadMbps) {
        return offloadMbps <= 0 ? Double.POSITIVE_INFINITY : monthlyCost / offloadMbps;
    }

    /** Remote peering costs F_r + v.O (besides the transit left, p.(T - O)). */
    public static double remoteCost(double fixedRemote, double perMbps, double offloadMbps) {
        return fixedRemote + perMbps * offloadMbps;
    }

    /** Remote beats transit alone above F_r / (p - v); never when v >= p. */
    public static double remoteBreakEvenMbps(double fixedRemote, double perMbps, double transitPrice) {
        if (perMbps >= transitPrice) return Double.POSITIVE_INFINITY;
        return Math.max(0, fixedRemote) / (transitPrice - perMbps);
    }

    /** Remote beats direct peering below (F_d - F_r) / v; always when v = 0 and F_r < F_d. */
    public static double remoteBeatsDirectBelowMbps(double fixedDirect, double fixedRemote, double perMbps) {
        if (fixedDirect <= fixedRemote) return 0;
        return perMbps <= 0 ? Double.POSITIVE_INFINITY : (fixedDirect - fixedRemote) / perMbps;
    }

    /** Remote is the cheapest of the three when F_r / (p - v) < O < (F_d - F_r) / v. */
    public static boolean remoteWins(double offloadMbps, double fixedDirect, double fixedRemote, double perMbps,
                                     double transitPrice) {
        return offloadMbps > remoteBreakEvenMbps(fixedRemote, perMbps, transitPrice)
                && offloadMbps < remoteBeatsDirectBelowMbps(fixedDirect, fixedRemote, perMbps);
    }
}
