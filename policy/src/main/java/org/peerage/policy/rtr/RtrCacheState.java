package org.peerage.policy.rtr;

/** Where the client stands with one cache. */
public enum RtrCacheState {
    /** Opening the TCP connection (also before the first attempt). */
    CONNECTING,
    /** Connected; the Reset Query's answer is not complete yet (or the cache has no data yet). */
    SYNCING,
    /** Connected and holding the cache's complete data; serial queries keep it current. */
    SYNCED,
    /** Disconnected after an error, waiting to reconnect; data received earlier stays usable until it expires. */
    FAILED,
    /** Disconnected and its data dropped: nothing came for the expire interval. */
    EXPIRED;

    /** The lower-case name operators see ("synced"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
