package org.peerage.policy.rtr.pdu;

/** Error Report codes (RFC 8210 §5.11, §12). Every one of them ends the session except No Data Available. */
public enum ErrorCode {
    CORRUPT_DATA(0, "Corrupt Data"),
    INTERNAL_ERROR(1, "Internal Error"),
    NO_DATA_AVAILABLE(2, "No Data Available"),
    INVALID_REQUEST(3, "Invalid Request"),
    UNSUPPORTED_PROTOCOL_VERSION(4, "Unsupported Protocol Version"),
    UNSUPPORTED_PDU_TYPE(5, "Unsupported PDU Type"),
    WITHDRAWAL_OF_UNKNOWN_RECORD(6, "Withdrawal of Unknown Record"),
    DUPLICATE_ANNOUNCEMENT_RECEIVED(7, "Duplicate Announcement Received"),
    UNEXPECTED_PROTOCOL_VERSION(8, "Unexpected Protocol Version");

    private final int code;
    private final String label;

    ErrorCode(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The error with this code, or null if RFC 8210 names none (later versions may add codes). */
    public static ErrorCode of(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
