package org.peerage.bgp.wire;

/** NOTIFICATION error codes (RFC 4271 §4.5, RFC 7313 for ROUTE-REFRESH). */
public enum NotificationCode {
    MESSAGE_HEADER_ERROR(1),
    OPEN_MESSAGE_ERROR(2),
    UPDATE_MESSAGE_ERROR(3),
    HOLD_TIMER_EXPIRED(4),
    FINITE_STATE_MACHINE_ERROR(5),
    CEASE(6),
    ROUTE_REFRESH_MESSAGE_ERROR(7);

    private static final NotificationCode[] BY_CODE = new NotificationCode[8];
    static {
        for (NotificationCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    NotificationCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The code's name, or null for a code no RFC assigns. */
    public static NotificationCode of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
