package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerage.planner.plan.billing.Percentile;
import org.peerage.planner.plan.billing.TransitBill;
import org.peerage.planner.plan.billing.TransitBilling;

/** Hand-computed 95th percentiles and transit bills. */
class TransitBillingTest {
    private static Plan.Transit contract(double price, double commit, Double burst, Plan.Measure m) {
        return new Plan.Transit("T", 64496, price, commit, burst, 0, m, 1);
    }

    private static double[] ramp(int n, int from, int step) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = from + step * i;
        return s;
    }

    @Test
    void rankDropsTheTopFivePercentRoundedDown() {
        // 30 days: 8,640 samples, floor(8640/20) = 432 dropped, billed rank 8640 - 432 - 1 = 8,207 (0-based).
        assertThat(Percentile.rank(8640)).isEqualTo(8207);
        // Samples 0, 1, ..., 8639 (shuffled order does not matter): the P95 is the value at rank 8,207.
        double[] month = ramp(8640, 0, 1);
        assertThat(Percentile.p95(month)).isEqualTo(8207);
        // 20 samples 1..20: floor(20/20) = 1 dropped (20), P95 = 19.
        assertThat(Percentile.p95(ramp(20, 1, 1))).isEqualTo(19);
        // 39 samples 1..39: floor(39/20) = 1 dropped, P95 = 38. 40 samples: 2 dropped, P95 = 38 too.
        assertThat(Percentile.p95(ramp(39, 1, 1))).isEqualTo(38);
        assertThat(Percentile.p95(ramp(40, 1, 1))).isEqualTo(38);
        // Fewer than 20 samples: none dropped, P95 = maximum.
        assertThat(Percentile.p95(ramp(10, 1, 1))).isEqualTo(10);
        assertThat(Percentile.p95(new double[0])).isZero();
    }

    @Test
    void selectionAgreesWithSorting() {
        java.util.Random r = new java.util.Random(95);
        for (int round = 0; round < 500; round++) {
            int n = 1 + r.nextInt(round < 250 ? 60 : 9000);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) s[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(50) * (r.nextBoolean() ? 1 : 0.5);
            double[] sorted = s.clone();
            java.util.Arrays.sort(sorted);
            assertThat(Percentile.p95(s)).isEqualTo(sorted[n - n / 20 - 1]);
        }
    }

    @Test
    void billIsPriceTimesTheGreaterOfCommitAndP95() {
        Plan.Transit t = contract(2, 100, null, Plan.Measure.MAX_OF_P95);
        // P95 150 > commit 100: 2 x 150 = 300.
        assertThat(TransitBilling.amount(t, 150)).isEqualTo(300);
        // P95 50 < commit: 2 x 100 = 200.
        assertThat(TransitBilling.amount(t, 50)).isEqualTo(200);
        // Burst 3 above the commit: 2 x 100 + 3 x (150 - 100) = 350; below the commit the commit alone, 200.
        Plan.Transit b = contract(2, 100, 3.0, Plan.Measure.MAX_OF_P95);
        assertThat(TransitBilling.amount(b, 150)).isEqualTo(350);
        assertThat(TransitBilling.amount(b, 80)).isEqualTo(200);
        // A fixed part is added: 500 + 2 x 150 = 800.
        assertThat(TransitBilling.amount(new Plan.Transit("T", 1, 2, 100, null, 500, Plan.Measure.MAX_OF_P95, 1),
                150)).isEqualTo(800);
    }

    @Test
    void measuresOfTheTwoDirections() {
        // in = 1..20 by sample, out = 20..1: P95 in = 19, P95 out = 19, max(P95 in, P95 out) = 19.
        double[] in = ramp(20, 1, 1);
        double[] out = ramp(20, 20, -1);
        TransitBill bill = TransitBilling.bill(contract(1, 0, null, Plan.Measure.MAX_OF_P95), in, out);
        assertThat(bill.p95InMbps()).isEqualTo(19);
        assertThat(bill.p95OutMbps()).isEqualTo(19);
        assertThat(bill.billedMbps()).isEqualTo(19);
        // Per sample max(in, out) = 20, 19, ..., 11, 11, ..., 20: sorted 11, 11, 12, 12, ..., 20, 20; rank 18 -> 20.
        assertThat(TransitBilling.bill(contract(1, 0, null, Plan.Measure.P95_OF_MAX), in, out).billedMbps())
                .isEqualTo(20);
    }

    @Test
    void offloadRecomputesTheResidualP95() {
        // 20 samples; what stays: b_i = i (0..19); what is offloaded: o_i = 19 - i. Total = 19 in every sample,
        // P95 19. P95 of the offloaded part alone = 18; subtracting P95s would bill 19 - 18 = 1 Mbps. The residual
        // series is b, whose P95 is 18: the bill falls from 19 to 18 only (price 1, no commit).
        double[] b = ramp(20, 0, 1);
        double[] o = ramp(20, 19, -1);
        double[] total = new double[20];
        for (int i = 0; i < 20; i++) total[i] = b[i] + o[i];
        Plan.Transit t = contract(1, 0, null, Plan.Measure.MAX_OF_P95);
        double[] zero = new double[20];
        assertThat(TransitBilling.bill(t, zero, total).amount()).isEqualTo(19);
        assertThat(Percentile.p95(o)).isEqualTo(18);
        TransitBill after = TransitBilling.afterOffload(t, zero, total, zero, o);
        assertThat(after.billedMbps()).isEqualTo(18);
        assertThat(after.amount()).isCloseTo(18, within(1e-9));
        // With a commit of 50 Mbps at 1/Mbps the bill stays 50 before and after: offloading saves nothing.
        Plan.Transit committed = contract(1, 50, null, Plan.Measure.MAX_OF_P95);
        assertThat(TransitBilling.bill(committed, zero, total).amount()).isEqualTo(50);
        assertThat(TransitBilling.afterOffload(committed, zero, total, zero, o).amount()).isEqualTo(50);
    }
}
