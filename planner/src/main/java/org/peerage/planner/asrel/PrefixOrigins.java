package org.peerage.planner.asrel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;

/**
 * Prefix to origin AS pairs (a prefix announced from several origins has each), indexed both ways: to find the
 * prefixes of a customer cone and the origins of a prefix.
 */
public final class PrefixOrigins {
    private static final int[] NONE = new int[0];
    private final Map<Prefix, int[]> origins;
    private final Map<Integer, List<Prefix>> prefixes = new HashMap<>();

    private PrefixOrigins(Map<Prefix, int[]> origins) {
        this.origins = origins;
        for (var e : origins.entrySet()) {
            for (int o : e.getValue()) {
                prefixes.computeIfAbsent(o, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        for (List<Prefix> l : prefixes.values()) {
            l.sort(null);
        }
    }

    /** Collects pairs; a repeated pair is kept once. */
    public static final class Builder {
        private final Map<Prefix, int[]> origins = new HashMap<>();

        public Builder add(Prefix prefix, long origin) {
            int o = (int) origin;
            int[] current = origins.get(prefix);
            if (current == null) {
                origins.put(prefix, new int[] {o});
            } else {
                for (int c : current) {
                    if (c == o) {
                        return this;
                    }
                }
                int[] more = Arrays.copyOf(current, current.length + 1);
                more[current.length] = o;
                origins.put(prefix, more);
            }
            return this;
        }

        public PrefixOrigins build() {
            return new PrefixOrigins(origins);
        }
    }

    /** Prefixes originated by an AS, in prefix order. */
    public List<Prefix> prefixesOf(long origin) {
        return prefixes.getOrDefault((int) origin, List.of());
    }

    /** Origin ASes of a prefix (unsigned AS numbers in ints); empty if unknown. */
    public int[] originsOf(Prefix prefix) {
        int[] o = origins.get(prefix);
        return o == null ? NONE : o.clone();
    }

    /** Distinct prefixes. */
    public int size() {
        return origins.size();
    }
}
