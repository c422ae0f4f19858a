package org.peerage.bgp.wire;

/** BGP message types (RFC 4271 §4.1, RFC 2918). */
public enum MessageType {
    OPEN(1), UPDATE(2), NOTIFICATION(3), KEEPALIVE(4), ROUTE_REFRESH(5);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type, or null if the code is not a BGP message type. */
    public static MessageType of(int code) {
        return code >= 1 && code <= 5 ? values()[code - 1] : null;
    }
}
