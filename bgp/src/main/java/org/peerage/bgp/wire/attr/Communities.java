package org.peerage.bgp.wire.attr;

import java.util.Arrays;

/** COMMUNITIES (RFC 1997): 32-bit values, high half the AS, kept in received order. */
public record Communities(int flags, int[] values) implements PathAttribute {
    public static final int NO_EXPORT = 0xFFFFFF01;
    public static final int NO_ADVERTISE = 0xFFFFFF02;
    public static final int NO_EXPORT_SUBCONFED = 0xFFFFFF03;
    public static final int NO_PEER = 0xFFFFFF04;
    public static final int GRACEFUL_SHUTDOWN = 0xFFFF0000;
    public static final int BLACKHOLE = 0xFFFF029A;

    public Communities {
        values = values.clone();
    }

    public static Communities of(int... values) {
        return new Communities(AttributeType.COMMUNITIES.category().flags(), values);
    }

    @Override
    public int typeCode() {
        return AttributeType.COMMUNITIES.code();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public int get(int i) {
        return values[i];
    }

    public boolean contains(int community) {
        for (int v : values) {
            if (v == community) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Communities c && c.flags == flags && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(v >>> 16).append(':').append(v & 0xFFFF);
        }
        return sb.toString();
    }
}
