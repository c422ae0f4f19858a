package org.peerage.bgp.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Routes to announce: prefix to attribute list, in the order first seen. Equal attribute lists are stored once
 * (interned), so a full table holds a few hundred thousand prefixes but only its distinct attribute sets.
 */
public final class RouteTable {
    private final Map<Prefix, List<PathAttribute>> routes = new LinkedHashMap<>();
    private final Map<List<PathAttribute>, List<PathAttribute>> interned = new HashMap<>();

    public void put(Prefix prefix, List<PathAttribute> attributes) {
        routes.put(prefix, interned.computeIfAbsent(List.copyOf(attributes), a -> a));
    }

    /** Adds the route only if the prefix has none yet (first-seen wins). */
    public void putIfAbsent(Prefix prefix, List<PathAttribute> attributes) {
        if (!routes.containsKey(prefix)) {
            put(prefix, attributes);
        }
    }

    public void remove(Prefix prefix) {
        routes.remove(prefix);
    }

    public int size() {
        return routes.size();
    }

    public int distinctAttributeSets() {
        return (int) routes.values().stream().distinct().count();
    }

    public Map<Prefix, List<PathAttribute>> routes() {
        return java.util.Collections.unmodifiableMap(routes);
    }

    /** Share {@code index} of {@code count}: every count-th route starting at index, for splitting among speakers. */
    public RouteTable share(int index, int count) {
        RouteTable t = new RouteTable();
        int i = 0;
        for (var e : routes.entrySet()) {
            if (i++ % count == index) {
                t.put(e.getKey(), e.getValue());
            }
        }
        return t;
    }

    /** The first {@code n} routes in table order (all of them if there are fewer). */
    public RouteTable limit(int n) {
        RouteTable t = new RouteTable();
        for (var e : routes.entrySet()) {
            if (t.size() >= n) break;
            t.put(e.getKey(), e.getValue());
        }
        return t;
    }

    /** The routes grouped by attribute list, each group's prefixes in table order. */
    public Map<List<PathAttribute>, List<Prefix>> byAttributes() {
        Map<List<PathAttribute>, List<Prefix>> groups = new LinkedHashMap<>();
        for (var e : routes.entrySet()) {
            groups.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        return groups;
    }
}
