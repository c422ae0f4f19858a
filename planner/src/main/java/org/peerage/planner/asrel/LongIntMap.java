package org.peerage.planner.asrel;

/** Open-addressing map from non-zero longs (packed AS id pairs and triples) to ints. */
final class LongIntMap {
    static final int MISSING = Integer.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
    }

    int get(long key) {
        int i = slot(key);
        return key != 0 && keys[i] == key ? values[i] : MISSING; // 0 marks empty slots: never a key
    }

    /** The value of {@code key}; if absent, stores {@code value} and returns {@link #MISSING}. */
    int putIfAbsent(long key, int value) {
        check(key);
        int i = slot(key);
        if (keys[i] == key) {
            return values[i];
        }
        insert(i, key, value);
        return MISSING;
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0); returns the new value. */
    int add(long key, int delta) {
        check(key);
        int i = slot(key);
        if (keys[i] == key) {
            return values[i] += delta;
        }
        insert(i, key, delta);
        return delta;
    }

    /** Where {@code key} is, or the empty slot where it would go. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void insert(int i, long key, int value) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** Calls {@code visitor} for each entry, in no particular order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    interface Visitor {
        void visit(long key, int value);
    }

    private static void check(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is the empty marker");
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 29) ^ (x >>> 47));
    }
}
