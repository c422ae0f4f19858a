package org.peerage.bgp.wire;

/** Subcodes of the Message Header Error (RFC 4271 §6.1). */
public enum HeaderErrorSubcode {
    CONNECTION_NOT_SYNCHRONIZED(1),
    BAD_MESSAGE_LENGTH(2),
    BAD_MESSAGE_TYPE(3);

    private final int code;

    HeaderErrorSubcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
