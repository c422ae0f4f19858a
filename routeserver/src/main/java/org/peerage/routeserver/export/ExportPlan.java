package org.peerage.routeserver.export;

import java.util.Arrays;

/**
 * What one receiver (without ADD-PATH) must be sent for a batch of prefix slots, in primitive arrays: per batch
 * position the serial of the form to announce, {@link #WITHDRAW}, or {@link #UNCHANGED}. Two receivers with equal
 * plans and sending contexts get the same bytes, so the plan is also the key that shares one encoding.
 */
public final class ExportPlan {
    public static final int UNCHANGED = -1;
    public static final int WITHDRAW = 0;

    final int[] serials;
    final ExportForm[] forms;
    private int routes;
    private int hash;

    ExportPlan(int size) {
        serials = new int[size];
        forms = new ExportForm[size];
        Arrays.fill(serials, UNCHANGED);
    }

    void withdraw(int i) {
        serials[i] = WITHDRAW;
        routes++;
    }

    void announce(int i, ExportForm form) {
        serials[i] = form.serial();
        forms[i] = form;
        routes++;
    }

    /** Routes announced or withdrawn. */
    public int routeCount() {
        return routes;
    }

    public boolean isEmpty() {
        return routes == 0;
    }

    int size() {
        return serials.length;
    }

    @Override
    public int hashCode() {
        if (hash == 0) hash = Arrays.hashCode(serials) | 1;
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportPlan p && p.hashCode() == hashCode() && Arrays.equals(p.serials, serials);
    }
}
