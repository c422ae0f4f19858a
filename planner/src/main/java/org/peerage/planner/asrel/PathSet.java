package org.peerage.planner.asrel;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Distinct sanitised AS paths, each once: AS numbers interned to ids ({@link AsnIds}) and every path a slice of one
 * int array. Index 0 of a path is the vantage point (the collector peer that reported it), the last is the origin.
 * Also remembers which vantage points reported RIB dumps (full or partial tables) rather than updates.
 */
public final class PathSet {
    private final AsnIds asns = new AsnIds();
    private int[] flat = new int[1 << 16];
    private int used;
    private int[] starts = new int[1 << 12];
    private int[] hashes = new int[1 << 12];
    private int count;
    private int[] table = new int[1 << 13]; // path index + 1, 0 = empty
    private int[] scratch = new int[256];
    private final BitSet ribVantagePoints = new BitSet();
    private long offered;

    /**
     * Adds a sanitised path (AS numbers, vantage point first).
     *
     * @param fromRib whether it comes from a RIB dump (the vantage point's table) rather than an update
     * @return true if the path was new
     */
    public boolean add(int[] path, int length, boolean fromRib) {
        if (length < 2) {
            throw new IllegalArgumentException("a path needs two ASes to hold a link");
        }
        offered++;
        if (scratch.length < length) {
            scratch = new int[length];
        }
        int h = 1;
        for (int i = 0; i < length; i++) {
            int id = asns.intern(path[i]);
            scratch[i] = id;
            h = 31 * h + id;
        }
        h = AsnIds.mix(h);
        if (fromRib) {
            ribVantagePoints.set(scratch[0]);
        }
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            int p = table[slot] - 1;
            if (hashes[p] == h && equal(p, scratch, length)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        while (used + length > flat.length) {
            flat = Arrays.copyOf(flat, flat.length * 2);
        }
        if (count + 2 > starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        System.arraycopy(scratch, 0, flat, used, length);
        starts[count] = used;
        hashes[count] = h;
        used += length;
        starts[count + 1] = used;
        table[slot] = count + 1;
        count++;
        if (count * 2 > table.length) {
            rehash();
        }
        return true;
    }

    /** Counts a repeat of a path already added, without looking it up. */
    public void countAgain() {
        offered++;
    }

    /** Adds a path of AS numbers given as longs, already sanitised (for tests and text input). */
    public boolean add(boolean fromRib, long... path) {
        int[] p = new int[path.length];
        for (int i = 0; i < path.length; i++) {
            p[i] = (int) path[i];
        }
        return add(p, p.length, fromRib);
    }

    private boolean equal(int p, int[] ids, int length) {
        int s = starts[p];
        if (starts[p + 1] - s != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (flat[s + i] != ids[i]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int p = 0; p < count; p++) {
            int slot = hashes[p] & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = p + 1;
        }
    }

    /** Distinct paths. */
    public int size() {
        return count;
    }

    /** Paths added, repeats included. */
    public long offered() {
        return offered;
    }

    public int length(int path) {
        return starts[path + 1] - starts[path];
    }

    /** The AS number (unsigned, in an int) at position i of a path. */
    public int asn(int path, int i) {
        return asns.asn(flat[starts[path] + i]);
    }

    /** ASes seen. */
    public int asCount() {
        return asns.size();
    }

    /** AS numbers held in all paths, ASes counted at every position. */
    public int positions() {
        return used;
    }

    AsnIds asnIds() {
        return asns;
    }

    int[] flat() {
        return flat;
    }

    int start(int path) {
        return starts[path];
    }

    boolean ribVantagePoint(int id) {
        return ribVantagePoints.get(id);
    }

    /** Approximate heap held, in bytes. */
    public long memoryBytes() {
        return 4L * (flat.length + starts.length + hashes.length + table.length) + 12L * asns.size() * 2;
    }
}
