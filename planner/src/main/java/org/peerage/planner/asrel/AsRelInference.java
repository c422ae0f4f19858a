package org.peerage.planner.asrel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * AS relationship inference from BGP AS paths after Luckie, Huffaker, Dhamdhere, Giotsas and claffy, "AS
 * Relationships, Customer Cones, and Validation" (IMC 2013), the method behind CAIDA's serial-1 data. Paths are read
 * vantage point (VP) first, origin last; in a valley-free path every link left of the top goes up (customer to
 * provider) and every link right of it goes down.
 *
 * <ol>
 *   <li>Rank ASes by transit degree (neighbours seen on either side of the AS inside a path), then node degree, then
 *   AS number. Infer the clique: the maximal clique with the largest transit degree sum among the top ten (Bron and
 *   Kerbosch), extended by lower-ranked ASes linked to every member, then the best maximal clique of that set. Two
 *   candidates are not joined when a third passes one's routes to the other in paths with more than two distinct
 *   ASes behind (a sign the third is a provider). Paths where two clique ASes are separated by a non-clique AS are
 *   poisoned and discarded; degrees are recomputed without them.</li>
 *   <li>Step 1: clique members peer. Step 2: visiting ASes top-down (clique first, then by rank), each AS X takes as
 *   providers the neighbours Y that pass its routes to their own provider or peer (path "Z Y X" with Z a provider or
 *   peer of Y), or that give it routes learnt from a clique peer in more than two paths ("X Y Z", Z a peer of
 *   Y).</li>
 *   <li>Step 3: a VP of a RIB dump whose paths reach fewer than 1/50 of the ASes exports only customer and peer
 *   routes: in its three-AS paths "VP Y Z" with Z a stub, Y is Z's provider. Step 4: provider to larger customer
 *   (links missed by step 2 because the customer ranks above its provider). Step 5: provider-less networks with a
 *   transit degree of at least 10 peer with the ASes above them and are providers of those below. Step 6: a stub
 *   linked to a clique AS is its customer. Step 8: every link left is peer to peer.</li>
 * </ol>
 *
 * No p2c link is set that would make a provider its own indirect customer (a cycle), and a clique AS is never a
 * customer. Simplifications against CAIDA's script are listed in docs/asrel.md (no step 7 "fold p2p links", triplet
 * counts taken over distinct paths rather than every RIB entry, no IANA assignment list).
 */
public final class AsRelInference {
    /** Inference steps, numbered as CAIDA numbers them in its serial-1 files since 2022. */
    public enum Step {
        CLIQUE(1, "set peering in clique"),
        PROVIDERS(2, "initial provider assignment"),
        STUB_PARTIAL_VP(3, "providers for stub ASes #1"),
        LARGER_CUSTOMER(4, "provider to larger customer"),
        PROVIDER_LESS(5, "provider-less networks"),
        STUB_CLIQUE(6, "c2p for stub-clique relationships"),
        REMAINING_P2P(8, "everything else is p2p");

        public final int number;
        public final String description;

        Step(int number, String description) {
            this.number = number;
            this.description = description;
        }

        public static Step of(int number) {
            for (Step s : values()) {
                if (s.number == number) return s;
            }
            return null;
        }
    }

    /**
     * Tunables; {@link #DEFAULTS} are the paper's.
     *
     * @param clique a clique to use instead of inferring one (CAIDA has passed a fixed one since 2016), or null
     * @param cliqueCandidates how many top-ranked ASes the first clique is sought among
     * @param tripletThreshold evidence needed: distinct ASes behind a triplet (clique) and distinct paths (steps 2, 4)
     * @param partialVpDivisor a RIB VP reaching fewer than 1/divisor of the ASes is a partial VP (step 3)
     * @param providerLessMinTransit transit degree from which a provider-less AS is handled by step 5
     */
    public record Options(long[] clique, int cliqueCandidates, int tripletThreshold, int partialVpDivisor,
                          int providerLessMinTransit) {
        public static final Options DEFAULTS = new Options(null, 10, 3, 50, 10);

        public Options withClique(long... asns) {
            return new Options(asns, cliqueCandidates, tripletThreshold, partialVpDivisor, providerLessMinTransit);
        }
    }

    /** ASes in top-down order with their degrees (clique first). */
    public record Ranking(long[] asns, int[] transitDegree, int[] nodeDegree) {
    }

    /** The outcome, with the figures a summary prints. */
    public record Result(AsRelationships relationships, Ranking ranking, int paths, int poisonedPaths,
                         Map<Step, Integer> linksPerStep, long nanos) {
        public int ases() {
            return ranking.asns().length;
        }
    }

    private AsRelInference() {
    }

    public static Result infer(PathSet paths) {
        return infer(paths, Options.DEFAULTS);
    }

    public static Result infer(PathSet paths, Options options) {
        long start = System.nanoTime();
        Topology first = new Topology(paths, new BitSet());
        boolean[] clique = new boolean[first.n];
        int[] cliqueIds;
        if (options.clique() != null) {
            cliqueIds = Arrays.stream(options.clique()).mapToInt(a -> paths.asnIds().id((int) a))
                    .filter(id -> id >= 0).toArray();
        } else {
            cliqueIds = Clique.infer(first, rank(first, null), options);
        }
        for (int id : cliqueIds) clique[id] = true;
        BitSet poisoned = poisoned(paths, clique);
        Topology t = poisoned.isEmpty() ? first : new Topology(paths, poisoned);
        int[] order = rank(t, clique);
        State s = new State(t, clique, order, options);
        s.run();

        AsRelationships.Builder b = new AsRelationships.Builder();
        for (int l = 0; l < t.m; l++) {
            long x = Integer.toUnsignedLong(t.asn(t.la[l]));
            long y = Integer.toUnsignedLong(t.asn(t.lb[l]));
            Relationship r = switch (s.rel[l]) {
                case AsRelationships.FIRST_PROVIDER -> Relationship.P2C;
                case AsRelationships.SECOND_PROVIDER -> Relationship.C2P;
                default -> Relationship.P2P;
            };
            b.add(x, y, r, s.step[l], "bgp");
        }
        long[] cliqueAsns = new long[cliqueIds.length];
        for (int i = 0; i < cliqueIds.length; i++) cliqueAsns[i] = Integer.toUnsignedLong(t.asn(cliqueIds[i]));
        b.clique(cliqueAsns);
        long[] asns = new long[order.length];
        int[] td = new int[order.length];
        int[] deg = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            asns[i] = Integer.toUnsignedLong(t.asn(order[i]));
            td[i] = t.transitDegree[order[i]];
            deg[i] = t.degree[order[i]];
        }
        Map<Step, Integer> perStep = new EnumMap<>(Step.class);
        for (Step st : Step.values()) perStep.put(st, s.perStep[st.number]);
        return new Result(b.build(), new Ranking(asns, td, deg), paths.size(), poisoned.cardinality(), perStep,
                System.nanoTime() - start);
    }

    /** Active ASes (on a link) in top-down order: clique first, then transit degree, node degree, AS number. */
    static int[] rank(Topology t, boolean[] clique) {
        List<Integer> ids = new ArrayList<>();
        for (int x = 0; x < t.n; x++) {
            if (t.degree[x] > 0) ids.add(x);
        }
        Comparator<Integer> c = Comparator.comparingInt((Integer x) -> clique != null && clique[x] ? 0 : 1)
                .thenComparingInt(x -> -t.transitDegree[x])
                .thenComparingInt(x -> -t.degree[x])
                .thenComparing(x -> t.asn(x), Integer::compareUnsigned);
        ids.sort(c);
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Paths where a clique AS follows a non-clique AS that follows a clique AS. */
    static BitSet poisoned(PathSet paths, boolean[] clique) {
        BitSet out = new BitSet();
        int[] flat = paths.flat();
        for (int p = 0; p < paths.size(); p++) {
            int s = paths.start(p);
            int e = s + paths.length(p);
            boolean seen = false;
            for (int i = s; i < e; i++) {
                if (clique[flat[i]]) {
                    if (seen && !clique[flat[i - 1]]) {
                        out.set(p);
                        break;
                    }
                    seen = true;
                }
            }
        }
        return out;
    }

    /** Clique inference among the top of the ranking. */
    static final class Clique {
        private Clique() {
        }

        static int[] infer(Topology t, int[] order, Options o) {
            int k = Math.min(o.cliqueCandidates(), order.length);
            int[] candidates = Arrays.copyOf(order, k);
            int[] c1 = best(t, candidates, o);
            if (c1.length == 0) return c1;
            List<Integer> grown = new ArrayList<>();
            for (int x : c1) grown.add(x);
            boolean[] in = new boolean[t.n];
            for (int x : c1) in[x] = true;
            for (int i = k; i < order.length && grown.size() < 63; i++) {
                int x = order[i];
                if (in[x]) continue;
                if (t.degree[x] < grown.size()) break;
                if (joins(t, grown, x, o)) {
                    grown.add(x);
                    in[x] = true;
                }
            }
            return best(t, grown.stream().mapToInt(Integer::intValue).toArray(), o);
        }

        /** Can x join the clique: linked to every member, no member passing x's routes to another member. */
        private static boolean joins(Topology t, List<Integer> members, int x, Options o) {
            for (int y : members) {
                if (t.link(x, y) < 0) return false;
            }
            boolean[] inSet = new boolean[t.n];
            for (int y : members) inSet[y] = true;
            Map<Long, int[]> trip = triplets(t, x, inSet, o.tripletThreshold());
            for (int[] behind : trip.values()) {
                if (behind[0] >= o.tripletThreshold()) return false;
            }
            return true;
        }

        /**
         * For paths "Z Y X W" with Z and Y in the set: per (Z, Y), how many distinct W (capped at the threshold).
         * Value [0] is the count, then the distinct W seen.
         */
        private static Map<Long, int[]> triplets(Topology t, int x, boolean[] inSet, int cap) {
            Map<Long, int[]> out = new HashMap<>();
            for (int j = t.occStart[x]; j < t.occStart[x + 1]; j++) {
                int pos = t.occPos[j];
                if (!t.hasLeft(pos) || !t.hasLeft(pos - 1) || !t.hasRight(pos)) continue;
                int y = t.flat[pos - 1];
                int z = t.flat[pos - 2];
                if (!inSet[y] || !inSet[z]) continue;
                int w = t.flat[pos + 1];
                int[] seen = out.computeIfAbsent(((long) z << 32) | y, key -> new int[cap + 1]);
                if (seen[0] >= cap) continue;
                boolean known = false;
                for (int i = 1; i <= seen[0]; i++) {
                    if (seen[i] == w) {
                        known = true;
                        break;
                    }
                }
                if (!known) seen[++seen[0]] = w;
            }
            return out;
        }

        /** The maximal clique of the candidates with the largest transit degree sum. */
        static int[] best(Topology t, int[] candidates, Options o) {
            int k = candidates.length;
            if (k == 0) return candidates;
            boolean[] inSet = new boolean[t.n];
            for (int x : candidates) inSet[x] = true;
            List<Map<Long, int[]>> trips = new ArrayList<>();
            for (int x : candidates) trips.add(triplets(t, x, inSet, o.tripletThreshold()));
            long[] adj = new long[k];
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    int x = candidates[i];
                    int z = candidates[j];
                    if (t.link(x, z) < 0) continue;
                    if (transits(trips.get(i), z, o) || transits(trips.get(j), x, o)) continue;
                    adj[i] |= 1L << j;
                    adj[j] |= 1L << i;
                }
            }
            long[] best = {0, -1};
            bronKerbosch(0, (k == 64 ? -1L : (1L << k) - 1), 0, adj, t, candidates, best);
            long set = best[0];
            int[] out = new int[Long.bitCount(set)];
            int n = 0;
            for (int i = 0; i < k; i++) {
                if ((set & (1L << i)) != 0) out[n++] = candidates[i];
            }
            return out;
        }

        /** Whether a path "Z Y X" with more than two distinct ASes behind exists for this Z (some Y in the set). */
        private static boolean transits(Map<Long, int[]> tripsOfX, int z, Options o) {
            for (var e : tripsOfX.entrySet()) {
                if ((int) (e.getKey() >>> 32) == z && e.getValue()[0] >= o.tripletThreshold()) return true;
            }
            return false;
        }

        private static void bronKerbosch(long r, long p, long x, long[] adj, Topology t, int[] c, long[] best) {
            if (p == 0 && x == 0) {
                long sum = 0;
                for (long s = r; s != 0; s &= s - 1) sum += t.transitDegree[c[Long.numberOfTrailingZeros(s)]];
                if (sum > best[1] || (sum == best[1] && Long.bitCount(r) > Long.bitCount(best[0]))) {
                    best[0] = r;
                    best[1] = sum;
                }
                return;
            }
            long px = p | x;
            int pivot = Long.numberOfTrailingZeros(px);
            long bestCover = -1;
            for (long s = px; s != 0; s &= s - 1) {
                int u = Long.numberOfTrailingZeros(s);
                int cover = Long.bitCount(p & adj[u]);
                if (cover > bestCover) {
                    bestCover = cover;
                    pivot = u;
                }
            }
            for (long s = p & ~adj[pivot]; s != 0; s &= s - 1) {
                int v = Long.numberOfTrailingZeros(s);
                long bit = 1L << v;
                bronKerbosch(r | bit, p & adj[v], x & adj[v], adj, t, c, best);
                p &= ~bit;
                x |= bit;
            }
        }
    }

    /** Relationship assignment over one topology. */
    static final class State {
        final Topology t;
        final int[] flat;
        final boolean[] clique;
        final int[] order;
        final int[] rankOf;
        final Options o;
        final byte[] rel;
        final byte[] step;
        final int[] providers;
        final int[] perStep = new int[10];
        private final int[] visited;
        private int epoch;
        private int[] stack = new int[256];
        // Scratch for step 2.
        private final int[] mark;
        private final boolean[] up;
        private final int[] peerPaths;
        private int markEpoch;

        State(Topology t, boolean[] clique, int[] order, Options o) {
            this.t = t;
            this.flat = t.flat;
            this.clique = clique;
            this.order = order;
            this.o = o;
            rankOf = new int[t.n];
            Arrays.fill(rankOf, Integer.MAX_VALUE);
            for (int i = 0; i < order.length; i++) rankOf[order[i]] = i;
            rel = new byte[t.m];
            step = new byte[t.m];
            providers = new int[t.n];
            visited = new int[t.n];
            mark = new int[t.n];
            up = new boolean[t.n];
            peerPaths = new int[t.n];
        }

        void run() {
            // Step 1: the clique peers.
            for (int x : order) {
                if (!clique[x]) break;
                for (int j = t.adjStart[x]; j < t.adjStart[x + 1]; j++) {
                    int l = t.adjLink[j];
                    if (clique[t.adjNbr[j]] && rel[l] == 0) setPeer(l, Step.CLIQUE);
                }
            }
            // Step 2.
            for (int x : order) selectProviders(x);
            // Step 3.
            partialVantagePoints();
            // Step 4.
            providerToLargerCustomer();
            // Step 5.
            for (int x : order) {
                if (providers[x] > 0 || clique[x] || t.transitDegree[x] < o.providerLessMinTransit()) continue;
                providerLess(x);
            }
            // Step 6.
            for (int x : order) {
                if (!clique[x]) break;
                for (int j = t.adjStart[x]; j < t.adjStart[x + 1]; j++) {
                    int y = t.adjNbr[j];
                    int l = t.adjLink[j];
                    if (rel[l] == 0 && t.transitDegree[y] == 0 && p2cOk(x, y)) setP2c(x, y, l, Step.STUB_CLIQUE);
                }
            }
            // Step 8.
            for (int l = 0; l < t.m; l++) {
                if (rel[l] == 0) setPeer(l, Step.REMAINING_P2P);
            }
        }

        boolean providerOf(int x, int y, int l) {
            byte r = rel[l];
            return r == AsRelationships.FIRST_PROVIDER ? t.la[l] == x
                    : r == AsRelationships.SECOND_PROVIDER && t.lb[l] == x;
        }

        void setP2c(int provider, int customer, int l, Step s) {
            rel[l] = t.la[l] == provider ? AsRelationships.FIRST_PROVIDER : AsRelationships.SECOND_PROVIDER;
            step[l] = (byte) s.number;
            providers[customer]++;
            perStep[s.number]++;
        }

        void setPeer(int l, Step s) {
            rel[l] = AsRelationships.PEER;
            step[l] = (byte) s.number;
            perStep[s.number]++;
        }

        /** Whether {@code provider} may become {@code customer}'s provider: no clique customer, no cycle. */
        boolean p2cOk(int provider, int customer) {
            return !clique[customer] && !reaches(customer, provider);
        }

        /** Whether {@code target} is in {@code from}'s customer cone (following p2c links down). */
        private boolean reaches(int from, int target) {
            if (from == target) return true;
            epoch++;
            int sp = 0;
            stack[sp++] = from;
            visited[from] = epoch;
            while (sp > 0) {
                int x = stack[--sp];
                for (int j = t.adjStart[x]; j < t.adjStart[x + 1]; j++) {
                    int y = t.adjNbr[j];
                    if (visited[y] == epoch || !providerOf(x, y, t.adjLink[j])) continue;
                    if (y == target) return true;
                    visited[y] = epoch;
                    if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                    stack[sp++] = y;
                }
            }
            return false;
        }

        /** Step 2 for one AS: which neighbours act as its providers. */
        private void selectProviders(int x) {
            if (clique[x]) return;
            markEpoch++;
            List<Integer> touched = new ArrayList<>();
            for (int j = t.occStart[x]; j < t.occStart[x + 1]; j++) {
                int pos = t.occPos[j];
                // "Z Y X": Y passes X's route to Z; if Z is Y's provider or peer, X is Y's customer.
                if (t.hasLeft(pos) && t.hasLeft(pos - 1)) {
                    int lyx = t.linkAt[pos - 1];
                    if (rel[lyx] == 0) {
                        int y = flat[pos - 1];
                        int z = flat[pos - 2];
                        int lzy = t.linkAt[pos - 2];
                        if (rel[lzy] == AsRelationships.PEER || providerOf(z, y, lzy)) {
                            touch(y, touched);
                            up[y] = true;
                        }
                    }
                }
                // "X Y Z": X hears from Y a route Y learnt from its peer Z; X must be Y's customer.
                if (t.hasRight(pos) && t.hasRight(pos + 1)) {
                    int lxy = t.linkAt[pos];
                    if (rel[lxy] == 0 && rel[t.linkAt[pos + 1]] == AsRelationships.PEER) {
                        int y = flat[pos + 1];
                        touch(y, touched);
                        peerPaths[y]++;
                    }
                }
            }
            touched.sort(Comparator.comparingInt(y -> rankOf[y]));
            for (int y : touched) {
                if (up[y] || peerPaths[y] >= o.tripletThreshold()) {
                    int l = t.link(x, y);
                    if (rel[l] == 0 && p2cOk(y, x)) setP2c(y, x, l, Step.PROVIDERS);
                }
            }
        }

        private void touch(int y, List<Integer> touched) {
            if (mark[y] != markEpoch) {
                mark[y] = markEpoch;
                up[y] = false;
                peerPaths[y] = 0;
                touched.add(y);
            }
        }

        /** Step 3: stubs behind partial vantage points of RIB dumps. */
        private void partialVantagePoints() {
            PathSet paths = t.paths;
            long[] pairs = new long[paths.size()];
            int n = 0;
            for (int p = 0; p < paths.size(); p++) {
                if (t.excluded.get(p)) continue;
                int s = paths.start(p);
                pairs[n++] = ((long) flat[s] << 32) | flat[s + paths.length(p) - 1];
            }
            Arrays.sort(pairs, 0, n);
            int[] origins = new int[t.n];
            for (int i = 0; i < n; i++) {
                if (i == 0 || pairs[i] != pairs[i - 1]) origins[(int) (pairs[i] >>> 32)]++;
            }
            for (int p = 0; p < paths.size(); p++) {
                if (t.excluded.get(p) || paths.length(p) != 3) continue;
                int s = paths.start(p);
                int vp = flat[s];
                if (!paths.ribVantagePoint(vp) || (long) origins[vp] * o.partialVpDivisor() > t.active) continue;
                int y = flat[s + 1];
                int z = flat[s + 2];
                int l = t.linkAt[s + 1];
                if (rel[l] == 0 && t.transitDegree[z] == 0 && p2cOk(y, z)) setP2c(y, z, l, Step.STUB_PARTIAL_VP);
            }
        }

        private static long triple(int x, int y, int z) {
            return ((long) x << 42) | ((long) y << 21) | z;
        }

        /**
         * Step 4: triplets "X Y Z" with X a provider of Y, Y-Z unknown, Z the origin of at least one of them, and Y of
         * no larger transit degree than Z, most frequent first: Y is Z's provider. Then Z's own links downhill.
         */
        private void providerToLargerCustomer() {
            if (t.n >= (1 << 21)) return; // triples are packed in 21 bits per AS
            LongIntMap counts = new LongIntMap(1024);
            PathSet paths = t.paths;
            for (int p = 0; p < paths.size(); p++) {
                if (t.excluded.get(p)) continue;
                int s = paths.start(p);
                int e = s + paths.length(p);
                for (int i = s; i + 2 < e; i++) {
                    int x = flat[i];
                    int y = flat[i + 1];
                    int z = flat[i + 2];
                    if (rel[t.linkAt[i + 1]] != 0 || !providerOf(x, y, t.linkAt[i])) continue;
                    if (t.transitDegree[y] > t.transitDegree[z]) continue;
                    // Value: 2 per path, +1 once Z was seen as the origin.
                    int v = counts.add(triple(x, y, z), 2);
                    if (i + 3 == e && (v & 1) == 0) counts.add(triple(x, y, z), 1);
                }
            }
            PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(b[1], a[1]));
            counts.forEach((key, v) -> {
                if ((v & 1) != 0) queue.add(new long[] {key, v >>> 1});
            });
            int mask = (1 << 21) - 1;
            while (!queue.isEmpty()) {
                long[] item = queue.poll();
                if (item[1] < o.tripletThreshold()) continue;
                int y = (int) (item[0] >>> 21) & mask;
                int z = (int) item[0] & mask;
                int l = t.link(y, z);
                if (rel[l] != 0 || !p2cOk(y, z)) continue;
                setP2c(y, z, l, Step.LARGER_CUSTOMER);
                // Paths "Y Z ZZ": Z passes ZZ's routes to its provider Y, so ZZ is Z's customer.
                LongIntMap behind = new LongIntMap(16);
                for (int j = t.occStart[z]; j < t.occStart[z + 1]; j++) {
                    int pos = t.occPos[j];
                    if (!t.hasLeft(pos) || flat[pos - 1] != y || !t.hasRight(pos)) continue;
                    behind.add(flat[pos + 1] + 1L, 1);
                }
                behind.forEach((zz1, c) -> {
                    int zz = (int) (zz1 - 1);
                    int lz = t.link(z, zz);
                    if (rel[lz] != 0) return;
                    if (t.transitDegree[zz] > t.transitDegree[z]) {
                        queue.add(new long[] {triple(y, z, zz), c});
                    } else if (p2cOk(z, zz)) {
                        setP2c(z, zz, lz, Step.LARGER_CUSTOMER);
                    }
                });
            }
        }

        /** Step 5 for a provider-less AS X: peer with the ASes above, provider of the ASes below. */
        private void providerLess(int x) {
            // Pairs (Y, Z) from paths "Y X Z", grouped by Y in rank order.
            List<long[]> pairs = new ArrayList<>();
            for (int j = t.occStart[x]; j < t.occStart[x + 1]; j++) {
                int pos = t.occPos[j];
                if (t.hasLeft(pos) && t.hasRight(pos)) {
                    pairs.add(new long[] {flat[pos - 1], flat[pos + 1]});
                }
            }
            pairs.sort(Comparator.<long[]>comparingInt(a -> rankOf[(int) a[0]]).thenComparingLong(a -> a[1]));
            int i = 0;
            while (i < pairs.size()) {
                int y = (int) pairs.get(i)[0];
                int k = i;
                while (k < pairs.size() && pairs.get(k)[0] == y) k++;
                int lxy = t.link(x, y);
                if (rel[lxy] == 0) {
                    setPeer(lxy, Step.PROVIDER_LESS);
                    for (int q = i; q < k; q++) {
                        int z = (int) pairs.get(q)[1];
                        if (q > i && pairs.get(q - 1)[1] == z) continue;
                        int lxz = t.link(x, z);
                        if (rel[lxz] != 0 || !p2cOk(x, z)) continue;
                        setP2c(x, z, lxz, Step.PROVIDER_LESS);
                        // Paths "X Z ZZ" with ZZ of smaller transit degree: ZZ is Z's customer.
                        for (int j = t.occStart[z]; j < t.occStart[z + 1]; j++) {
                            int pos = t.occPos[j];
                            if (!t.hasLeft(pos) || flat[pos - 1] != x || !t.hasRight(pos)) continue;
                            int zz = flat[pos + 1];
                            int lz = t.linkAt[pos];
                            if (rel[lz] == 0 && t.transitDegree[zz] < t.transitDegree[z] && p2cOk(z, zz)) {
                                setP2c(z, zz, lz, Step.PROVIDER_LESS);
                            }
                        }
                    }
                }
                i = k;
            }
        }
    }
}
