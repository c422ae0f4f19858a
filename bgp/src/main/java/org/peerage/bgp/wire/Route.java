package org.peerage.bgp.wire;

/**
 * One NLRI entry: a prefix, and its ADD-PATH path identifier (RFC 7911) when the family was negotiated with ADD-PATH.
 *
 * @param pathId the 32-bit path identifier as an unsigned value, or {@link #NO_PATH_ID}
 */
public record Route(Prefix prefix, long pathId) {
    public static final long NO_PATH_ID = -1;

    public Route {
        if (pathId < NO_PATH_ID || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path id out of range: " + pathId);
        }
    }

    public static Route of(Prefix prefix) {
        return new Route(prefix, NO_PATH_ID);
    }

    public boolean hasPathId() {
        return pathId != NO_PATH_ID;
    }

    @Override
    public String toString() {
        return hasPathId() ? prefix + " path-id " + pathId : prefix.toString();
    }
}
