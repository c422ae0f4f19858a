package org.peerage.policy.bogon;

import java.util.List;

/**
 * AS numbers that must not appear in a route's AS_PATH at an IXP: reserved, private, documentation and AS_TRANS.
 * {@link #defaults()} is the IANA special-purpose AS number registry as route servers apply it.
 */
public final class BogonAsns {
    /** An inclusive range of AS numbers and why it is a bogon. */
    public record Range(long first, long last, String reason) {
    }

    private static final List<Range> DEFAULTS = List.of(
            new Range(0, 0, "reserved, RFC 7607"),
            new Range(23456, 23456, "AS_TRANS, RFC 6793"),
            new Range(64496, 64511, "documentation, RFC 5398"),
            new Range(64512, 65534, "private use, RFC 6996"),
            new Range(65535, 65535, "reserved, RFC 7300"),
            new Range(65536, 65551, "documentation, RFC 5398"),
            new Range(65552, 131071, "reserved, IANA"),
            new Range(4200000000L, 4294967294L, "private use, RFC 6996"),
            new Range(4294967295L, 4294967295L, "reserved, RFC 7300"));

    private static final BogonAsns DEFAULT = new BogonAsns(DEFAULTS);

    private final long[] first;
    private final long[] last;
    private final String[] reason;

    private BogonAsns(List<Range> ranges) {
        List<Range> sorted = ranges.stream().sorted((a, b) -> Long.compare(a.first(), b.first())).toList();
        first = sorted.stream().mapToLong(Range::first).toArray();
        last = sorted.stream().mapToLong(Range::last).toArray();
        reason = sorted.stream().map(Range::reason).toArray(String[]::new);
        for (int i = 0; i < first.length; i++) {
            if (first[i] > last[i] || (i > 0 && first[i] <= last[i - 1])) {
                throw new IllegalArgumentException("AS ranges must be ordered and must not overlap: " + sorted.get(i));
            }
        }
    }

    public static BogonAsns defaults() {
        return DEFAULT;
    }

    public static BogonAsns of(List<Range> ranges) {
        return new BogonAsns(ranges);
    }

    public boolean isBogon(long asn) {
        return find(asn) >= 0;
    }

    /** Why {@code asn} is a bogon, or null if it is not one. */
    public String why(long asn) {
        int i = find(asn);
        return i < 0 ? null : reason[i];
    }

    private int find(long asn) {
        int lowIdx = 0, highIdx = first.length - 1;
        while (lowIdx <= highIdx) {
            int mid = (lowIdx + highIdx) >>> 1;
            if (asn < first[mid]) {
                highIdx = mid - 1;
            } else if (asn > last[mid]) {
                lowIdx = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
