package org.peerage.bgp.wire;

/**
 * Subcodes of the OPEN Message Error (RFC 4271 §6.2, RFC 5492 for 7, RFC 9234 for 11). Subcode 5 and 8-10 are
 * deprecated; 5 is named because old speakers still send it.
 */
public enum OpenErrorSubcode {
    /** RFC 4271 §4.5: used when no specific subcode fits, for example a malformed optional parameter. */
    UNSPECIFIC(0, "Unspecific"),
    UNSUPPORTED_VERSION_NUMBER(1, "Unsupported Version Number"),
    BAD_PEER_AS(2, "Bad Peer AS"),
    BAD_BGP_IDENTIFIER(3, "Bad BGP Identifier"),
    UNSUPPORTED_OPTIONAL_PARAMETER(4, "Unsupported Optional Parameter"),
    AUTHENTICATION_FAILURE(5, "Authentication Failure (deprecated)"),
    UNACCEPTABLE_HOLD_TIME(6, "Unacceptable Hold Time"),
    UNSUPPORTED_CAPABILITY(7, "Unsupported Capability"),
    ROLE_MISMATCH(11, "Role Mismatch");

    private final int code;
    private final String label;

    OpenErrorSubcode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name the RFC gives the subcode. */
    public String label() {
        return label;
    }

    /** A malformed OPEN that resets the session with this subcode. */
    public Malformation malformation(byte[] data, int offset, String reason) {
        return new Malformation(ErrorAction.SESSION_RESET, NotificationCode.OPEN_MESSAGE_ERROR, code, data, offset, -1,
                reason);
    }

    /** The subcode, or null if it has no name. */
    public static OpenErrorSubcode of(int code) {
        for (OpenErrorSubcode s : values()) {
            if (s.code == code) return s;
        }
        return null;
    }
}
