package org.peerage.interop.daemon;

/** ADD-PATH (RFC 7911) capability a daemon advertises to one peer, for every family of the session. */
public enum AddPath {
    NONE, SEND, RECEIVE, BOTH;

    public boolean sends() {
        return this == SEND || this == BOTH;
    }

    public boolean receives() {
        return this == RECEIVE || this == BOTH;
    }

    /** What the other end of the session should advertise so that both directions match. */
    public AddPath mirrored() {
        return switch (this) {
            case SEND -> RECEIVE;
            case RECEIVE -> SEND;
            default -> this;
        };
    }
}
