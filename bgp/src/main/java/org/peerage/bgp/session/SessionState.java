package org.peerage.bgp.session;

/** The BGP finite state machine's states (RFC 4271 §8.2.2). */
public enum SessionState {
    IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED;

    /** The state number used in MRT STATE_CHANGE records and SNMP (RFC 6396 §4.4.1: Idle = 1 … Established = 6). */
    public int mrtCode() {
        return ordinal() + 1;
    }
}
