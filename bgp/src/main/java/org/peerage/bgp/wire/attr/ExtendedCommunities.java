package org.peerage.bgp.wire.attr;

import java.util.Arrays;

/** EXTENDED_COMMUNITIES (RFC 4360): 8-octet values (type, subtype, value) kept as longs in received order. */
public record ExtendedCommunities(int flags, long[] values) implements PathAttribute {
    public ExtendedCommunities {
        values = values.clone();
    }

    public static ExtendedCommunities of(long... values) {
        return new ExtendedCommunities(AttributeType.EXTENDED_COMMUNITIES.category().flags(), values);
    }

    @Override
    public int typeCode() {
        return AttributeType.EXTENDED_COMMUNITIES.code();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public long get(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedCommunities c && c.flags == flags && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(values);
    }
}
