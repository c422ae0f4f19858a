package org.peerage.bgp.speaker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.peerage.bgp.wire.Prefix;

/**
 * What each of many sessions should hold when they all peer with one transparent route server that passes every
 * route (RFC 7947, path hiding solved): every distinct prefix announced by at least one other session that is up,
 * among those a policy lets through. Used to tell, on the client side, when a route server has delivered everything.
 */
public final class Expectation {
    private Expectation() {
    }

    /**
     * Targets per session: for each active session, the number of distinct prefixes (passing {@code accepted})
     * announced by some other active session; -1 for inactive sessions.
     */
    public static int[] targets(List<RouteTable> announced, boolean[] active, Predicate<Prefix> accepted) {
        return targets(announced, active, accepted, null);
    }

    /**
     * As {@link #targets(List, boolean[], Predicate)}, for sessions that drop routes whose AS_PATH holds their own
     * AS ({@code localAs[i]}, as a router does, and as {@code --count-only} clients do): such prefixes do not count
     * for that session. Real tables have a few (an AS_SET with a private AS that is also a client's).
     */
    public static int[] targets(List<RouteTable> announced, boolean[] active, Predicate<Prefix> accepted,
                                long[] localAs) {
        int[] targets = counts(announced, active, accepted);
        if (localAs == null) return targets;
        java.util.Set<Long> ours = new java.util.HashSet<>();
        for (long as : localAs) ours.add(as);
        // Prefixes announced (by an active session) whose path holds one of the sessions' ASes: rare, so kept apart.
        Map<Prefix, java.util.Set<Long>> loops = new HashMap<>();
        Map<Prefix, Integer> announcers = new HashMap<>();
        for (int i = 0; i < announced.size(); i++) {
            if (!active[i]) continue;
            for (var e : announced.get(i).routes().entrySet()) {
                if (!accepted.test(e.getKey())) continue;
                java.util.Set<Long> hit = asesIn(e.getValue(), ours);
                if (hit.isEmpty()) continue;
                loops.computeIfAbsent(e.getKey(), k -> new java.util.HashSet<>()).addAll(hit);
                announcers.merge(e.getKey(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < announced.size(); i++) {
            if (!active[i]) continue;
            for (var e : loops.entrySet()) {
                boolean mine = announced.get(i).routes().containsKey(e.getKey());
                boolean counted = !mine || announcers.get(e.getKey()) > 1;
                if (counted && e.getValue().contains(localAs[i])) targets[i]--;
            }
        }
        return targets;
    }

    private static java.util.Set<Long> asesIn(List<org.peerage.bgp.wire.attr.PathAttribute> attributes,
                                              java.util.Set<Long> ours) {
        java.util.Set<Long> hit = new java.util.HashSet<>();
        for (var a : attributes) {
            if (a instanceof org.peerage.bgp.wire.attr.AsPath path) {
                for (var segment : path.segments()) {
                    for (int k = 0; k < segment.size(); k++) {
                        if (ours.contains(segment.asn(k))) hit.add(segment.asn(k));
                    }
                }
            }
        }
        return hit;
    }

    private static int[] counts(List<RouteTable> announced, boolean[] active, Predicate<Prefix> accepted) {
        Map<Prefix, Integer> announcers = new HashMap<>();
        for (int i = 0; i < announced.size(); i++) {
            if (!active[i]) continue;
            for (Prefix p : announced.get(i).routes().keySet()) {
                if (accepted.test(p)) announcers.merge(p, 1, Integer::sum);
            }
        }
        int distinct = announcers.size();
        int[] targets = new int[announced.size()];
        for (int i = 0; i < announced.size(); i++) {
            if (!active[i]) {
                targets[i] = -1;
                continue;
            }
            int onlyMine = 0;
            for (Prefix p : announced.get(i).routes().keySet()) {
                if (accepted.test(p) && announcers.get(p) == 1) onlyMine++;
            }
            targets[i] = distinct - onlyMine;
        }
        return targets;
    }
}
