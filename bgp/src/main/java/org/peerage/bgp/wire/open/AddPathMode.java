package org.peerage.bgp.wire.open;

/** The Send/Receive field of an ADD-PATH capability entry (RFC 7911 §4). */
public enum AddPathMode {
    RECEIVE(1), SEND(2), BOTH(3);

    private final int code;

    AddPathMode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The mode, or null for a value RFC 7911 says to ignore. */
    public static AddPathMode of(int code) {
        return code >= 1 && code <= 3 ? values()[code - 1] : null;
    }

    public boolean canReceive() {
        return this != SEND;
    }

    public boolean canSend() {
        return this != RECEIVE;
    }
}
