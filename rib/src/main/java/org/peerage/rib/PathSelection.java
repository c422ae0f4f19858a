package org.peerage.rib;

import java.util.Arrays;

/**
 * The BGP decision process (RFC 4271 §9.1.2.2) over paths packed as {@code client << 32 | attributeId}: higher
 * LOCAL_PREF, shorter AS_PATH, lower ORIGIN, lower MED among paths from the same neighbouring AS, then lower BGP
 * identifier and lower peer address. All paths are eBGP with equal IGP cost at a route server, so those steps fall
 * away. A total order: the most preferred path compares lowest.
 */
public final class PathSelection {
    private final AttributeTable attributes;
    private final Clients clients;

    public PathSelection(AttributeTable attributes, Clients clients) {
        this.attributes = attributes;
        this.clients = clients;
    }

    public static long path(int client, int attributeId) {
        return ((long) client << 32) | (attributeId & 0xFFFF_FFFFL);
    }

    public static int client(long path) {
        return (int) (path >>> 32);
    }

    public static int attributeId(long path) {
        return (int) path;
    }

    /** Negative if {@code a} is preferred over {@code b}. */
    public int compare(long a, long b) {
        int ia = attributeId(a);
        int ib = attributeId(b);
        if (ia != ib) {
            int c = Long.compare(attributes.localPref(ib), attributes.localPref(ia));
            if (c != 0) return c;
            c = Integer.compare(attributes.pathLength(ia), attributes.pathLength(ib));
            if (c != 0) return c;
            c = Integer.compare(attributes.origin(ia), attributes.origin(ib));
            if (c != 0) return c;
            if (attributes.neighborAs(ia) == attributes.neighborAs(ib)) {
                c = Long.compare(attributes.med(ia), attributes.med(ib));
                if (c != 0) return c;
            }
        }
        int ca = client(a);
        int cb = client(b);
        int c = Integer.compareUnsigned(clients.routerId(ca), clients.routerId(cb));
        if (c != 0) return c;
        c = Arrays.compareUnsigned(clients.address(ca), clients.address(cb));
        return c != 0 ? c : Integer.compare(ca, cb);
    }
}
