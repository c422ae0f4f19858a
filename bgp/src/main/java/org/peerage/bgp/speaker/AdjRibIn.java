package org.peerage.bgp.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * The routes one session received, by prefix and path identifier. Attribute lists are interned; MP_REACH_NLRI is kept
 * without its NLRI so that the next hop stays with the route.
 */
public final class AdjRibIn {
    private final Map<Route, List<PathAttribute>> routes = new LinkedHashMap<>();
    /** Routes kept from a session that went down under graceful restart, until the peer re-announces them. */
    private final java.util.Set<Route> stale = new java.util.HashSet<>();
    private final Map<List<PathAttribute>, List<PathAttribute>> interned = new HashMap<>();

    /** Applies an UPDATE; with {@code withdrawAll} (RFC 7606 treat-as-withdraw) its announcements are withdrawn. */
    public void apply(UpdateMessage u, boolean withdrawAll) {
        for (Route r : u.withdrawn()) remove(r);
        MpUnreachNlri unreach = u.mpUnreach();
        if (unreach != null) for (Route r : unreach.withdrawn()) remove(r);
        MpReachNlri reach = u.mpReach();
        List<Route> announced = new ArrayList<>(u.nlri());
        if (reach != null) announced.addAll(reach.nlri());
        if (announced.isEmpty()) {
            return;
        }
        if (withdrawAll) {
            for (Route r : announced) remove(r);
            return;
        }
        List<PathAttribute> stored = new ArrayList<>(u.attributes().size());
        for (PathAttribute a : u.attributes()) {
            if (a instanceof MpUnreachNlri) continue;
            stored.add(a instanceof MpReachNlri m ? new MpReachNlri(m.flags(), m.family(), m.nextHop(), m.reserved(),
                    List.of(), null, false) : a);
        }
        List<PathAttribute> attrs = interned.computeIfAbsent(List.copyOf(stored), k -> k);
        for (Route r : announced) {
            routes.put(r, attrs);
            stale.remove(r);
        }
    }

    private void remove(Route r) {
        routes.remove(r);
        stale.remove(r);
    }

    /** Graceful restart (RFC 4724 §4.2): the session dropped; keep every route, marked stale. */
    public void markAllStale() {
        stale.addAll(routes.keySet());
    }

    /** The peer's End-of-RIB after a restart, or the restart time ran out: drop what it did not re-announce. */
    public int sweepStale() {
        int n = stale.size();
        for (Route r : stale) routes.remove(r);
        stale.clear();
        return n;
    }

    public int staleCount() {
        return stale.size();
    }

    public int size() {
        return routes.size();
    }

    public Map<Route, List<PathAttribute>> routes() {
        return java.util.Collections.unmodifiableMap(routes);
    }

    public void clear() {
        routes.clear();
        stale.clear();
    }
}
