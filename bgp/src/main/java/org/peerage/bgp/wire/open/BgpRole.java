package org.peerage.bgp.wire.open;

/** The BGP roles of RFC 9234 §4.1, named as in the RFC's text. */
public enum BgpRole {
    PROVIDER(0, "provider"),
    ROUTE_SERVER(1, "rs"),
    ROUTE_SERVER_CLIENT(2, "rs-client"),
    CUSTOMER(3, "customer"),
    PEER(4, "peer");

    private final int code;
    private final String label;

    BgpRole(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The role, or null for an unassigned value. */
    public static BgpRole of(int code) {
        return code >= 0 && code <= 4 ? values()[code] : null;
    }
}
