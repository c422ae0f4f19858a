package org.peerage.routeserver.export;

import java.util.Arrays;

/**
 * What one receiver was last sent, per prefix slot: the serial of the {@link ExportForm} (0: nothing), or, for an
 * ADD-PATH receiver, each path identifier with its form. Lets the route server send only differences.
 */
public final class AdjRibOut {
    private static final long[] NONE = new long[0];
    private int[] sent = new int[0];
    private long[][] paths = new long[0][];

    public int sent(int slot) {
        return slot < sent.length ? sent[slot] : 0;
    }

    public void setSent(int slot, int serial) {
        if (slot >= sent.length) {
            if (serial == 0) return;
            sent = Arrays.copyOf(sent, Math.max(slot + 1, sent.length + (sent.length >> 1) + 16));
        }
        sent[slot] = serial;
    }

    /** ADD-PATH: the (path id &lt;&lt; 32 | form serial) entries sent for a slot, by ascending path id. */
    public long[] paths(int slot) {
        long[] p = slot < paths.length ? paths[slot] : null;
        return p == null ? NONE : p;
    }

    public void setPaths(int slot, long[] entries) {
        if (slot >= paths.length) {
            if (entries.length == 0) return;
            paths = Arrays.copyOf(paths, Math.max(slot + 1, paths.length + (paths.length >> 1) + 16));
        }
        paths[slot] = entries.length == 0 ? null : entries;
    }

    /** Prefixes announced to the receiver. */
    public int count() {
        int n = 0;
        for (int s : sent) if (s != 0) n++;
        for (long[] p : paths) if (p != null) n++;
        return n;
    }

    public void clear() {
        sent = new int[0];
        paths = new long[0][];
    }
}
