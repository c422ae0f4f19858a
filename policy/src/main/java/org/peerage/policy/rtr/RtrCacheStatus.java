package org.peerage.policy.rtr;

import java.time.Instant;

/**
 * One cache as the client sees it.
 *
 * @param inUse       whether the VRPs in use are this cache's
 * @param version     the RTR version of the current (or next) connection: 1, or 0 for a cache that does not speak 1
 * @param sessionId   the cache's session ID, -1 before the first Cache Response
 * @param serial      the serial number of the data held, -1 before the first End of Data
 * @param lastUpdate  when the last End of Data arrived, null if none has
 * @param vrpCount    the VRPs held from this cache (0 when none or expired)
 * @param lastError   the most recent problem (it may have been overcome since), null if none
 * @param lastErrorAt when that was, null if never
 */
public record RtrCacheStatus(RtrCache cache, RtrCacheState state, boolean inUse, int version, int sessionId,
        long serial, Instant lastUpdate, int vrpCount, String lastError, Instant lastErrorAt) {
}
