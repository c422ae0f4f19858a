package org.peerage.policy.rtr;

import java.util.Set;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.VrpTable;

/** Told when the VRPs in use change. */
@FunctionalInterface
public interface RtrListener {
    /**
     * Called on the client's thread (return quickly or hand the work off) when the data in use changes: an update
     * from the cache in use, a switch to another cache with different data, or expiry (then {@code vrps} is empty).
     *
     * @param changedCoverage the VRP prefixes whose payloads differ ({@link VrpTable#changedCoverage}): only routes
     *                        they cover can change validation state; never empty
     */
    void changed(VrpTable vrps, Set<Prefix> changedCoverage);
}
