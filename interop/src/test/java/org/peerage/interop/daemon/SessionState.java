package org.peerage.interop.daemon;

import java.util.Locale;

/** BGP FSM state of one session as a daemon reports it (RFC 4271 §8.2.2), plus UNKNOWN when it cannot tell. */
public enum SessionState {
    IDLE, CONNECT, ACTIVE, OPEN_SENT, OPEN_CONFIRM, ESTABLISHED, UNKNOWN;

    /** Maps the daemons' spellings ("Established", "OpenSent", "BGP_FSM_OPENCONFIRM", "Open Confirm", ...). */
    public static SessionState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String s = text.toLowerCase(Locale.ROOT).replaceAll("^bgp_fsm_", "").replaceAll("[^a-z]", "");
        return switch (s) {
            case "idle", "down", "close" -> IDLE;
            case "connect" -> CONNECT;
            case "active" -> ACTIVE;
            case "opensent" -> OPEN_SENT;
            case "openconfirm" -> OPEN_CONFIRM;
            case "established", "establ", "up" -> ESTABLISHED;
            default -> UNKNOWN;
        };
    }
}
