package org.peerage.planner.asrel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AS links and their relationships, inferred or read from a CAIDA file: compact (one long key and three bytes a
 * link, sorted), immutable. AS numbers are unsigned 32-bit values, given and returned as longs. Each link records
 * the inference step that set it (0 when read from a file) and a source label (serial-2's column, e.g. "bgp").
 */
public final class AsRelationships {
    static final byte FIRST_PROVIDER = 1;
    static final byte SECOND_PROVIDER = 2;
    static final byte PEER = 3;

    /** Sorted keys: (lower AS << 32 | higher AS) with the sign bit flipped, so signed order is unsigned order. */
    private final long[] keys;
    private final byte[] rel;
    private final byte[] step;
    private final byte[] source;
    private final List<String> sources;
    private final long[] clique;
    private volatile Adjacency adjacency;

    private AsRelationships(long[] keys, byte[] rel, byte[] step, byte[] source, List<String> sources, long[] clique) {
        this.keys = keys;
        this.rel = rel;
        this.step = step;
        this.source = source;
        this.sources = List.copyOf(sources);
        this.clique = clique;
    }

    /** Collects links; {@link #build()} sorts them and rejects a link given two different relationships. */
    public static final class Builder {
        private long[] keys = new long[1024];
        private byte[] rel = new byte[1024];
        private byte[] step = new byte[1024];
        private byte[] source = new byte[1024];
        private final List<String> sources = new ArrayList<>();
        private final Map<String, Integer> sourceIds = new HashMap<>();
        private long[] clique = new long[0];
        private int size;

        /**
         * @param relationship from {@code a}'s point of view (P2C: a is b's provider)
         * @param source serial-2 source label, or null
         */
        public Builder add(long a, long b, Relationship relationship, int step, String source) {
            checkAsn(a);
            checkAsn(b);
            if (a == b) {
                throw new IllegalArgumentException("a link needs two different ASes: " + a);
            }
            if (relationship == Relationship.NONE) {
                throw new IllegalArgumentException("no relationship given for " + a + "|" + b);
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                rel = Arrays.copyOf(rel, size * 2);
                this.step = Arrays.copyOf(this.step, size * 2);
                this.source = Arrays.copyOf(this.source, size * 2);
            }
            boolean aFirst = a < b;
            keys[size] = key(Math.min(a, b), Math.max(a, b));
            rel[size] = switch (relationship) {
                case P2C -> aFirst ? FIRST_PROVIDER : SECOND_PROVIDER;
                case C2P -> aFirst ? SECOND_PROVIDER : FIRST_PROVIDER;
                default -> PEER;
            };
            this.step[size] = (byte) step;
            int s = 0;
            if (source != null) {
                Integer id = sourceIds.get(source);
                if (id == null) {
                    if (sources.size() == 127) {
                        throw new IllegalArgumentException("more than 127 distinct sources");
                    }
                    sources.add(source);
                    id = sources.size();
                    sourceIds.put(source, id);
                }
                s = id;
            }
            this.source[size] = (byte) s;
            size++;
            return this;
        }

        public Builder clique(long... asns) {
            clique = asns.clone();
            Arrays.sort(clique);
            return this;
        }

        public AsRelationships build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
            long[] k = new long[size];
            byte[] r = new byte[size];
            byte[] st = new byte[size];
            byte[] so = new byte[size];
            int n = 0;
            for (int i : order) {
                if (n > 0 && k[n - 1] == keys[i]) {
                    if (r[n - 1] != rel[i]) {
                        long key = keys[i] ^ Long.MIN_VALUE;
                        throw new IllegalArgumentException("two relationships given for AS" + (key >>> 32) + "-AS"
                                + (key & 0xFFFF_FFFFL));
                    }
                    continue;
                }
                k[n] = keys[i];
                r[n] = rel[i];
                st[n] = step[i];
                so[n] = source[i];
                n++;
            }
            return new AsRelationships(Arrays.copyOf(k, n), Arrays.copyOf(r, n), Arrays.copyOf(st, n),
                    Arrays.copyOf(so, n), sources, clique);
        }
    }

    static void checkAsn(long asn) {
        if (asn <= 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an AS number: " + asn);
        }
    }

    private static long key(long lo, long hi) {
        return ((lo << 32) | hi) ^ Long.MIN_VALUE;
    }

    /** Links. */
    public int size() {
        return keys.length;
    }

    /** The lower AS number of link i (links are in order of (lower, higher)). */
    public long first(int i) {
        return (keys[i] ^ Long.MIN_VALUE) >>> 32;
    }

    /** The higher AS number of link i. */
    public long second(int i) {
        return (keys[i] ^ Long.MIN_VALUE) & 0xFFFF_FFFFL;
    }

    /** Link i's relationship from {@link #first(int)}'s point of view. */
    public Relationship relationship(int i) {
        return switch (rel[i]) {
            case FIRST_PROVIDER -> Relationship.P2C;
            case SECOND_PROVIDER -> Relationship.C2P;
            default -> Relationship.P2P;
        };
    }

    /** The inference step that set link i (see {@link AsRelInference.Step}), 0 if read from a file. */
    public int step(int i) {
        return step[i];
    }

    /** Link i's source label, or null. */
    public String source(int i) {
        return source[i] == 0 ? null : sources.get(source[i] - 1);
    }

    /** The relationship of {@code a} to {@code b} (P2C: a is b's provider), NONE if they have no link. */
    public Relationship relationship(long a, long b) {
        if (a == b || a <= 0 || b <= 0 || a > 0xFFFF_FFFFL || b > 0xFFFF_FFFFL) {
            return Relationship.NONE;
        }
        int i = Arrays.binarySearch(keys, key(Math.min(a, b), Math.max(a, b)));
        if (i < 0) {
            return Relationship.NONE;
        }
        Relationship r = relationship(i);
        return a < b ? r : r.reverse();
    }

    /** The inferred clique at the top of the hierarchy (Tier-1 ASes), sorted. */
    public long[] clique() {
        return clique.clone();
    }

    public boolean inClique(long asn) {
        return Arrays.binarySearch(clique, asn) >= 0;
    }

    public int p2cCount() {
        int c = 0;
        for (byte r : rel) if (r != PEER) c++;
        return c;
    }

    public int p2pCount() {
        return size() - p2cCount();
    }

    /** ASes on at least one link. */
    public int asCount() {
        return adjacency().asns.length;
    }

    /** Every AS on a link, ascending. */
    public long[] ases() {
        int[] a = adjacency().asns;
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) out[i] = Integer.toUnsignedLong(a[i] ^ Integer.MIN_VALUE);
        return out;
    }

    public long[] providers(long asn) {
        return neighbours(asn, Relationship.C2P);
    }

    public long[] customers(long asn) {
        return neighbours(asn, Relationship.P2C);
    }

    public long[] peers(long asn) {
        return neighbours(asn, Relationship.P2P);
    }

    /** Neighbours to which {@code asn} stands in {@code relationship} (P2C: its customers), ascending. */
    public long[] neighbours(long asn, Relationship relationship) {
        Adjacency adj = adjacency();
        int x = adj.index(asn);
        if (x < 0) return new long[0];
        long[] out = new long[adj.start[x + 1] - adj.start[x]];
        int n = 0;
        for (int j = adj.start[x]; j < adj.start[x + 1]; j++) {
            if (adj.relationship(x, j) == relationship) {
                out[n++] = Integer.toUnsignedLong(adj.asns[adj.nbr[j]] ^ Integer.MIN_VALUE);
            }
        }
        return Arrays.copyOf(out, n);
    }

    Adjacency adjacency() {
        Adjacency a = adjacency;
        if (a == null) {
            a = new Adjacency(this);
            adjacency = a;
        }
        return a;
    }

    /** Per-AS neighbour lists: ASes in unsigned order as sign-flipped ints, neighbours as indexes into them. */
    static final class Adjacency {
        final int[] asns;
        final int[] start;
        final int[] nbr;
        final int[] link;
        private final AsRelationships rels;

        Adjacency(AsRelationships rels) {
            this.rels = rels;
            int m = rels.size();
            int[] all = new int[2 * m];
            for (int i = 0; i < m; i++) {
                all[2 * i] = (int) rels.first(i) ^ Integer.MIN_VALUE;
                all[2 * i + 1] = (int) rels.second(i) ^ Integer.MIN_VALUE;
            }
            Arrays.sort(all);
            int n = 0;
            for (int i = 0; i < all.length; i++) {
                if (n == 0 || all[n - 1] != all[i]) all[n++] = all[i];
            }
            asns = Arrays.copyOf(all, n);
            start = new int[n + 1];
            int[] first = new int[m];
            int[] second = new int[m];
            for (int i = 0; i < m; i++) {
                first[i] = Arrays.binarySearch(asns, (int) rels.first(i) ^ Integer.MIN_VALUE);
                second[i] = Arrays.binarySearch(asns, (int) rels.second(i) ^ Integer.MIN_VALUE);
                start[first[i] + 1]++;
                start[second[i] + 1]++;
            }
            for (int x = 0; x < n; x++) start[x + 1] += start[x];
            nbr = new int[2 * m];
            link = new int[2 * m];
            int[] fill = Arrays.copyOf(start, n);
            for (int i = 0; i < m; i++) {
                int j = fill[first[i]]++;
                nbr[j] = second[i];
                link[j] = i;
                int k = fill[second[i]]++;
                nbr[k] = first[i];
                link[k] = i;
            }
        }

        int index(long asn) {
            if (asn <= 0 || asn > 0xFFFF_FFFFL) return -1;
            int i = Arrays.binarySearch(asns, (int) asn ^ Integer.MIN_VALUE);
            return i < 0 ? -1 : i;
        }

        long asn(int x) {
            return Integer.toUnsignedLong(asns[x] ^ Integer.MIN_VALUE);
        }

        /** The relationship of AS x to its j-th adjacency entry's neighbour. */
        Relationship relationship(int x, int j) {
            int i = link[j];
            Relationship r = rels.relationship(i);
            return rels.first(i) == asn(x) ? r : r.reverse();
        }
    }
}
