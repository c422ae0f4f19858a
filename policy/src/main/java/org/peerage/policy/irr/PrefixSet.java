package org.peerage.policy.irr;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.IntSort;
import org.peerage.policy.PrefixBits;
import org.peerage.policy.PrefixIndex;

/**
 * The route objects a client may announce from, IPv4 and IPv6, in primitive arrays sorted by prefix (the order
 * bgpq4 prints). One prefix may be registered by several route objects (other origins, other sources): all are
 * kept as evidence, and {@link #size()} counts prefixes.
 */
public final class PrefixSet {
    private static final PrefixSet EMPTY = new PrefixSet(Family.EMPTY4, Family.EMPTY6, new String[0]);

    private final Family v4;
    private final Family v6;
    private final String[] sources;

    private PrefixSet(Family v4, Family v6, String[] sources) {
        this.v4 = v4;
        this.v6 = v6;
        this.sources = sources;
    }

    public static PrefixSet empty() {
        return EMPTY;
    }

    /** A set from route objects given directly (tests, configuration). */
    public static PrefixSet of(List<RouteObject> routes) {
        List<String> names = new ArrayList<>();
        Columns c4 = new Columns(false);
        Columns c6 = new Columns(true);
        for (RouteObject r : routes) {
            int src = names.indexOf(r.source());
            if (src < 0) {
                names.add(r.source());
                src = names.size() - 1;
            }
            Prefix p = r.prefix();
            (p.isIpv6() ? c6 : c4).add(PrefixBits.maskHi(PrefixBits.hi(p), p.length()),
                    PrefixBits.maskLo(PrefixBits.lo(p), p.length()), p.length(), (int) r.origin(), (short) src);
        }
        return new PrefixSet(c4.build(), c6.build(), names.toArray(String[]::new));
    }

    static PrefixSet of(Columns c4, Columns c6, String[] sources) {
        return new PrefixSet(c4.build(), c6.build(), sources);
    }

    public boolean containsExact(Prefix p) {
        return family(p).index.find(p) >= 0;
    }

    /**
     * True if {@code p} equals or is more specific than a registered prefix and is no longer than
     * {@code maxLength}: the usual IRR filter with more specifics allowed up to a limit (say /24 and /48).
     */
    public boolean containsOrLonger(Prefix p, int maxLength) {
        return p.length() <= maxLength && !family(p).index.forEachCovering(p, i -> false);
    }

    /** The route objects whose prefix equals or covers {@code p}, shortest first. */
    public List<RouteObject> covering(Prefix p) {
        Family f = family(p);
        List<RouteObject> out = new ArrayList<>();
        f.index.forEachCovering(p, i -> out.add(f.route(i, sources)));
        return out;
    }

    /** Distinct prefixes, IPv4 and IPv6. */
    public int size() {
        return v4.distinct + v6.distinct;
    }

    /** Distinct prefixes of one family, in address then length order. */
    public List<Prefix> prefixes(boolean ipv6) {
        Family f = ipv6 ? v6 : v4;
        List<Prefix> out = new ArrayList<>(f.distinct);
        for (int i = 0; i < f.index.size(); i = f.index.runEnd(i)) {
            out.add(f.index.prefix(i));
        }
        return out;
    }

    /** Every route object, IPv4 then IPv6, in prefix order. */
    public List<RouteObject> routeObjects() {
        List<RouteObject> out = new ArrayList<>(v4.index.size() + v6.index.size());
        for (Family f : new Family[] {v4, v6}) {
            for (int i = 0; i < f.index.size(); i++) {
                out.add(f.route(i, sources));
            }
        }
        return out;
    }

    private Family family(Prefix p) {
        return p.isIpv6() ? v6 : v4;
    }

    /** One family: prefixes with the origin and source of the route object in the same order. */
    private record Family(PrefixIndex index, int[] origin, short[] source, int distinct) {
        static final Family EMPTY4 = new Columns(false).build();
        static final Family EMPTY6 = new Columns(true).build();

        RouteObject route(int i, String[] sources) {
            return new RouteObject(index.prefix(i), origin[i] & 0xFFFF_FFFFL, sources[source[i]]);
        }
    }

    /** Unsorted route object columns on their way into a set. */
    static final class Columns {
        private final boolean ipv6;
        private int n;
        private long[] hi = new long[16];
        private long[] lo = new long[16];
        private byte[] len = new byte[16];
        private int[] origin = new int[16];
        private short[] src = new short[16];

        Columns(boolean ipv6) {
            this.ipv6 = ipv6;
        }

        void add(long h, long l, int length, int asn, short source) {
            if (n == hi.length) {
                int cap = n * 2;
                hi = java.util.Arrays.copyOf(hi, cap);
                lo = java.util.Arrays.copyOf(lo, cap);
                len = java.util.Arrays.copyOf(len, cap);
                origin = java.util.Arrays.copyOf(origin, cap);
                src = java.util.Arrays.copyOf(src, cap);
            }
            hi[n] = h;
            lo[n] = l;
            len[n] = (byte) length;
            origin[n] = asn;
            src[n] = source;
            n++;
        }

        Family build() {
            int[] order = IntSort.identity(n);
            IntSort.sort(order, 0, n, (a, b) -> {
                int c = PrefixIndex.compare(hi[a], lo[a], len[a] & 0xFF, hi[b], lo[b], len[b] & 0xFF);
                if (c != 0) return c;
                c = Integer.compareUnsigned(origin[a], origin[b]);
                return c != 0 ? c : Short.compare(src[a], src[b]);
            });
            long[] sh = new long[n];
            long[] sl = new long[n];
            byte[] sn = new byte[n];
            int[] so = new int[n];
            short[] ss = new short[n];
            int k = 0;
            int distinct = 0;
            for (int idx : order) {
                boolean samePrefix = k > 0 && sh[k - 1] == hi[idx] && sl[k - 1] == lo[idx] && sn[k - 1] == len[idx];
                if (samePrefix && so[k - 1] == origin[idx] && ss[k - 1] == src[idx]) {
                    continue;
                }
                if (!samePrefix) {
                    distinct++;
                }
                sh[k] = hi[idx];
                sl[k] = lo[idx];
                sn[k] = len[idx];
                so[k] = origin[idx];
                ss[k] = src[idx];
                k++;
            }
            PrefixIndex index = PrefixIndex.ofSorted(ipv6, java.util.Arrays.copyOf(sh, k),
                    ipv6 ? java.util.Arrays.copyOf(sl, k) : null, java.util.Arrays.copyOf(sn, k));
            return new Family(index, java.util.Arrays.copyOf(so, k), java.util.Arrays.copyOf(ss, k), distinct);
        }
    }
}
