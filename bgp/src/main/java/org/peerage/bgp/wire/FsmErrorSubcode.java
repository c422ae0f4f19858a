package org.peerage.bgp.wire;

/** Subcodes of the Finite State Machine Error (RFC 6608). */
public enum FsmErrorSubcode {
    UNSPECIFIED_ERROR(0, "Unspecified Error"),
    UNEXPECTED_MESSAGE_IN_OPEN_SENT(1, "Receive Unexpected Message in OpenSent State"),
    UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM(2, "Receive Unexpected Message in OpenConfirm State"),
    UNEXPECTED_MESSAGE_IN_ESTABLISHED(3, "Receive Unexpected Message in Established State");

    private final int code;
    private final String label;

    FsmErrorSubcode(int code, String label) {
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
    public static FsmErrorSubcode of(int code) {
        return code >= 0 && code <= 3 ? values()[code] : null;
    }
}
