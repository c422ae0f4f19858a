package org.peerage.routeserver;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peerage.bgp.session.SessionState;
import org.peerage.routeserver.filter.RejectReason;

/**
 * A client session as status output and a looking glass show it.
 *
 * @param filtered routes held but refused by import policy, per reason
 * @param pending  prefixes whose export to this client waits for its output queue to drain
 * @param preferred prefixes for which this client's path is the best one
 */
public record ClientView(String id, String name, long asn, String address, String description, SessionState state,
                         long stateSinceMillis, String lastError, long receivedIpv4, long receivedIpv6,
                         long acceptedIpv4, long acceptedIpv6, Map<RejectReason, Long> filtered, long exported,
                         long pending, long preferred, long maxPrefixIpv4, long maxPrefixIpv6,
                         long updatesReceived, long routesSent) {

    static ClientView of(ClientSession c, long preferred) {
        Map<RejectReason, Long> filtered = new LinkedHashMap<>();
        for (RejectReason r : RejectReason.values()) {
            long n = c.filtered[r.verdict()];
            if (n > 0) filtered.put(r, n);
        }
        return new ClientView(c.id(), c.name(), c.config.asn(), c.address, c.config.description(), c.session.state(),
                c.stateSinceMillis, c.lastError, c.held[0], c.held[1], c.accepted[0], c.accepted[1], filtered,
                c.out.count(), c.dirty.size(), preferred, c.policy.maxPrefixIpv4(), c.policy.maxPrefixIpv6(),
                c.updatesReceived, c.routesSent);
    }
}
