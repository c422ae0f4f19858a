package org.peerage.planner.attribution;

import java.util.Arrays;

/**
 * An open-addressing hash map from long keys to long sums, for aggregation on the hot path: no boxing, linear
 * probing in two parallel arrays, doubled at half load. The key {@link #EMPTY} (all ones) is reserved.
 */
final class LongLongMap {
    static final long EMPTY = -1L;

    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new long[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    void add(long key, long value) {
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] += value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    long get(long key) {
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != EMPTY) {
                int i = slot(k, mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    int size() {
        return size;
    }

    /** Visits every entry, in no particular order. */
    void forEach(Entry visitor) {
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != EMPTY) {
                visitor.accept(keys[j], values[j]);
            }
        }
    }

    interface Entry {
        void accept(long key, long value);
    }
}
