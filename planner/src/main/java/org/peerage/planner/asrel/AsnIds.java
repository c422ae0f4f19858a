package org.peerage.planner.asrel;

import java.util.Arrays;

/**
 * AS numbers interned to dense ids 0..size-1, in order of first sight. AS numbers are unsigned 32-bit values held in
 * ints; AS 0 is reserved (RFC 7607) and cannot be interned.
 */
public final class AsnIds {
    private int[] keys = new int[1 << 12];
    private int[] values = new int[1 << 12];
    private int[] asns = new int[1 << 10];
    private int size;

    /** The id of {@code asn}, interning it on first sight. */
    public int intern(int asn) {
        if (asn == 0) {
            throw new IllegalArgumentException("AS 0 is reserved and cannot be interned");
        }
        int i = slot(asn);
        if (keys[i] == asn) {
            return values[i];
        }
        if (size == asns.length) {
            asns = Arrays.copyOf(asns, size * 2);
        }
        asns[size] = asn;
        keys[i] = asn;
        values[i] = size;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The id of {@code asn}, or -1 if it was never interned. */
    public int id(int asn) {
        if (asn == 0) {
            return -1;
        }
        int i = slot(asn);
        return keys[i] == asn ? values[i] : -1;
    }

    /** Where {@code asn} is, or the empty slot where it would go. */
    private int slot(int asn) {
        int mask = keys.length - 1;
        int i = mix(asn) & mask;
        while (keys[i] != 0 && keys[i] != asn) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The AS number (unsigned, in an int) of an id. */
    public int asn(int id) {
        return asns[id];
    }

    public int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
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

    static int mix(int x) {
        x *= 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
