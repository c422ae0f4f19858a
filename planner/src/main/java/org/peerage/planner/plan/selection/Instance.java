package org.peerage.planner.plan.selection;

import java.util.List;

/**
 * An uncapacitated facility-location instance: sites (an exchange reached directly or through a reseller, our own
 * PoP facilities) with a monthly fixed cost; clients (candidate peers) each costing {@code transit[i]} a month
 * when left on transit, or {@code assign[i][j]} when peered at open site j (infinite where they cannot meet). At
 * most one site of each group may be open (an exchange is reached directly or remotely, not both); forced sites
 * are open (where we already are). Cost of an open set S: sum of f_j over S + sum over i of min(transit_i, min
 * over j in S of assign_ij).
 */
public record Instance(List<String> siteNames, double[] fixed, int[] group, boolean[] forced, List<String> clientNames,
        double[] transit, double[][] assign) {

    public int sites() {
        return fixed.length;
    }

    public int clients() {
        return transit.length;
    }

    /** Total monthly cost of an open set. */
    public double cost(boolean[] open) {
        double c = 0;
        for (int j = 0; j < sites(); j++) {
            if (open[j]) c += fixed[j];
        }
        for (int i = 0; i < clients(); i++) {
            c += serve(i, open);
        }
        return c;
    }

    /** What client i costs under an open set. */
    public double serve(int i, boolean[] open) {
        double best = transit[i];
        for (int j = 0; j < sites(); j++) {
            if (open[j] && assign[i][j] < best) best = assign[i][j];
        }
        return best;
    }

    /** The open site serving client i, or -1 for transit. */
    public int servedBy(int i, boolean[] open) {
        double best = transit[i];
        int by = -1;
        for (int j = 0; j < sites(); j++) {
            if (open[j] && assign[i][j] < best) {
                best = assign[i][j];
                by = j;
            }
        }
        return by;
    }

    /** Forced sites open, at most one per group. */
    public boolean feasible(boolean[] open) {
        for (int j = 0; j < sites(); j++) {
            if (forced[j] && !open[j]) return false;
            if (!open[j] || group[j] < 0) continue;
            for (int k = j + 1; k < sites(); k++) {
                if (open[k] && group[k] == group[j]) return false;
            }
        }
        return true;
    }
}
