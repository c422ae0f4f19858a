package org.peerage.bgp.wire;

/** The Message Subtype of ROUTE-REFRESH (RFC 7313 §3.2); it was the Reserved octet in RFC 2918. */
public enum RouteRefreshSubtype {
    /** A request to resend the family's routes (RFC 2918). */
    NORMAL(0, "normal"),
    /** Beginning of Route Refresh: the sender is about to resend the family (RFC 7313). */
    BEGINNING(1, "BoRR"),
    /** End of Route Refresh: routes not resent since the BoRR are stale (RFC 7313). */
    END(2, "EoRR");

    private final int code;
    private final String label;

    RouteRefreshSubtype(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The subtype, or null for the reserved values (which RFC 7313 says to ignore). */
    public static RouteRefreshSubtype of(int code) {
        return code >= 0 && code <= 2 ? values()[code] : null;
    }
}
