package org.peerage.planner.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;

/**
 * Routes for attribution: each route a prefix and an interned AS path, looked up by longest-prefix match of IPv4
 * ({@link Lpm4}) or IPv6 ({@link Lpm6}) addresses. Built once; read-only and thread-safe afterwards.
 */
public final class RoutingTable {
    private final Prefix[] prefixes;
    private final int[] paths;
    private final AsPaths asPaths;
    private final Lpm4 v4;
    private final Lpm6 v6;

    private RoutingTable(Prefix[] prefixes, int[] paths, AsPaths asPaths, Lpm4 v4, Lpm6 v6) {
        this.prefixes = prefixes;
        this.paths = paths;
        this.asPaths = asPaths;
        this.v4 = v4;
        this.v6 = v6;
    }

    public int lookupIpv4(int address) {
        return v4.lookup(address);
    }

    public int lookupIpv6(long hi, long lo) {
        return v6.lookup(hi, lo);
    }

    public int size() {
        return prefixes.length;
    }

    public Prefix prefix(int route) {
        return prefixes[route];
    }

    public int path(int route) {
        return paths[route];
    }

    public AsPaths asPaths() {
        return asPaths;
    }

    /** Routes in any order; a prefix added twice keeps the later path. */
    public static final class Builder {
        private final AsPaths asPaths = new AsPaths();
        private final Map<Prefix, Integer> index = new HashMap<>();
        private final List<Prefix> prefixes = new ArrayList<>();
        private int[] paths = new int[1024];

        public AsPaths asPaths() {
            return asPaths;
        }

        /** Adds or replaces a route; returns its id. */
        public int add(Prefix prefix, int path) {
            Integer existing = index.get(prefix);
            if (existing != null) {
                paths[existing] = path;
                return existing;
            }
            int id = prefixes.size();
            prefixes.add(prefix);
            index.put(prefix, id);
            if (id == paths.length) {
                paths = Arrays.copyOf(paths, id * 2);
            }
            paths[id] = path;
            return id;
        }

        public boolean contains(Prefix prefix) {
            return index.containsKey(prefix);
        }

        public int size() {
            return prefixes.size();
        }

        public RoutingTable build() {
            Lpm4.Builder b4 = new Lpm4.Builder();
            Lpm6.Builder b6 = new Lpm6.Builder();
            byte[] a = new byte[16];
            for (int id = 0; id < prefixes.size(); id++) {
                Prefix p = prefixes.get(id);
                p.copyAddressTo(a);
                if (p.isIpv6()) {
                    b6.add(Addresses.hi(a), Addresses.lo(a), p.length(), id);
                } else {
                    b4.add(Addresses.ipv4(a), p.length(), id);
                }
            }
            return new RoutingTable(prefixes.toArray(Prefix[]::new), Arrays.copyOf(paths, prefixes.size()), asPaths,
                    b4.build(), b6.build());
        }
    }
}
