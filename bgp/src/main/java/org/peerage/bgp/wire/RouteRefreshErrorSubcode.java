package org.peerage.bgp.wire;

/** Subcodes of the ROUTE-REFRESH Message Error (RFC 7313 §5). */
public enum RouteRefreshErrorSubcode {
    INVALID_MESSAGE_LENGTH(1, "Invalid Message Length");

    private final int code;
    private final String label;

    RouteRefreshErrorSubcode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The subcode, or null if it has no name. */
    public static RouteRefreshErrorSubcode of(int code) {
        return code == 1 ? INVALID_MESSAGE_LENGTH : null;
    }
}
