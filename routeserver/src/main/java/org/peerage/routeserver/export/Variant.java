package org.peerage.routeserver.export;

/**
 * The per-receiver changes to a route's attributes, packed into one int so an (attribute set, variant) pair keys
 * the export form cache.
 *
 * <pre>
 *  bits 0-1  RPKI state for the RS:1000:x community (the path's tags)
 *  bits 2-3  prepend count, 0-3
 *  bit  4    rewrite the next hop to the blackhole address
 *  bit  5    add NO_EXPORT
 *  bit  6    add NO_ADVERTISE
 *  bit  7    add GRACEFUL_SHUTDOWN (the route server is draining before a stop)
 * </pre>
 */
public final class Variant {
    public static final int BLACKHOLE_NEXT_HOP = 1 << 4;
    public static final int NO_EXPORT = 1 << 5;
    public static final int NO_ADVERTISE = 1 << 6;
    public static final int GRACEFUL_SHUTDOWN = 1 << 7;

    private Variant() {
    }

    public static int of(int rpkiState, int prepend) {
        return rpkiState | prepend << 2;
    }

    public static int rpkiState(int variant) {
        return variant & 3;
    }

    public static int prepend(int variant) {
        return variant >>> 2 & 3;
    }

    public static boolean has(int variant, int flag) {
        return (variant & flag) != 0;
    }
}
