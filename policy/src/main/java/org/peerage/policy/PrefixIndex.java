package org.peerage.policy;

import org.peerage.bgp.wire.Prefix;

/**
 * The prefixes of one address family in primitive arrays, sorted by address then length, with the lookups the
 * policy tables need: an exact match and every entry covering a prefix. Covering entries are found by one binary
 * search per prefix length present in the table (a table uses few distinct lengths), so a lookup allocates nothing.
 * Equal prefixes may repeat; they sit next to each other, and tables keep their payload in arrays of the same order.
 */
public final class PrefixIndex {
    /** Visits one entry; returns false to stop the walk. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(int index);
    }

    private final boolean ipv6;
    private final long[] hi;
    private final long[] lo; // null for IPv4, whose addresses fit in hi
    private final byte[] len;
    private final long[] lengths = new long[3]; // bit n set: some entry is /n (0..128)
    // Per prefix length, the distinct prefixes of that length (their words, sorted) and the index of each one's
    // first entry: an exact lookup searches a short, dense array instead of the whole table, which is what makes
    // a lookup over all present lengths cheap (most binary search steps stay in cache).
    private final long[][] hiByLength = new long[129][];
    private final long[][] loByLength;
    private final int[][] firstByLength = new int[129][];

    private PrefixIndex(boolean ipv6, long[] hi, long[] lo, byte[] len) {
        this.ipv6 = ipv6;
        this.hi = hi;
        this.lo = lo;
        this.len = len;
        int[] count = new int[129];
        for (int i = 0; i < len.length; i++) {
            int n = len[i] & 0xFF;
            lengths[n >>> 6] |= 1L << (n & 63);
            if (i == 0 || !samePrefix(i - 1, i)) {
                count[n]++;
            }
        }
        loByLength = lo == null ? null : new long[129][];
        for (int n = 0; n <= 128; n++) {
            if (count[n] > 0) {
                hiByLength[n] = new long[count[n]];
                firstByLength[n] = new int[count[n]];
                if (lo != null) {
                    loByLength[n] = new long[count[n]];
                }
            }
        }
        int[] fill = new int[129];
        for (int i = 0; i < len.length; i++) {
            if (i > 0 && samePrefix(i - 1, i)) {
                continue;
            }
            int n = len[i] & 0xFF;
            int k = fill[n]++;
            hiByLength[n][k] = hi[i];
            firstByLength[n][k] = i;
            if (lo != null) {
                loByLength[n][k] = lo[i];
            }
        }
    }

    /** Wraps arrays already sorted by {@link #compare}; {@code lo} may be null for IPv4. The arrays are kept. */
    public static PrefixIndex ofSorted(boolean ipv6, long[] hi, long[] lo, byte[] len) {
        for (int i = 1; i < len.length; i++) {
            if (compare(hi[i - 1], lo == null ? 0 : lo[i - 1], len[i - 1] & 0xFF, hi[i], lo == null ? 0 : lo[i],
                    len[i] & 0xFF) > 0) {
                throw new IllegalArgumentException("prefixes not sorted at index " + i);
            }
        }
        return new PrefixIndex(ipv6, hi, ipv6 ? (lo == null ? new long[hi.length] : lo) : null, len);
    }

    public static int compare(long h1, long l1, int n1, long h2, long l2, int n2) {
        int c = Long.compareUnsigned(h1, h2);
        if (c != 0) return c;
        c = Long.compareUnsigned(l1, l2);
        return c != 0 ? c : Integer.compare(n1, n2);
    }

    public boolean isIpv6() {
        return ipv6;
    }

    public int size() {
        return len.length;
    }

    public long hi(int i) {
        return hi[i];
    }

    public long lo(int i) {
        return lo == null ? 0 : lo[i];
    }

    public int length(int i) {
        return len[i] & 0xFF;
    }

    public Prefix prefix(int i) {
        return PrefixBits.toPrefix(ipv6, hi[i], lo(i), length(i));
    }

    /** True if entry i and entry j hold the same prefix. */
    public boolean samePrefix(int i, int j) {
        return hi[i] == hi[j] && lo(i) == lo(j) && len[i] == len[j];
    }

    /** The first index holding exactly this prefix, or -1. */
    public int find(long h, long l, int length) {
        long[] his = hiByLength[length];
        if (his == null) {
            return -1;
        }
        long[] los = loByLength == null ? null : loByLength[length];
        int lowIdx = 0, highIdx = his.length - 1;
        while (lowIdx <= highIdx) {
            int mid = (lowIdx + highIdx) >>> 1;
            int c = Long.compareUnsigned(his[mid], h);
            if (c == 0 && los != null) {
                c = Long.compareUnsigned(los[mid], l);
            }
            if (c < 0) {
                lowIdx = mid + 1;
            } else if (c > 0) {
                highIdx = mid - 1;
            } else {
                return firstByLength[length][mid];
            }
        }
        return -1;
    }

    public int find(Prefix p) {
        int n = p.length();
        return p.isIpv6() != ipv6 ? -1 : find(PrefixBits.maskHi(PrefixBits.hi(p), n), PrefixBits.maskLo(PrefixBits.lo(p), n), n);
    }

    /** The index after the run of entries equal to entry i. */
    public int runEnd(int i) {
        int j = i + 1;
        while (j < len.length && samePrefix(i, j)) {
            j++;
        }
        return j;
    }

    /** The smallest prefix length present in the table that is at least {@code from} and at most {@code max}, or -1. */
    public int nextLength(int from, int max) {
        for (int n = from; n <= max; ) {
            long bits = lengths[n >>> 6] >>> (n & 63);
            if (bits != 0) {
                int found = n + Long.numberOfTrailingZeros(bits);
                return found <= max ? found : -1;
            }
            n = (n | 63) + 1;
        }
        return -1;
    }

    /**
     * Visits every entry equal to or covering the prefix {@code h:l/length}, shortest first.
     *
     * @return false if the visitor stopped the walk
     */
    public boolean forEachCovering(long h, long l, int length, Visitor visitor) {
        for (int word = 0; word <= (length >>> 6); word++) {
            long bits = lengths[word];
            int top = Math.min(63, length - word * 64);
            if (top < 63) {
                bits &= (1L << (top + 1)) - 1;
            }
            while (bits != 0) {
                int n = word * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = find(PrefixBits.maskHi(h, n), PrefixBits.maskLo(l, n), n);
                if (i >= 0) {
                    for (int end = runEnd(i); i < end; i++) {
                        if (!visitor.visit(i)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    public boolean forEachCovering(Prefix p, Visitor visitor) {
        return p.isIpv6() != ipv6 || forEachCovering(PrefixBits.hi(p), PrefixBits.lo(p), p.length(), visitor);
    }
}
