package org.peerage.planner.attribution;

import java.util.Arrays;

/**
 * An open-addressing hash map from long keys to long sums, for aggregation on the hot path: no boxing, linear
 * probing over one array of interleaved key and value (one cache line holds both), doubled at half load. The key
 * {@link #EMPTY} (all ones) is reserved.
 */
final class LongLongMap {
    static final long EMPTY = -1L;

    private long[] slots; // key at 2i, value at 2i + 1
    private int mask; // over slot indexes
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        slots = new long[capacity * 2];
        clearKeys(slots);
        mask = capacity - 1;
    }

    private static void clearKeys(long[] s) {
        for (int i = 0; i < s.length; i += 2) {
            s[i] = EMPTY;
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    void add(long key, long value) {
        long[] s = slots;
        int i = slot(key, mask);
        while (true) {
            long k = s[2 * i];
            if (k == key) {
                s[2 * i + 1] += value;
                return;
            }
            if (k == EMPTY) {
                s[2 * i] = key;
                s[2 * i + 1] = value;
                if (++size * 4 > s.length) { // half of the slots
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Block of {@link #addAll}: as many slots as are read ahead before the first is written. */
    private static final int AHEAD = 32;
    private final int[] ahead = new int[AHEAD];
    /** What the reads ahead loaded (kept so that the JIT does not drop them). */
    private long sink;

    /**
     * Adds {@code values[k]} to {@code keys[k]} for k in {@code [0, n)}, as {@link #add} would one at a time, but
     * faster on a map larger than the caches: the home slots of a block of keys are read first, in a loop without
     * branches, so that their cache misses overlap instead of following one another.
     */
    void addAll(long[] keys, long[] values, int n) {
        int[] home = ahead;
        long loaded = 0;
        for (int from = 0; from < n; from += AHEAD) {
            int to = Math.min(n, from + AHEAD);
            long[] s = slots;
            int m = mask;
            for (int k = from; k < to; k++) {
                int i = slot(keys[k], m);
                home[k - from] = i;
                loaded += s[2 * i];
            }
            for (int k = from; k < to; k++) {
                if (slots == s) {
                    addAt(home[k - from], keys[k], values[k]);
                } else {
                    add(keys[k], values[k]); // grown within the block: the slots read ahead are stale
                }
            }
        }
        sink += loaded;
    }

    private void addAt(int home, long key, long value) {
        long[] s = slots;
        int i = home;
        while (true) {
            long k = s[2 * i];
            if (k == key) {
                s[2 * i + 1] += value;
                return;
            }
            if (k == EMPTY) {
                s[2 * i] = key;
                s[2 * i + 1] = value;
                if (++size * 4 > s.length) { // half of the slots
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    long get(long key) {
        long[] s = slots;
        int i = slot(key, mask);
        while (true) {
            long k = s[2 * i];
            if (k == key) {
                return s[2 * i + 1];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        long[] s = new long[old.length * 2];
        clearKeys(s);
        int m = s.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            long k = old[j];
            if (k != EMPTY) {
                int i = slot(k, m);
                while (s[2 * i] != EMPTY) {
                    i = (i + 1) & m;
                }
                s[2 * i] = k;
                s[2 * i + 1] = old[j + 1];
            }
        }
        slots = s;
        mask = m;
    }

    int size() {
        return size;
    }

    /** Visits every entry, in no particular order. */
    void forEach(Entry visitor) {
        for (int j = 0; j < slots.length; j += 2) {
            if (slots[j] != EMPTY) {
                visitor.accept(slots[j], slots[j + 1]);
            }
        }
    }

    interface Entry {
        void accept(long key, long value);
    }
}
