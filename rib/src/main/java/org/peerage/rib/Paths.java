package org.peerage.rib;

/**
 * A path packed into one long, so that a prefix's candidates are a primitive array and not objects:
 *
 * <pre>
 *  bits 44-63  client index (up to 1,048,575 sessions)
 *  bit  43     low preference: the decision process treats the path as LOCAL_PREF 0 (RFC 8326 graceful shutdown)
 *  bits 40-42  tags owned by the RIB's user (the route server keeps the RPKI state and a blackhole mark there)
 *  bits 32-39  verdict: 0 = accepted by import policy, otherwise the reason it was not (kept, never selected)
 *  bits  0-31  attribute set id in the {@link AttributeTable}
 * </pre>
 */
public final class Paths {
    public static final int MAX_CLIENTS = 1 << 20;
    private static final int VERDICT_SHIFT = 32;
    private static final int TAGS_SHIFT = 40;
    private static final long LOW_PREFERENCE = 1L << 43;
    private static final int CLIENT_SHIFT = 44;

    private Paths() {
    }

    /** An accepted path with no tags. */
    public static long of(int client, int attributeId) {
        return ((long) client << CLIENT_SHIFT) | (attributeId & 0xFFFF_FFFFL);
    }

    public static long of(int client, int attributeId, int verdict, int tags, boolean lowPreference) {
        if (verdict < 0 || verdict > 0xFF || tags < 0 || tags > 7) {
            throw new IllegalArgumentException("verdict " + verdict + " or tags " + tags + " out of range");
        }
        return of(client, attributeId) | ((long) verdict << VERDICT_SHIFT) | ((long) tags << TAGS_SHIFT)
                | (lowPreference ? LOW_PREFERENCE : 0);
    }

    public static int client(long path) {
        return (int) (path >>> CLIENT_SHIFT);
    }

    public static int attributeId(long path) {
        return (int) path;
    }

    public static int verdict(long path) {
        return (int) (path >>> VERDICT_SHIFT) & 0xFF;
    }

    public static boolean isAccepted(long path) {
        return verdict(path) == 0;
    }

    public static int tags(long path) {
        return (int) (path >>> TAGS_SHIFT) & 7;
    }

    public static boolean isLowPreference(long path) {
        return (path & LOW_PREFERENCE) != 0;
    }
}
