package org.peerage.planner.asrel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;

/**
 * The customer cone of every AS: the AS itself and the ASes it reaches following provider-to-customer links. Two
 * constructions: {@link #recursive} (the closure of the inferred p2c links) and {@link #providerPeerObserved} (CAIDA's
 * "ppdc": only the ASes actually seen behind the AS in paths it announced to a provider or a peer, which leaves out
 * customers' other providers' customers that routes never show going through it).
 *
 * <p>Compact: the cone ASes sorted, and one int array holding every cone's members sorted, sliced by offsets.
 * Membership is a binary search. AS numbers are unsigned 32-bit values given and returned as longs.
 */
public final class CustomerCones {
    /** Cone ASes as sign-flipped ints (so signed order is unsigned AS order). */
    private final int[] asns;
    private final int[] start;
    /** Each cone's members without the cone AS itself, sign-flipped, sorted. */
    private final int[] members;

    private CustomerCones(int[] asns, int[] start, int[] members) {
        this.asns = asns;
        this.start = start;
        this.members = members;
    }

    /** Cones as given (e.g. read from a ppdc-ases file); the cone AS in its own list is dropped. */
    public static CustomerCones of(Map<Long, long[]> cones) {
        long[] keys = cones.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] asns = new int[keys.length];
        int[] start = new int[keys.length + 1];
        int total = 0;
        for (long[] m : cones.values()) total += m.length;
        int[] members = new int[total];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            AsRelationships.checkAsn(keys[i]);
            asns[i] = flip(keys[i]);
            int from = n;
            for (long m : cones.get(keys[i])) {
                AsRelationships.checkAsn(m);
                if (m != keys[i]) members[n++] = flip(m);
            }
            Arrays.sort(members, from, n);
            n = dedupe(members, from, n);
            start[i + 1] = n;
        }
        return new CustomerCones(asns, start, Arrays.copyOf(members, n));
    }

    /** The recursive customer closure of the p2c links: every AS below, whatever the paths showed. */
    public static CustomerCones recursive(AsRelationships rels) {
        AsRelationships.Adjacency adj = rels.adjacency();
        int n = adj.asns.length;
        int[] start = new int[n + 1];
        IntBuffer out = new IntBuffer();
        int[] visited = new int[n];
        int[] stack = new int[Math.max(16, n)];
        int[] found = new int[n];
        for (int x = 0; x < n; x++) {
            int epoch = x + 1;
            int sp = 0;
            int count = 0;
            stack[sp++] = x;
            visited[x] = epoch;
            while (sp > 0) {
                int y = stack[--sp];
                for (int j = adj.start[y]; j < adj.start[y + 1]; j++) {
                    int c = adj.nbr[j];
                    if (visited[c] == epoch || adj.relationship(y, j) != Relationship.P2C) continue;
                    visited[c] = epoch;
                    found[count++] = c;
                    stack[sp++] = c;
                }
            }
            // Indexes are in AS order already, so sorting indexes sorts AS numbers.
            Arrays.sort(found, 0, count);
            for (int i = 0; i < count; i++) out.add(adj.asns[found[i]]);
            start[x + 1] = out.size;
        }
        return new CustomerCones(adj.asns.clone(), start, out.toArray());
    }

    /**
     * CAIDA's provider/peer observed cone: for every path where AS Y announced the route to a provider or a peer
     * (the link to its left is p2c from the left or p2p), the ASes after Y as long as the links keep going down
     * (p2c). Every AS of {@code rels} has a cone (possibly only itself).
     */
    public static CustomerCones providerPeerObserved(PathSet paths, AsRelationships rels) {
        AsRelationships.Adjacency adj = rels.adjacency();
        int n = adj.asns.length;
        int[] flat = paths.flat();
        int positions = paths.positions();
        AsnIds ids = paths.asnIds();
        // Per path AS id: its index in rels (-1 if absent).
        int[] index = new int[ids.size()];
        for (int id = 0; id < ids.size(); id++) index[id] = adj.index(Integer.toUnsignedLong(ids.asn(id)));
        // Per position, the link to the next AS: 1 down (left is provider), 2 up, 3 peer, 0 none or path end.
        byte[] relAt = new byte[positions];
        BitSet starts = new BitSet(positions + 1);
        starts.set(positions);
        int[] occCount = new int[n + 1];
        for (int p = 0; p < paths.size(); p++) {
            int s = paths.start(p);
            int e = s + paths.length(p);
            starts.set(s);
            for (int i = s; i < e; i++) {
                int x = index[flat[i]];
                if (x >= 0) occCount[x]++;
                if (i + 1 < e) {
                    Relationship r = rels.relationship(Integer.toUnsignedLong(ids.asn(flat[i])),
                            Integer.toUnsignedLong(ids.asn(flat[i + 1])));
                    relAt[i] = switch (r) {
                        case P2C -> 1;
                        case C2P -> 2;
                        case P2P -> 3;
                        case NONE -> 0;
                    };
                }
            }
        }
        int[] occStart = new int[n + 1];
        for (int x = 0; x < n; x++) occStart[x + 1] = occStart[x] + occCount[x];
        int[] occPos = new int[occStart[n]];
        int[] fill = Arrays.copyOf(occStart, n);
        for (int p = 0; p < paths.size(); p++) {
            int s = paths.start(p);
            int e = s + paths.length(p);
            for (int i = s; i < e; i++) {
                int x = index[flat[i]];
                if (x >= 0) occPos[fill[x]++] = i;
            }
        }
        int[] start = new int[n + 1];
        IntBuffer out = new IntBuffer();
        int[] seen = new int[n];
        int[] found = new int[n];
        for (int y = 0; y < n; y++) {
            int epoch = y + 1;
            seen[y] = epoch;
            int count = 0;
            for (int j = occStart[y]; j < occStart[y + 1]; j++) {
                int pos = occPos[j];
                if (starts.get(pos)) continue; // the VP announced it to the collector, not to a provider or peer
                byte left = relAt[pos - 1];
                if (left != 1 && left != 3) continue;
                for (int k = pos; relAt[k] == 1 && !starts.get(k + 1); k++) {
                    int c = index[flat[k + 1]];
                    if (c >= 0 && seen[c] != epoch) {
                        seen[c] = epoch;
                        found[count++] = c;
                    }
                }
            }
            Arrays.sort(found, 0, count);
            for (int i = 0; i < count; i++) out.add(adj.asns[found[i]]);
            start[y + 1] = out.size;
        }
        return new CustomerCones(adj.asns.clone(), start, out.toArray());
    }

    /** Whether {@code asn} is in the cone of {@code cone} (an AS is always in its own cone). */
    public boolean contains(long cone, long asn) {
        if (cone == asn) return true;
        int i = find(cone);
        return i >= 0 && Arrays.binarySearch(members, start[i], start[i + 1], flip(asn)) >= 0;
    }

    /** The cone's size, the AS itself included (1 for an AS without customers or not known). */
    public int size(long cone) {
        int i = find(cone);
        return i < 0 ? 1 : start[i + 1] - start[i] + 1;
    }

    /** The cone's members without the AS itself, ascending. */
    public long[] members(long cone) {
        int i = find(cone);
        if (i < 0) return new long[0];
        long[] out = new long[start[i + 1] - start[i]];
        for (int j = 0; j < out.length; j++) out[j] = unflip(members[start[i] + j]);
        return out;
    }

    /** Prefixes originated inside the cone (the AS's own and its members'), in prefix order. */
    public List<Prefix> prefixes(long cone, PrefixOrigins origins) {
        List<Prefix> out = new ArrayList<>(origins.prefixesOf(cone));
        for (long m : members(cone)) out.addAll(origins.prefixesOf(m));
        out.sort(null);
        List<Prefix> distinct = new ArrayList<>(out.size());
        for (Prefix p : out) {
            if (distinct.isEmpty() || !distinct.getLast().equals(p)) distinct.add(p);
        }
        return distinct;
    }

    /** ASes with a cone. */
    public int count() {
        return asns.length;
    }

    /** The i-th cone AS, ascending. */
    public long coneAs(int i) {
        return unflip(asns[i]);
    }

    /** Sum of member counts (the cone ASes themselves not counted). */
    public long totalMembers() {
        return members.length;
    }

    private int find(long asn) {
        if (asn <= 0 || asn > 0xFFFF_FFFFL) return -1;
        int i = Arrays.binarySearch(asns, flip(asn));
        return i < 0 ? -1 : i;
    }

    private static int flip(long asn) {
        return (int) asn ^ Integer.MIN_VALUE;
    }

    private static long unflip(int v) {
        return Integer.toUnsignedLong(v ^ Integer.MIN_VALUE);
    }

    private static int dedupe(int[] a, int from, int to) {
        int n = from;
        for (int i = from; i < to; i++) {
            if (n == from || a[n - 1] != a[i]) a[n++] = a[i];
        }
        return n;
    }

    private static final class IntBuffer {
        int[] data = new int[1024];
        int size;

        void add(int v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
