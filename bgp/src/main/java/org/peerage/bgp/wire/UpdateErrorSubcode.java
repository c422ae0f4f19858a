package org.peerage.bgp.wire;

/** Subcodes of the UPDATE Message Error (RFC 4271 §6.3); 7 (AS routing loop) is deprecated but named. */
public enum UpdateErrorSubcode {
    MALFORMED_ATTRIBUTE_LIST(1),
    UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE(2),
    MISSING_WELL_KNOWN_ATTRIBUTE(3),
    ATTRIBUTE_FLAGS_ERROR(4),
    ATTRIBUTE_LENGTH_ERROR(5),
    INVALID_ORIGIN_ATTRIBUTE(6),
    AS_ROUTING_LOOP(7),
    INVALID_NEXT_HOP_ATTRIBUTE(8),
    OPTIONAL_ATTRIBUTE_ERROR(9),
    INVALID_NETWORK_FIELD(10),
    MALFORMED_AS_PATH(11);

    private final int code;

    UpdateErrorSubcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
