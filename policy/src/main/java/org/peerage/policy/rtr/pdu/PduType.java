package org.peerage.policy.rtr.pdu;

/** RTR PDU types (RFC 8210 §5, IANA "rpki-rtr-pdu"). Type 5 was never assigned; ASPA (11) is version 2 only. */
public enum PduType {
    SERIAL_NOTIFY(0, "Serial Notify"),
    SERIAL_QUERY(1, "Serial Query"),
    RESET_QUERY(2, "Reset Query"),
    CACHE_RESPONSE(3, "Cache Response"),
    IPV4_PREFIX(4, "IPv4 Prefix"),
    IPV6_PREFIX(6, "IPv6 Prefix"),
    END_OF_DATA(7, "End of Data"),
    CACHE_RESET(8, "Cache Reset"),
    /** Version 1 only (RFC 8210 §5.10): BGPsec router keys. */
    ROUTER_KEY(9, "Router Key"),
    ERROR_REPORT(10, "Error Report");

    private final int code;
    private final String label;

    PduType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name RFC 8210 gives the PDU. */
    public String label() {
        return label;
    }

    /** The type with this code, or null if versions 0 and 1 define none. */
    public static PduType of(int code) {
        for (PduType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
