package org.peerage.registry.store;

import java.util.Arrays;

/** A growable array of longs: ids and digests without a boxed Long each. */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
