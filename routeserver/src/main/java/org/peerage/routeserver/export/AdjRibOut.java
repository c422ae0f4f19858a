package org.peerage.routeserver.export;

import com.carrotsearch.hppc.IntIntHashMap;
import java.util.Arrays;

/**
 * What one receiver was last sent, per prefix slot: the serial of the {@link ExportForm} (0: nothing), or, for an
 * ADD-PATH receiver, each path identifier with its form. Lets the route server send only differences.
 *
 * <p>Kept relative to {@link CommonSent}: a bit per slot says "sent the common form", and only a form other than
 * that is stored, in a primitive map. Before the common form of a slot changes, a receiver that is not given the
 * new one in the same round {@linkplain #keep keeps} the old one as its own.
 */
public final class AdjRibOut {
    private static final long[] NONE = new long[0];
    private final CommonSent common;
    private long[] followsCommon = NONE;
    private final IntIntHashMap differs = new IntIntHashMap();
    private long[][] paths = new long[0][];

    public AdjRibOut(CommonSent common) {
        this.common = common;
    }

    public int sent(int slot) {
        return follows(slot) ? common.get(slot) : differs.getOrDefault(slot, 0);
    }

    /** Notes {@code serial} as sent for a slot whose common form is (or is about to be) {@code commonSerial}. */
    void record(int slot, int serial, int commonSerial) {
        if (serial != 0 && serial == commonSerial) {
            if (follows(slot)) return;
            int w = slot >>> 6;
            if (w >= followsCommon.length) {
                followsCommon = Arrays.copyOf(followsCommon,
                        Math.max(w + 1, followsCommon.length + (followsCommon.length >> 2) + 16));
            }
            followsCommon[w] |= 1L << slot;
            if (!differs.isEmpty()) differs.remove(slot);
            return;
        }
        if (follows(slot)) followsCommon[slot >>> 6] &= ~(1L << slot);
        if (serial == 0) {
            if (!differs.isEmpty()) differs.remove(slot);
        } else {
            differs.put(slot, serial);
        }
    }

    /** The common form of a slot is about to change: what this receiver was sent stays as it was. */
    void keep(int slot) {
        if (!follows(slot)) return;
        followsCommon[slot >>> 6] &= ~(1L << slot);
        differs.put(slot, common.get(slot));
    }

    private boolean follows(int slot) {
        int w = slot >>> 6;
        return w < followsCommon.length && (followsCommon[w] & 1L << slot) != 0;
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

    /** Slots where what the receiver was sent is not the common form (what its memory grows with). */
    int exceptions() {
        return differs.size();
    }

    /** Prefixes announced to the receiver. */
    public int count() {
        int n = differs.size();
        for (int w = 0; w < followsCommon.length; w++) {
            for (long bits = followsCommon[w]; bits != 0; bits &= bits - 1) {
                if (common.get((w << 6) + Long.numberOfTrailingZeros(bits)) != 0) n++;
            }
        }
        for (long[] p : paths) if (p != null) n++;
        return n;
    }

    public void clear() {
        followsCommon = NONE;
        differs.release();
        paths = new long[0][];
    }
}
