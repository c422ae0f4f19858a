package org.peerage.planner.plan.billing;

import java.util.Arrays;

/**
 * The 95th percentile as transit is billed (peering-economics.md, and the attribution's p95 file): the n 5-minute
 * rates of the period sorted ascending, the top floor(n / 20) dropped, the highest remaining one taken, i.e. the
 * value at 0-based rank n - floor(n / 20) - 1. 8,640 samples (30 days): 432 dropped, rank 8,207. With fewer than
 * 20 samples nothing is dropped (P95 = maximum); no samples give 0.
 */
public final class Percentile {
    private Percentile() {
    }

    /** 0-based rank, ascending, of the billed sample among n. */
    public static int rank(int n) {
        return n - n / 20 - 1;
    }

    public static double p95(double[] samples) {
        if (samples.length == 0) return 0;
        return select(samples.clone(), rank(samples.length));
    }

    /** The k-th smallest value (0-based), reordering {@code a}: quickselect, linear on average. */
    static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi - lo > 16) {
            // Median of three as the pivot; Hoare partition.
            int mid = (lo + hi) >>> 1;
            double x = a[lo];
            double y = a[mid];
            double z = a[hi];
            double pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        Arrays.sort(a, lo, hi + 1);
        return a[k];
    }

    /** P95 of the per-sample maximum of two series of the same length. */
    public static double p95OfMax(double[] a, double[] b) {
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) m[i] = Math.max(a[i], b[i]);
        return p95(m);
    }
}
