package org.peerage.bgp.wire;

/**
 * What a receiver does about a malformed message (RFC 7606 §2), in increasing order of severity.
 * The decoder classifies; the session layer acts.
 */
public enum ErrorAction {
    /** The malformed attribute is dropped; the rest of the UPDATE is processed as usual. */
    ATTRIBUTE_DISCARD,
    /** Every route in the UPDATE is handled as if withdrawn (RFC 7606 §2). */
    TREAT_AS_WITHDRAW,
    /** The address family in which the error occurred is disabled for the session (RFC 4760 §7). */
    AFI_SAFI_DISABLE,
    /** A NOTIFICATION is sent and the session closed (RFC 4271 §6). */
    SESSION_RESET;

    public ErrorAction worse(ErrorAction other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
