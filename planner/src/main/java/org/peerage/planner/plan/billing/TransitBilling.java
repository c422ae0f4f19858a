package org.peerage.planner.plan.billing;

import org.peerage.planner.plan.Plan;

/** Transit bills from 5-minute series (Mbps per sample, in and out, the same period). */
public final class TransitBilling {
    private TransitBilling() {
    }

    /** The rate a contract bills: max(P95 in, P95 out) or P95 of max(in, out). */
    public static double billedMbps(Plan.Measure measure, double[] in, double[] out) {
        return switch (measure) {
            case MAX_OF_P95 -> Math.max(Percentile.p95(in), Percentile.p95(out));
            case P95_OF_MAX -> Percentile.p95OfMax(in, out);
        };
    }

    /** The amount for a billed rate. */
    public static double amount(Plan.Transit t, double billedMbps) {
        if (t.burstPricePerMbps() == null) {
            return t.fixedMonthly() + t.pricePerMbps() * Math.max(t.commitMbps(), billedMbps);
        }
        return t.fixedMonthly() + t.pricePerMbps() * t.commitMbps()
                + t.burstPricePerMbps() * Math.max(0, billedMbps - t.commitMbps());
    }

    public static TransitBill bill(Plan.Transit t, double[] in, double[] out) {
        double billed = billedMbps(t.measure(), in, out);
        return new TransitBill(t.name(), t.asn(), Percentile.p95(in), Percentile.p95(out), billed, t.commitMbps(),
                Math.max(0, billed - t.commitMbps()), amount(t, billed));
    }

    /**
     * The bill once {@code offIn}/{@code offOut} (per sample) no longer go over this provider: the P95 of the
     * residual series is computed anew (P95s do not subtract: the offloaded traffic's peaks need not coincide with
     * the provider's).
     */
    public static TransitBill afterOffload(Plan.Transit t, double[] in, double[] out, double[] offIn,
                                           double[] offOut) {
        return bill(t, minus(in, offIn), minus(out, offOut));
    }

    public static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = Math.max(0, a[i] - b[i]);
        return r;
    }
}
