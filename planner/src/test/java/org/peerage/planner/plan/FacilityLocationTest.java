package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.peerage.planner.plan.selection.FacilityLocation;
import org.peerage.planner.plan.selection.Instance;
import org.peerage.planner.plan.selection.Solution;

/** The exchange selection against exhaustive search, and a case by hand. */
class FacilityLocationTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void smallCaseByHand() {
        // Sites: A (fixed 100), B (fixed 60). Clients on transit: 80, 50, 30.
        // At A: 0, 0, inf. At B: inf, 5, 0.
        // {}: 160. {A}: 100 + 0 + 0 + 30 = 130. {B}: 60 + 80 + 5 + 0 = 145. {A, B}: 160 + 0 + 0 + 0 = 160.
        // Best {A}: 130.
        Instance in = new Instance(List.of("A", "B"), new double[] {100, 60}, new int[] {-1, -1},
                new boolean[2], List.of("x", "y", "z"), new double[] {80, 50, 30},
                new double[][] {{0, INF}, {0, 5}, {INF, 0}});
        Solution s = FacilityLocation.solve(in, 30, null);
        assertThat(s.cost()).isEqualTo(130);
        assertThat(s.open()).containsExactly(true, false);
        assertThat(s.servedBy()).containsExactly(0, 0, -1);
        assertThat(s.optimal()).isTrue();
        assertThat(s.steps().get(0).text()).contains("160");
        assertThat(s.steps().get(1).text()).contains("Open A").contains("160 -> 130");
        assertThat(s.steps().get(2).text()).contains("Not B").contains("raise the total by 30");
        // Both together direct and remote of one exchange (same group) are not allowed: group A and B, forced B.
        Instance grouped = new Instance(List.of("A", "B"), new double[] {100, 60}, new int[] {0, 0},
                new boolean[] {false, true}, List.of("x", "y", "z"), new double[] {80, 50, 30},
                new double[][] {{0, INF}, {0, 5}, {INF, 0}});
        Solution g = FacilityLocation.solve(grouped, 30, null);
        assertThat(g.open()).containsExactly(false, true);
        assertThat(g.cost()).isEqualTo(145);
    }

    @Property(tries = 300, seed = "8")
    void branchAndBoundMatchesExhaustiveSearch(@ForAll @IntRange(min = 1, max = 11) int sites,
                                               @ForAll @IntRange(min = 0, max = 14) int clients,
                                               @ForAll long seed) {
        Instance in = random(new Random(seed), sites, clients);
        Solution exact = FacilityLocation.exhaustive(in);
        Solution bb = FacilityLocation.solve(in, 30, null);
        Solution greedy = FacilityLocation.greedy(in);
        assertThat(bb.cost()).isCloseTo(exact.cost(), within(1e-6));
        assertThat(bb.optimal()).isTrue();
        assertThat(in.feasible(bb.open())).isTrue();
        assertThat(in.cost(bb.open())).isCloseTo(bb.cost(), within(1e-9));
        assertThat(in.feasible(greedy.open())).isTrue();
        assertThat(greedy.cost()).isGreaterThanOrEqualTo(exact.cost() - 1e-6);
        // The explanation ends at the plan's cost.
        double last = bb.steps().stream().filter(s -> !s.action().equals("skip")).reduce((a, b) -> b).orElseThrow()
                .costAfter();
        assertThat(last).isCloseTo(bb.cost(), within(1e-6));
    }

    @Test
    void beyondTheLimitTheGreedyIsUsed() {
        Instance in = random(new Random(3), 12, 20);
        Solution s = FacilityLocation.solve(in, 10, null);
        assertThat(s.method()).startsWith("greedy");
        assertThat(s.optimal()).isFalse();
        assertThat(s.cost()).isGreaterThanOrEqualTo(FacilityLocation.exhaustive(in).cost() - 1e-6);
    }

    @Test
    void thirtySitesAreSolvedExactly() {
        Instance in = random(new Random(30), 30, 120);
        long t = System.nanoTime();
        Solution s = FacilityLocation.solve(in, 30, null);
        assertThat(s.optimal()).isTrue();
        assertThat(s.cost()).isLessThanOrEqualTo(FacilityLocation.greedy(in).cost() + 1e-6);
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(20);
    }

    /** Sites with fixed costs, some paired in groups (direct/remote), some forced; clients that meet some sites. */
    static Instance random(Random r, int sites, int clients) {
        double[] fixed = new double[sites];
        int[] group = new int[sites];
        boolean[] forced = new boolean[sites];
        List<String> names = new ArrayList<>();
        int g = 0;
        for (int j = 0; j < sites; j++) {
            fixed[j] = r.nextInt(5) == 0 ? 0 : 50 + r.nextInt(500);
            names.add("s" + j);
            if (j > 0 && group[j - 1] >= 0 && r.nextInt(3) == 0) {
                group[j] = group[j - 1];
            } else {
                group[j] = r.nextInt(3) == 0 ? -1 : g++;
            }
        }
        for (int j = 0; j < sites; j++) {
            boolean groupForced = false;
            for (int k = 0; k < sites; k++) groupForced |= forced[k] && group[k] >= 0 && group[k] == group[j];
            forced[j] = !groupForced && r.nextInt(10) == 0;
        }
        double[] transit = new double[clients];
        double[][] assign = new double[clients][sites];
        List<String> cn = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            transit[i] = r.nextInt(400);
            cn.add("c" + i);
            for (int j = 0; j < sites; j++) {
                assign[i][j] = r.nextInt(3) == 0 ? INF : r.nextInt(120);
            }
        }
        return new Instance(names, fixed, group, forced, cn, transit, assign);
    }
}
