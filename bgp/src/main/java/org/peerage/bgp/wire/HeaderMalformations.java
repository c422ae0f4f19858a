package org.peerage.bgp.wire;

/** The Message Header Errors (RFC 4271 §6.1), each with the NOTIFICATION data the RFC prescribes. */
final class HeaderMalformations {
    private HeaderMalformations() {
    }

    static Malformation notSynchronized(int offset, String reason) {
        return of(HeaderErrorSubcode.CONNECTION_NOT_SYNCHRONIZED, null, offset, reason);
    }

    /** Data: the erroneous Length field. */
    static Malformation badLength(int length, int offset, String reason) {
        return of(HeaderErrorSubcode.BAD_MESSAGE_LENGTH, new byte[] {(byte) (length >>> 8), (byte) length}, offset,
                reason);
    }

    /** Data: the erroneous Type field. */
    static Malformation badType(int type, int offset, String reason) {
        return of(HeaderErrorSubcode.BAD_MESSAGE_TYPE, new byte[] {(byte) type}, offset, reason);
    }

    private static Malformation of(HeaderErrorSubcode subcode, byte[] data, int offset, String reason) {
        return new Malformation(ErrorAction.SESSION_RESET, NotificationCode.MESSAGE_HEADER_ERROR, subcode.code(), data,
                offset, -1, reason);
    }
}
