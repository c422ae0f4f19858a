package org.peerage.routeserver.export;

import java.util.Arrays;

/**
 * Per prefix slot, the serial of the {@link ExportForm} that most receivers were sent: the best path's form towards
 * a client that no control community names. Receivers keep only where they differ from it ({@link AdjRibOut}), so
 * what the route server remembers of its exports grows with the exceptions (a client's own prefixes, paths hidden
 * from someone), not with receivers × prefixes. Changed only by an {@link ExportRound}.
 */
public final class CommonSent {
    private int[] serials = new int[0];

    public int get(int slot) {
        return slot < serials.length ? serials[slot] : 0;
    }

    void set(int slot, int serial) {
        if (slot >= serials.length) {
            if (serial == 0) return;
            serials = Arrays.copyOf(serials, Math.max(slot + 1, serials.length + (serials.length >> 1) + 16));
        }
        serials[slot] = serial;
    }
}
