package org.peerage.bgp.wire;

/**
 * ROUTE-REFRESH (RFC 2918, with the Message Subtype of RFC 7313). The subtype is kept as a number because RFC 7313
 * tells receivers to ignore, not reject, the reserved values; {@link #knownSubtype()} names it.
 */
public record RouteRefreshMessage(AddressFamily family, int subtype) implements BgpMessage {

    public RouteRefreshMessage {
        if (subtype < 0 || subtype > 0xFF) {
            throw new IllegalArgumentException("subtype out of range: " + subtype);
        }
    }

    public static RouteRefreshMessage of(AddressFamily family, RouteRefreshSubtype subtype) {
        return new RouteRefreshMessage(family, subtype.code());
    }

    @Override
    public MessageType type() {
        return MessageType.ROUTE_REFRESH;
    }

    /** The named subtype, or null for a reserved value. */
    public RouteRefreshSubtype knownSubtype() {
        return RouteRefreshSubtype.of(subtype);
    }

    @Override
    public String toString() {
        RouteRefreshSubtype known = knownSubtype();
        return "ROUTE-REFRESH " + family + " " + (known != null ? known.label() : "subtype " + subtype);
    }
}
