package org.peerage.rib;

import java.util.Arrays;

/**
 * The BGP decision process (RFC 4271 §9.1.2.2) for a route server's paths ({@link Paths}): accepted paths before
 * the ones import policy refused; then LOCAL_PREF, which every client's path has at the default of 100 (a
 * LOCAL_PREF sent by an external peer is ignored, RFC 4271 §5.1.5) except those lowered to 0 by graceful shutdown;
 * shorter AS_PATH; lower ORIGIN; lower MED among paths from the same neighbouring AS; then lower BGP identifier,
 * lower peer address. All paths are eBGP with equal IGP cost at a route server, so those steps fall away. A total
 * order: the most preferred path compares lowest.
 */
public final class PathSelection {
    private final AttributeTable attributes;
    private final Clients clients;

    public PathSelection(AttributeTable attributes, Clients clients) {
        this.attributes = attributes;
        this.clients = clients;
    }

    /** Negative if {@code a} is preferred over {@code b}. */
    public int compare(long a, long b) {
        boolean acceptedA = Paths.isAccepted(a);
        if (acceptedA != Paths.isAccepted(b)) return acceptedA ? -1 : 1;
        int c = Boolean.compare(Paths.isLowPreference(a), Paths.isLowPreference(b));
        if (c != 0) return c;
        int ia = Paths.attributeId(a);
        int ib = Paths.attributeId(b);
        if (ia != ib) {
            c = Integer.compare(attributes.pathLength(ia), attributes.pathLength(ib));
            if (c != 0) return c;
            c = Integer.compare(attributes.origin(ia), attributes.origin(ib));
            if (c != 0) return c;
            if (attributes.neighborAs(ia) == attributes.neighborAs(ib)) {
                c = Long.compare(attributes.med(ia), attributes.med(ib));
                if (c != 0) return c;
            }
        }
        int ca = Paths.client(a);
        int cb = Paths.client(b);
        c = Integer.compareUnsigned(clients.routerId(ca), clients.routerId(cb));
        if (c != 0) return c;
        c = Arrays.compareUnsigned(clients.address(ca), clients.address(cb));
        return c != 0 ? c : Integer.compare(ca, cb);
    }
}
