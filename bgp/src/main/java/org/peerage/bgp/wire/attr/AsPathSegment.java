package org.peerage.bgp.wire.attr;

import java.util.Arrays;

/** One AS_PATH segment; AS numbers are unsigned 32-bit values held in ints. */
public record AsPathSegment(SegmentType type, int[] asns) {
    public AsPathSegment {
        if (asns.length == 0 || asns.length > 255) {
            throw new IllegalArgumentException("an AS_PATH segment holds 1 to 255 AS numbers, not " + asns.length);
        }
        asns = asns.clone();
    }

    public static AsPathSegment sequence(long... asns) {
        return new AsPathSegment(SegmentType.AS_SEQUENCE, toInts(asns));
    }

    public static AsPathSegment set(long... asns) {
        return new AsPathSegment(SegmentType.AS_SET, toInts(asns));
    }

    private static int[] toInts(long[] asns) {
        int[] a = new int[asns.length];
        for (int i = 0; i < asns.length; i++) {
            a[i] = (int) asns[i];
        }
        return a;
    }

    @Override
    public int[] asns() {
        return asns.clone();
    }

    public int size() {
        return asns.length;
    }

    public long asn(int i) {
        return asns[i] & 0xFFFF_FFFFL;
    }

    /** The path length this segment contributes to best-path selection (RFC 4271 §9.1.2.2, RFC 5065 §5.3). */
    public int pathLength() {
        return type.isConfederation() ? 0 : type.isSet() ? 1 : asns.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPathSegment s && s.type == type && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(asns);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String open = switch (type) {
            case AS_SET -> "{";
            case AS_CONFED_SEQUENCE -> "(";
            case AS_CONFED_SET -> "[";
            case AS_SEQUENCE -> "";
        };
        sb.append(open);
        for (int i = 0; i < asns.length; i++) {
            if (i > 0) sb.append(type.isSet() ? ',' : ' ');
            sb.append(asn(i));
        }
        sb.append(switch (type) {
            case AS_SET -> "}";
            case AS_CONFED_SEQUENCE -> ")";
            case AS_CONFED_SET -> "]";
            case AS_SEQUENCE -> "";
        });
        return sb.toString();
    }
}
