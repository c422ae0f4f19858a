package org.peerage.bgp.wire;

/** The IANA registry names of NOTIFICATION error codes and subcodes, for logs and operator-facing text. */
public final class ErrorNames {
    private ErrorNames() {
    }

    /** "Cease", "OPEN Message Error", ... or "error code N" for a code no RFC assigns. */
    public static String code(int code) {
        NotificationCode c = NotificationCode.of(code);
        if (c == null) {
            return "error code " + code;
        }
        return switch (c) {
            case MESSAGE_HEADER_ERROR -> "Message Header Error";
            case OPEN_MESSAGE_ERROR -> "OPEN Message Error";
            case UPDATE_MESSAGE_ERROR -> "UPDATE Message Error";
            case HOLD_TIMER_EXPIRED -> "Hold Timer Expired";
            case FINITE_STATE_MACHINE_ERROR -> "Finite State Machine Error";
            case CEASE -> "Cease";
            case ROUTE_REFRESH_MESSAGE_ERROR -> "ROUTE-REFRESH Message Error";
        };
    }

    /** The subcode's name under the code, or null if it has none (including the unnamed subcode 0). */
    public static String subcode(int code, int subcode) {
        NotificationCode c = NotificationCode.of(code);
        if (c == null) {
            return null;
        }
        return switch (c) {
            case MESSAGE_HEADER_ERROR -> headerSubcode(subcode);
            case OPEN_MESSAGE_ERROR -> label(OpenErrorSubcode.of(subcode));
            case UPDATE_MESSAGE_ERROR -> updateSubcode(subcode);
            case HOLD_TIMER_EXPIRED -> null;
            case FINITE_STATE_MACHINE_ERROR -> label(FsmErrorSubcode.of(subcode));
            case CEASE -> label(CeaseSubcode.of(subcode));
            case ROUTE_REFRESH_MESSAGE_ERROR -> label(RouteRefreshErrorSubcode.of(subcode));
        };
    }

    private static String label(OpenErrorSubcode s) {
        return s == null ? null : s.label();
    }

    private static String label(FsmErrorSubcode s) {
        return s == null ? null : s.label();
    }

    private static String label(CeaseSubcode s) {
        return s == null ? null : s.label();
    }

    private static String label(RouteRefreshErrorSubcode s) {
        return s == null ? null : s.label();
    }

    private static String headerSubcode(int subcode) {
        return switch (subcode) {
            case 1 -> "Connection Not Synchronized";
            case 2 -> "Bad Message Length";
            case 3 -> "Bad Message Type";
            default -> null;
        };
    }

    private static String updateSubcode(int subcode) {
        return switch (subcode) {
            case 1 -> "Malformed Attribute List";
            case 2 -> "Unrecognized Well-known Attribute";
            case 3 -> "Missing Well-known Attribute";
            case 4 -> "Attribute Flags Error";
            case 5 -> "Attribute Length Error";
            case 6 -> "Invalid ORIGIN Attribute";
            case 7 -> "AS Routing Loop (deprecated)";
            case 8 -> "Invalid NEXT_HOP Attribute";
            case 9 -> "Optional Attribute Error";
            case 10 -> "Invalid Network Field";
            case 11 -> "Malformed AS_PATH";
            default -> null;
        };
    }
}
