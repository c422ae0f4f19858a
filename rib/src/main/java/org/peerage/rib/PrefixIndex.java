package org.peerage.rib;

import java.util.Arrays;
import org.peerage.bgp.wire.Prefix;

/**
 * Prefixes to dense slot numbers, so that per-prefix data lives in arrays indexed by slot. An open-addressing table
 * over primitive keys (address as two longs, length and family in an int): no object per prefix. Linear probing
 * with backward-shift deletion; freed slots are reused.
 */
public final class PrefixIndex {
    private static final int EMPTY = -1;

    private int[] table;           // position -> slot, or EMPTY
    private int mask;
    private long[] hi = new long[1024];
    private long[] lo = new long[1024];
    private int[] meta = new int[1024]; // length | 0x100 for IPv6; -1 for a free slot
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slots;
    private int size;

    public PrefixIndex() {
        table = new int[1 << 12];
        Arrays.fill(table, EMPTY);
        mask = table.length - 1;
    }

    public int size() {
        return size;
    }

    /** Exclusive upper bound of the slot numbers handed out so far. */
    public int slotLimit() {
        return slots;
    }

    /** The slot of a prefix, or -1. */
    public int get(Prefix p) {
        long h = high(p);
        long l = low(p);
        int m = meta(p);
        for (int pos = hash(h, l, m) & mask; ; pos = (pos + 1) & mask) {
            int s = table[pos];
            if (s == EMPTY) return -1;
            if (hi[s] == h && lo[s] == l && meta[s] == m) return s;
        }
    }

    /** The slot of a prefix, adding it if absent. */
    public int add(Prefix p) {
        long h = high(p);
        long l = low(p);
        int m = meta(p);
        int pos = hash(h, l, m) & mask;
        for (; ; pos = (pos + 1) & mask) {
            int s = table[pos];
            if (s == EMPTY) break;
            if (hi[s] == h && lo[s] == l && meta[s] == m) return s;
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slots++;
        if (slot == hi.length) {
            int n = hi.length * 2;
            hi = Arrays.copyOf(hi, n);
            lo = Arrays.copyOf(lo, n);
            meta = Arrays.copyOf(meta, n);
        }
        hi[slot] = h;
        lo[slot] = l;
        meta[slot] = m;
        table[pos] = slot;
        if (++size * 2 > table.length) {
            grow();
        }
        return slot;
    }

    /** Removes a prefix; returns its former slot, or -1. The slot number may be handed out again. */
    public int remove(Prefix p) {
        int slot = get(p);
        if (slot < 0) return -1;
        int pos = positionOf(slot);
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int next = (pos + 1) & mask;
        while (table[next] != EMPTY) {
            int s = table[next];
            int home = hash(hi[s], lo[s], meta[s]) & mask;
            if (((next - home) & mask) >= ((next - pos) & mask)) {
                table[pos] = s;
                pos = next;
            }
            next = (next + 1) & mask;
        }
        table[pos] = EMPTY;
        meta[slot] = -1;
        if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        freeSlots[freeCount++] = slot;
        size--;
        return slot;
    }

    /** The prefix in a slot (allocates; for output, not for the hot path). */
    public Prefix prefix(int slot) {
        int m = meta[slot];
        if (m < 0) return null;
        boolean v6 = (m & 0x100) != 0;
        int length = m & 0xFF;
        byte[] bytes = new byte[(length + 7) / 8];
        for (int i = 0; i < bytes.length; i++) {
            long word = i < 8 ? hi[slot] : lo[slot];
            bytes[i] = (byte) (word >>> (56 - 8 * (i % 8)));
        }
        return Prefix.of(v6, length, bytes);
    }

    public boolean isIpv6(int slot) {
        return (meta[slot] & 0x100) != 0;
    }

    private int positionOf(int slot) {
        for (int pos = hash(hi[slot], lo[slot], meta[slot]) & mask; ; pos = (pos + 1) & mask) {
            if (table[pos] == slot) return pos;
        }
    }

    private void grow() {
        int[] old = table;
        table = new int[old.length * 2];
        Arrays.fill(table, EMPTY);
        mask = table.length - 1;
        for (int s : old) {
            if (s == EMPTY) continue;
            int pos = hash(hi[s], lo[s], meta[s]) & mask;
            while (table[pos] != EMPTY) pos = (pos + 1) & mask;
            table[pos] = s;
        }
    }

    /**
     * MurmurHash3's 64-bit finaliser over the key: every input bit reaches the low bits the table uses. (A plain
     * multiply did not: an IPv4 address sits in the high word, and its low bits came only from the address's last
     * bits, zero for every /24, so /24s landed on one position in 256 and probe runs grew long.)
     */
    private static int hash(long h, long l, int m) {
        long x = h ^ Long.rotateLeft(l, 32) * 0x9E3779B97F4A7C15L ^ (long) m << 40;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return (int) x;
    }

    /** Address bits 0-63, host bits cleared: 10.0.0.1/8 and 10.0.0.0/8 are one prefix (RFC 4271 §4.3). */
    private static long high(Prefix p) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (i < p.byteCount() ? p.byteAt(i) & 0xFF : 0);
        int keep = Math.min(p.length(), 64);
        return keep == 0 ? 0 : v & (-1L << (64 - keep));
    }

    private static long low(Prefix p) {
        long v = 0;
        for (int i = 8; i < 16; i++) v = (v << 8) | (i < p.byteCount() ? p.byteAt(i) & 0xFF : 0);
        int keep = p.length() - 64;
        return keep <= 0 ? 0 : v & (-1L << (64 - keep));
    }

    private static int meta(Prefix p) {
        return p.length() | (p.isIpv6() ? 0x100 : 0);
    }
}
