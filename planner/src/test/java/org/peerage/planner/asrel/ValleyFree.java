package org.peerage.planner.asrel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hand-built AS topology with known relationships, and the routes BGP would choose on it under the Gao-Rexford
 * rules (prefer customer over peer over provider routes, then the shorter path, then a tie-break; export customer
 * routes to everyone, peer and provider routes to customers only). Paths are valley-free by construction.
 */
final class ValleyFree {
    /** Relationship of key AS to value AS: P2C means the key is the provider. */
    final Map<Long, Map<Long, Relationship>> rel = new TreeMap<>();

    ValleyFree p2c(long provider, long... customers) {
        for (long c : customers) {
            put(provider, c, Relationship.P2C);
            put(c, provider, Relationship.C2P);
        }
        return this;
    }

    ValleyFree p2p(long a, long b) {
        put(a, b, Relationship.P2P);
        put(b, a, Relationship.P2P);
        return this;
    }

    private void put(long a, long b, Relationship r) {
        rel.computeIfAbsent(a, k -> new TreeMap<>()).put(b, r);
    }

    Relationship of(long a, long b) {
        return rel.getOrDefault(a, Map.of()).getOrDefault(b, Relationship.NONE);
    }

    List<Long> neighbours(long a, Relationship r) {
        List<Long> out = new ArrayList<>();
        for (var e : rel.getOrDefault(a, Map.of()).entrySet()) {
            if (e.getValue() == r) out.add(e.getKey());
        }
        return out;
    }

    /** Tie-break among equally good routes: differs per seed, as IGP costs differ per prefix. */
    private static long tie(int seed, long as, long nextHop) {
        long h = seed * 0x9E3779B97F4A7C15L ^ as * 0xC2B2AE3D27D4EB4FL ^ nextHop * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        return h * 0x94D049BB133111EBL;
    }

    private boolean better(long as, List<Long> cand, List<Long> current, int seed) {
        if (current == null) return true;
        if (cand.size() != current.size()) return cand.size() < current.size();
        return tie(seed, as, cand.get(1)) < tie(seed, as, current.get(1));
    }

    /** The best path of every AS towards {@code origin} (the AS first, the origin last). */
    Map<Long, List<Long>> routes(long origin, int seed) {
        Map<Long, List<Long>> best = new HashMap<>();
        Map<Long, Integer> cls = new HashMap<>(); // 0 own, 1 customer, 2 peer, 3 provider
        best.put(origin, List.of(origin));
        cls.put(origin, 0);
        // Customer routes: up the provider chains, shortest first.
        List<Long> layer = List.of(origin);
        while (!layer.isEmpty()) {
            Map<Long, List<Long>> next = new HashMap<>();
            for (long c : layer) {
                for (long p : neighbours(c, Relationship.C2P)) {
                    if (best.containsKey(p)) continue;
                    List<Long> cand = prepend(p, best.get(c));
                    if (better(p, cand, next.get(p), seed)) next.put(p, cand);
                }
            }
            for (var e : next.entrySet()) {
                best.put(e.getKey(), e.getValue());
                cls.put(e.getKey(), 1);
            }
            layer = new ArrayList<>(next.keySet());
        }
        // Peer routes: one hop across from an AS with its own or a customer route.
        Map<Long, List<Long>> peer = new HashMap<>();
        for (long a : rel.keySet()) {
            if (best.containsKey(a)) continue;
            for (long p : neighbours(a, Relationship.P2P)) {
                Integer c = cls.get(p);
                if (c == null || c > 1) continue;
                List<Long> cand = prepend(a, best.get(p));
                if (better(a, cand, peer.get(a), seed)) peer.put(a, cand);
            }
        }
        for (var e : peer.entrySet()) {
            best.put(e.getKey(), e.getValue());
            cls.put(e.getKey(), 2);
        }
        // Provider routes: down from any AS with a route, relaxed to a fixpoint.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (long a : rel.keySet()) {
                Integer c = cls.get(a);
                if (c != null && c < 3) continue;
                List<Long> current = null;
                for (long p : neighbours(a, Relationship.C2P)) {
                    List<Long> via = best.get(p);
                    if (via == null || via.contains(a)) continue;
                    List<Long> cand = prepend(a, via);
                    if (better(a, cand, current, seed)) {
                        current = cand;
                    }
                }
                if (current != null && !current.equals(best.get(a))) {
                    best.put(a, current);
                    cls.put(a, 3);
                    changed = true;
                }
            }
        }
        return best;
    }

    private static List<Long> prepend(long a, List<Long> path) {
        List<Long> out = new ArrayList<>(path.size() + 1);
        out.add(a);
        out.addAll(path);
        return out;
    }

    /** The paths a collector peering with each vantage point would record, for every origin and seed. */
    List<List<Long>> observed(List<Long> vantagePoints, int seeds) {
        List<List<Long>> out = new ArrayList<>();
        for (long origin : rel.keySet()) {
            for (int seed = 0; seed < seeds; seed++) {
                Map<Long, List<Long>> routes = routes(origin, seed);
                for (long vp : vantagePoints) {
                    List<Long> p = routes.get(vp);
                    if (p != null && p.size() >= 2) out.add(p);
                }
            }
        }
        return out;
    }

    PathSet pathSet(List<Long> vantagePoints, int seeds) {
        PathSet set = new PathSet();
        for (List<Long> p : observed(vantagePoints, seeds)) {
            set.add(true, p.stream().mapToLong(Long::longValue).toArray());
        }
        return set;
    }

    /** Every link once, lower AS first. */
    TreeSet<List<Long>> links() {
        TreeSet<List<Long>> out = new TreeSet<>((x, y) -> x.get(0).equals(y.get(0))
                ? Long.compare(x.get(1), y.get(1)) : Long.compare(x.get(0), y.get(0)));
        for (var e : rel.entrySet()) {
            for (long b : e.getValue().keySet()) {
                if (e.getKey() < b) out.add(List.of(e.getKey(), b));
            }
        }
        return out;
    }
}
