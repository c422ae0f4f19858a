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
