package org.peerage.bgp.wire.attr;

import java.util.Arrays;

/**
 * LARGE_COMMUNITY (RFC 8092): (global administrator, local data 1, local data 2), each an unsigned 32-bit value;
 * held flat as three ints per community in received order.
 */
public record LargeCommunities(int flags, int[] triples) implements PathAttribute {
    public LargeCommunities {
        if (triples.length % 3 != 0) {
            throw new IllegalArgumentException("large communities come in threes, got " + triples.length + " ints");
        }
        triples = triples.clone();
    }

    public static LargeCommunities of(int... triples) {
        return new LargeCommunities(AttributeType.LARGE_COMMUNITY.category().flags(), triples);
    }

    @Override
    public int typeCode() {
        return AttributeType.LARGE_COMMUNITY.code();
    }

    @Override
    public int[] triples() {
        return triples.clone();
    }

    public int size() {
        return triples.length / 3;
    }

    public long globalAdmin(int i) {
        return triples[3 * i] & 0xFFFF_FFFFL;
    }

    public long localData1(int i) {
        return triples[3 * i + 1] & 0xFFFF_FFFFL;
    }

    public long localData2(int i) {
        return triples[3 * i + 2] & 0xFFFF_FFFFL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LargeCommunities c && c.flags == flags && Arrays.equals(c.triples, triples);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(triples);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            if (i > 0) sb.append(' ');
            sb.append(globalAdmin(i)).append(':').append(localData1(i)).append(':').append(localData2(i));
        }
        return sb.toString();
    }
}
