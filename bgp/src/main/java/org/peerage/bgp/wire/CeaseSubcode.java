package org.peerage.bgp.wire;

/** Subcodes of the Cease NOTIFICATION (RFC 4486, RFC 8538 for 9, RFC 9384 for 10). */
public enum CeaseSubcode {
    MAXIMUM_NUMBER_OF_PREFIXES_REACHED(1, "Maximum Number of Prefixes Reached"),
    ADMINISTRATIVE_SHUTDOWN(2, "Administrative Shutdown"),
    PEER_DECONFIGURED(3, "Peer De-configured"),
    ADMINISTRATIVE_RESET(4, "Administrative Reset"),
    CONNECTION_REJECTED(5, "Connection Rejected"),
    OTHER_CONFIGURATION_CHANGE(6, "Other Configuration Change"),
    CONNECTION_COLLISION_RESOLUTION(7, "Connection Collision Resolution"),
    OUT_OF_RESOURCES(8, "Out of Resources"),
    HARD_RESET(9, "Hard Reset"),
    BFD_DOWN(10, "BFD Down");

    private final int code;
    private final String label;

    CeaseSubcode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** True for the two subcodes that may carry a shutdown communication (RFC 9003 §2). */
    public boolean carriesCommunication() {
        return this == ADMINISTRATIVE_SHUTDOWN || this == ADMINISTRATIVE_RESET;
    }

    /** The subcode, or null if it has no name. */
    public static CeaseSubcode of(int code) {
        return code >= 1 && code <= 10 ? values()[code - 1] : null;
    }
}
