package org.peerage.policy.bogon;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.IntSort;
import org.peerage.policy.PrefixBits;
import org.peerage.policy.PrefixIndex;

/**
 * Prefixes no route server client should announce, or anything inside them. {@link #defaults()} is the list IXP
 * route servers ship (arouteserver's bogons, IXP Manager's route server filters), each entry with the document that
 * reserves it. IPv6 outside 2000::/3 is left to the caller's "global unicast only" check, but the defaults still
 * carry the well-known ranges out there so that the list stands on its own.
 */
public final class BogonPrefixes {
    /** One bogon range and the reason it is one. */
    public record Entry(Prefix prefix, String reason) {
    }

    private static final List<Entry> DEFAULTS = List.of(
            e("0.0.0.0/8", "\"this network\", RFC 791 / RFC 1122 §3.2.1.3"),
            e("10.0.0.0/8", "private use, RFC 1918"),
            e("100.64.0.0/10", "shared address space (carrier-grade NAT), RFC 6598"),
            e("127.0.0.0/8", "loopback, RFC 1122 §3.2.1.3"),
            e("169.254.0.0/16", "link local, RFC 3927"),
            e("172.16.0.0/12", "private use, RFC 1918"),
            e("192.0.0.0/24", "IETF protocol assignments, RFC 6890"),
            e("192.0.2.0/24", "documentation (TEST-NET-1), RFC 5737"),
            e("192.168.0.0/16", "private use, RFC 1918"),
            e("198.18.0.0/15", "benchmarking, RFC 2544"),
            e("198.51.100.0/24", "documentation (TEST-NET-2), RFC 5737"),
            e("203.0.113.0/24", "documentation (TEST-NET-3), RFC 5737"),
            e("224.0.0.0/4", "multicast, RFC 5771"),
            e("240.0.0.0/4", "reserved for future use, RFC 1112 §4"),
            e("255.255.255.255/32", "limited broadcast, RFC 919 / RFC 8190"),
            e("::/8", "loopback, unspecified and IPv4-compatible/mapped addresses, RFC 4291"),
            e("100::/64", "discard-only, RFC 6666"),
            e("2001:2::/48", "benchmarking, RFC 5180"),
            e("2001:10::/28", "ORCHID (deprecated), RFC 4843"),
            e("2001:db8::/32", "documentation, RFC 3849"),
            e("2002::/16", "6to4, RFC 3056 (its anycast relays deprecated by RFC 7526)"),
            e("3ffe::/16", "6bone (returned), RFC 3701"),
            e("fc00::/7", "unique local addresses, RFC 4193"),
            e("fe80::/10", "link-local unicast, RFC 4291"),
            e("fec0::/10", "site-local unicast (deprecated), RFC 3879"),
            e("ff00::/8", "multicast, RFC 4291"));

    private static final BogonPrefixes DEFAULT = new BogonPrefixes(DEFAULTS);

    private final List<Entry> entries;
    private final PrefixIndex v4;
    private final PrefixIndex v6;
    private final Entry[] byIndex4;
    private final Entry[] byIndex6;

    private BogonPrefixes(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<Entry> four = new ArrayList<>();
        List<Entry> six = new ArrayList<>();
        for (Entry e : entries) {
            (e.prefix().isIpv6() ? six : four).add(e);
        }
        this.byIndex4 = sorted(four);
        this.byIndex6 = sorted(six);
        this.v4 = index(false, byIndex4);
        this.v6 = index(true, byIndex6);
    }

    private static Entry e(String prefix, String reason) {
        return new Entry(Prefix.parse(prefix), reason);
    }

    public static BogonPrefixes defaults() {
        return DEFAULT;
    }

    public static BogonPrefixes of(List<Prefix> prefixes) {
        return new BogonPrefixes(prefixes.stream().map(p -> new Entry(p, "configured")).toList());
    }

    /** Entries with reasons, for a configuration that extends the defaults or a looking glass that explains one. */
    public static BogonPrefixes ofEntries(List<Entry> entries) {
        return new BogonPrefixes(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The bogon entry equal to or covering {@code p} (the shortest one, if several do), or null. */
    public Prefix match(Prefix p) {
        Entry e = matchEntry(p);
        return e == null ? null : e.prefix();
    }

    public Entry matchEntry(Prefix p) {
        PrefixIndex index = p.isIpv6() ? v6 : v4;
        Entry[] byIndex = p.isIpv6() ? byIndex6 : byIndex4;
        int[] found = {-1};
        index.forEachCovering(p, i -> {
            found[0] = i;
            return false;
        });
        return found[0] < 0 ? null : byIndex[found[0]];
    }

    private static Entry[] sorted(List<Entry> list) {
        int n = list.size();
        long[] hi = new long[n];
        long[] lo = new long[n];
        int[] len = new int[n];
        for (int i = 0; i < n; i++) {
            Prefix p = list.get(i).prefix();
            hi[i] = PrefixBits.maskHi(PrefixBits.hi(p), p.length());
            lo[i] = PrefixBits.maskLo(PrefixBits.lo(p), p.length());
            len[i] = p.length();
        }
        int[] order = IntSort.identity(n);
        IntSort.sort(order, 0, n, (a, b) -> PrefixIndex.compare(hi[a], lo[a], len[a], hi[b], lo[b], len[b]));
        Entry[] out = new Entry[n];
        for (int i = 0; i < n; i++) {
            out[i] = list.get(order[i]);
        }
        return out;
    }

    private static PrefixIndex index(boolean ipv6, Entry[] entries) {
        long[] hi = new long[entries.length];
        long[] lo = new long[entries.length];
        byte[] len = new byte[entries.length];
        for (int i = 0; i < entries.length; i++) {
            Prefix p = entries[i].prefix();
            hi[i] = PrefixBits.maskHi(PrefixBits.hi(p), p.length());
            lo[i] = PrefixBits.maskLo(PrefixBits.lo(p), p.length());
            len[i] = (byte) p.length();
        }
        return PrefixIndex.ofSorted(ipv6, hi, ipv6 ? lo : null, len);
    }
}
