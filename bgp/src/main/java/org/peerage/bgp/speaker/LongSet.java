package org.peerage.bgp.speaker;

import java.util.Arrays;

/** An open-addressing set of longs (linear probing, backward-shift deletion); {@code Long.MIN_VALUE} is not allowed. */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = new long[16];
    private int size;

    boolean add(long key) {
        if (size * 2 >= slots.length) grow();
        int mask = slots.length - 1;
        int i = index(key, mask);
        while (slots[i] != EMPTY) {
            if (slots[i] == key) return false;
            i = (i + 1) & mask;
        }
        slots[i] = key;
        size++;
        return true;
    }

    boolean remove(long key) {
        int mask = slots.length - 1;
        int i = index(key, mask);
        while (slots[i] != key) {
            if (slots[i] == EMPTY) return false;
            i = (i + 1) & mask;
        }
        // Backward shift: move later members of the run into the hole when their home allows it.
        int hole = i;
        int j = (i + 1) & mask;
        while (slots[j] != EMPTY) {
            int home = index(slots[j], mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                slots[hole] = slots[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        slots[hole] = EMPTY;
        size--;
        return true;
    }

    boolean contains(long key) {
        int mask = slots.length - 1;
        for (int i = index(key, mask); slots[i] != EMPTY; i = (i + 1) & mask) {
            if (slots[i] == key) return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    void clear() {
        slots = new long[16];
        Arrays.fill(slots, EMPTY);
        size = 0;
    }

    LongSet() {
        Arrays.fill(slots, EMPTY);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long k : old) {
            if (k == EMPTY) continue;
            int i = index(k, mask);
            while (slots[i] != EMPTY) i = (i + 1) & mask;
            slots[i] = k;
        }
    }

    private static int index(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
