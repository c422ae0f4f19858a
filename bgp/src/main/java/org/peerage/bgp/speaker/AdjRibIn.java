package org.peerage.bgp.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;
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
    /** Count-only mode: IPv4 routes without path id as (address << 8 | length), no attributes; null otherwise. */
    private final LongSet counted;
    /** Count-only mode: routes whose AS_PATH holds this AS are not accepted (RFC 4271 §9.1.2); -1: no check. */
    private final long loopAs;

    public AdjRibIn() {
        this(false, -1);
    }

    /**
     * With {@code countOnly}, keeps which routes are held but not their attributes ({@link #routes()} then lists
     * only the routes that are not plain IPv4), and ignores announcements whose AS_PATH contains {@code localAs},
     * as a router would: what a load generator needs to count millions of routes cheaply.
     */
    public AdjRibIn(boolean countOnly, long localAs) {
        this.counted = countOnly ? new LongSet() : null;
        this.loopAs = countOnly ? localAs : -1;
    }

    private static long key(Route r) {
        Prefix p = r.prefix();
        if (p.isIpv6() || r.hasPathId()) return -1;
        long a = 0;
        for (int i = 0; i < 4; i++) a = (a << 8) | (i < p.byteCount() ? p.byteAt(i) & 0xFF : 0);
        return (a << 8) | p.length();
    }

    private boolean loops(UpdateMessage u) {
        if (loopAs < 0 || !(u.attribute(org.peerage.bgp.wire.attr.AttributeType.AS_PATH)
                instanceof org.peerage.bgp.wire.attr.AsPath path)) {
            return false;
        }
        for (var segment : path.segments()) {
            for (int i = 0; i < segment.size(); i++) {
                if (segment.asn(i) == loopAs) return true;
            }
        }
        return false;
    }

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
        if (withdrawAll || loops(u)) {
            for (Route r : announced) remove(r);
            return;
        }
        if (counted != null) {
            for (Route r : announced) {
                long k = key(r);
                if (k >= 0) counted.add(k);
                else routes.put(r, List.of());
            }
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
        if (counted != null) {
            long k = key(r);
            if (k >= 0) {
                counted.remove(k);
                return;
            }
        }
        routes.remove(r);
        stale.remove(r);
    }

    /** Graceful restart (RFC 4724 §4.2): the session dropped; keep every route, marked stale. */
    public void markAllStale() {
        if (counted != null) {
            clear(); // count-only keeps no stale marks: the routes go at once
            return;
        }
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
        return routes.size() + (counted == null ? 0 : counted.size());
    }

    public Map<Route, List<PathAttribute>> routes() {
        return java.util.Collections.unmodifiableMap(routes);
    }

    public void clear() {
        if (counted != null) counted.clear();
        routes.clear();
        stale.clear();
    }
}
