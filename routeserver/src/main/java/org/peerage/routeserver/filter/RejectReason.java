package org.peerage.routeserver.filter;

/**
 * Why import policy refused a route. {@code code} is arouteserver's reject reason number (its looking-glass and
 * tooling vocabulary); {@code euroIx} the value of the Euro-IX informational community RS:1101:x that tags such a
 * route. The order of the constants is the order in which the checks run: a route reports its first failure.
 */
public enum RejectReason {
    PREFIX_TOO_SHORT(13, 2, "prefix length below the minimum"),
    PREFIX_TOO_LONG(13, 1, "prefix length above the maximum"),
    BOGON_PREFIX(2, 3, "bogon prefix"),
    IPV6_NOT_GLOBAL_UNICAST(10, 3, "IPv6 prefix outside global unicast 2000::/3"),
    GLOBAL_BLOCK_LIST(3, 3, "prefix in the route server's block list"),
    CLIENT_BLOCK_LIST(11, 3, "prefix in the client's block list"),
    AS_PATH_TOO_LONG(1, 5, "AS_PATH longer than the limit"),
    INVALID_ASN(7, 4, "private, reserved or invalid AS number in the AS_PATH"),
    FIRST_AS_NOT_CLIENT(6, 7, "left-most AS is not the client's"),
    NEXT_HOP_NOT_CLIENT(5, 8, "NEXT_HOP is not an address of the client"),
    TRANSIT_FREE_ASN(8, 14, "transit-free AS in the AS_PATH"),
    NEVER_VIA_ROUTE_SERVERS(15, 14, "AS that is never to be reached via route servers in the AS_PATH"),
    ORIGIN_NOT_IN_AS_SET(9, 10, "origin AS not in the client's AS-SETs"),
    RPKI_INVALID(14, 13, "RPKI origin validation: invalid"),
    ASPA_INVALID(16, 16, "ASPA path verification: invalid"),
    PREFIX_NOT_IN_AS_SET(12, 9, "prefix not among the route objects of the client's AS-SETs"),
    BLACKHOLE_OUTSIDE_CLIENT_SPACE(12, 9, "blackhole route outside the address space the client may announce"),
    MAX_PREFIX(17, 17, "max-prefix limit reached (action block)");

    private final int code;
    private final int euroIx;
    private final String description;

    RejectReason(int code, int euroIx, String description) {
        this.code = code;
        this.euroIx = euroIx;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public int euroIx() {
        return euroIx;
    }

    public String description() {
        return description;
    }

    /** The value kept in a path's verdict byte: 0 means accepted. */
    public int verdict() {
        return ordinal() + 1;
    }

    /** The reason behind a non-zero verdict byte. */
    public static RejectReason ofVerdict(int verdict) {
        return values()[verdict - 1];
    }

    /** Short machine name, as in the looking glass and metrics labels: {@code rpki_invalid}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
