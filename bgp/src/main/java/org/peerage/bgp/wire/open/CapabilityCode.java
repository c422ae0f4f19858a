package org.peerage.bgp.wire.open;

/** Capability codes peerage names. Those marked decoded have their own record; the others stay raw. */
public enum CapabilityCode {
    MULTIPROTOCOL(1, "multiprotocol", true),
    ROUTE_REFRESH(2, "route refresh", true),
    OUTBOUND_ROUTE_FILTERING(3, "outbound route filtering", false),
    EXTENDED_NEXT_HOP(5, "extended next hop", true),
    EXTENDED_MESSAGE(6, "extended message", true),
    BGP_ROLE(9, "BGP role", true),
    GRACEFUL_RESTART(64, "graceful restart", true),
    FOUR_OCTET_AS(65, "4-octet AS", true),
    ADD_PATH(69, "ADD-PATH", true),
    ENHANCED_ROUTE_REFRESH(70, "enhanced route refresh", true),
    LONG_LIVED_GRACEFUL_RESTART(71, "long-lived graceful restart", true),
    FQDN(73, "FQDN", true),
    /** The pre-standard code Cisco used before RFC 2918; still sent next to code 2 by some speakers. */
    CISCO_ROUTE_REFRESH(128, "route refresh (pre-standard Cisco)", false);

    private final int code;
    private final String label;
    private final boolean decoded;

    CapabilityCode(int code, String label, boolean decoded) {
        this.code = code;
        this.label = label;
        this.decoded = decoded;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** True if peerage decodes this capability into its own record rather than keeping it raw. */
    public boolean decoded() {
        return decoded;
    }

    /** The named code, or null. */
    public static CapabilityCode of(int code) {
        for (CapabilityCode c : values()) {
            if (c.code == code) return c;
        }
        return null;
    }
}
