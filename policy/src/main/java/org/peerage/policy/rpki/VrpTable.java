package org.peerage.policy.rpki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.IntSort;
import org.peerage.policy.PrefixBits;
import org.peerage.policy.PrefixIndex;

/**
 * The VRPs a route server validates against (RFC 6811), immutable, in primitive arrays: about 40 bytes per IPv4
 * VRP, 56 per IPv6 one.
 * VRPs equal in prefix, maxLength and AS are kept once (validators list one per trust anchor or repository copy):
 * the first trust anchor named wins, and the latest expiry, since the payload holds while any copy does.
 */
public final class VrpTable {
    private static final VrpTable EMPTY = of(List.of());

    private final Family v4;
    private final Family v6;

    private VrpTable(Family v4, Family v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    public static VrpTable empty() {
        return EMPTY;
    }

    public static VrpTable of(Collection<Vrp> vrps) {
        List<Vrp> four = new ArrayList<>();
        List<Vrp> six = new ArrayList<>();
        for (Vrp v : vrps) {
            (v.prefix().isIpv6() ? six : four).add(v);
        }
        return new VrpTable(Family.of(false, four), Family.of(true, six));
    }

    /**
     * RFC 6811 §2: VALID if a covering VRP has the route's origin AS and a maxLength of at least the route's
     * length; INVALID if VRPs cover the prefix but none matches; NOT_FOUND if none covers it. A negative
     * {@code originAs} stands for a path ending in an AS_SET, which has no single origin and so matches no VRP.
     * A VRP for AS 0 never matches (RFC 6483 §4): it only makes covered routes INVALID.
     */
    public RovState validate(Prefix prefix, long originAs) {
        Family f = prefix.isIpv6() ? v6 : v4;
        PrefixIndex index = f.index;
        int length = prefix.length();
        long hi = PrefixBits.hi(prefix);
        long lo = PrefixBits.lo(prefix);
        boolean covered = false;
        // No visitor here: this runs for every route a client sends, so it allocates nothing.
        for (int n = index.nextLength(0, length); n >= 0; n = index.nextLength(n + 1, length)) {
            int i = index.find(PrefixBits.maskHi(hi, n), PrefixBits.maskLo(lo, n), n);
            if (i < 0) {
                continue;
            }
            covered = true;
            for (int end = index.runEnd(i); i < end; i++) {
                if (originAs > 0 && f.asn(i) == originAs && length <= f.maxLength(i)) {
                    return RovState.VALID;
                }
            }
        }
        return covered ? RovState.INVALID : RovState.NOT_FOUND;
    }

    /** The VRPs covering the prefix, shortest prefix first: the evidence behind {@link #validate}. */
    public List<Vrp> covering(Prefix prefix) {
        Family f = prefix.isIpv6() ? v6 : v4;
        List<Vrp> out = new ArrayList<>();
        f.index.forEachCovering(prefix, i -> out.add(f.vrp(i)));
        return out;
    }

    public int size() {
        return v4.size() + v6.size();
    }

    /** Every VRP, IPv4 first, each family in prefix order. */
    public List<Vrp> toList() {
        List<Vrp> out = new ArrayList<>(size());
        for (Family f : new Family[] {v4, v6}) {
            for (int i = 0; i < f.size(); i++) {
                out.add(f.vrp(i));
            }
        }
        return out;
    }

    /**
     * The VRP prefixes whose payloads differ between the two tables (added, removed, or a different set of AS and
     * maxLength pairs). A route's state can only change if one of these covers it, so after a reload or an RTR
     * update only routes under these prefixes need revalidating. Ordered by family, then address and length.
     */
    public static Set<Prefix> changedCoverage(VrpTable before, VrpTable after) {
        Set<Prefix> out = new LinkedHashSet<>();
        diff(before.v4, after.v4, out);
        diff(before.v6, after.v6, out);
        return out;
    }

    private static void diff(Family a, Family b, Set<Prefix> out) {
        int i = 0, j = 0;
        PrefixIndex x = a.index, y = b.index;
        while (i < x.size() || j < y.size()) {
            int c;
            if (i >= x.size()) {
                c = 1;
            } else if (j >= y.size()) {
                c = -1;
            } else {
                c = PrefixIndex.compare(x.hi(i), x.lo(i), x.length(i), y.hi(j), y.lo(j), y.length(j));
            }
            if (c < 0) {
                out.add(x.prefix(i));
                i = x.runEnd(i);
            } else if (c > 0) {
                out.add(y.prefix(j));
                j = y.runEnd(j);
            } else {
                int ie = x.runEnd(i), je = y.runEnd(j);
                boolean same = ie - i == je - j;
                for (int k = 0; same && k < ie - i; k++) {
                    same = a.asn(i + k) == b.asn(j + k) && a.maxLength(i + k) == b.maxLength(j + k);
                }
                if (!same) {
                    out.add(x.prefix(i));
                }
                i = ie;
                j = je;
            }
        }
    }

    /** One address family: the prefixes and, in the same order, the payload columns. */
    private static final class Family {
        final PrefixIndex index;
        final int[] asn;
        final byte[] maxLength;
        final short[] ta;
        final long[] expires;
        final String[] taNames;

        private Family(PrefixIndex index, int[] asn, byte[] maxLength, short[] ta, long[] expires,
                String[] taNames) {
            this.index = index;
            this.asn = asn;
            this.maxLength = maxLength;
            this.ta = ta;
            this.expires = expires;
            this.taNames = taNames;
        }

        static Family of(boolean ipv6, List<Vrp> vrps) {
            int n = vrps.size();
            long[] hi = new long[n];
            long[] lo = new long[n];
            byte[] len = new byte[n];
            for (int i = 0; i < n; i++) {
                Prefix p = vrps.get(i).prefix();
                hi[i] = PrefixBits.maskHi(PrefixBits.hi(p), p.length());
                lo[i] = PrefixBits.maskLo(PrefixBits.lo(p), p.length());
                len[i] = (byte) p.length();
            }
            int[] order = IntSort.identity(n);
            IntSort.sort(order, 0, n, (a, b) -> {
                int c = PrefixIndex.compare(hi[a], lo[a], len[a] & 0xFF, hi[b], lo[b], len[b] & 0xFF);
                if (c != 0) return c;
                c = Long.compare(vrps.get(a).asn(), vrps.get(b).asn());
                return c != 0 ? c : Integer.compare(vrps.get(a).maxLength(), vrps.get(b).maxLength());
            });
            Map<String, Short> taIds = new HashMap<>();
            List<String> taNames = new ArrayList<>();
            long[] sh = new long[n];
            long[] sl = new long[n];
            byte[] sn = new byte[n];
            int[] asn = new int[n];
            byte[] max = new byte[n];
            short[] ta = new short[n];
            long[] exp = new long[n];
            int k = 0;
            for (int idx : order) {
                Vrp v = vrps.get(idx);
                if (k > 0 && sh[k - 1] == hi[idx] && sl[k - 1] == lo[idx] && sn[k - 1] == len[idx]
                        && asn[k - 1] == (int) v.asn() && (max[k - 1] & 0xFF) == v.maxLength()) {
                    // The same payload again: it stays valid as long as the longest-lived copy.
                    exp[k - 1] = exp[k - 1] == 0 || v.expires() == 0 ? 0 : Math.max(exp[k - 1], v.expires());
                    continue;
                }
                sh[k] = hi[idx];
                sl[k] = lo[idx];
                sn[k] = len[idx];
                asn[k] = (int) v.asn();
                max[k] = (byte) v.maxLength();
                String name = v.trustAnchor() == null ? "" : v.trustAnchor();
                ta[k] = taIds.computeIfAbsent(name, t -> {
                    taNames.add(t);
                    return (short) (taNames.size() - 1);
                });
                exp[k] = v.expires();
                k++;
            }
            PrefixIndex index = PrefixIndex.ofSorted(ipv6, java.util.Arrays.copyOf(sh, k),
                    ipv6 ? java.util.Arrays.copyOf(sl, k) : null, java.util.Arrays.copyOf(sn, k));
            return new Family(index, java.util.Arrays.copyOf(asn, k), java.util.Arrays.copyOf(max, k),
                    java.util.Arrays.copyOf(ta, k), java.util.Arrays.copyOf(exp, k), taNames.toArray(String[]::new));
        }

        int size() {
            return asn.length;
        }

        long asn(int i) {
            return asn[i] & 0xFFFF_FFFFL;
        }

        int maxLength(int i) {
            return maxLength[i] & 0xFF;
        }

        Vrp vrp(int i) {
            return new Vrp(index.prefix(i), maxLength(i), asn(i), taNames[ta[i]], expires[i]);
        }
    }
}
