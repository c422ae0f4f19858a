package org.peerage.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One thing wrong with a received message: how to react (RFC 7606), the NOTIFICATION that a session reset would send,
 * where in the message it was found and why, in words an operator can act on.
 *
 * @param action       the RFC 7606 reaction
 * @param code         NOTIFICATION error code for a reset (also recorded for lesser actions)
 * @param subcode      NOTIFICATION error subcode
 * @param data         NOTIFICATION data (usually the offending attribute), never null
 * @param offset       byte offset of the problem from the start of the message (or of the decoded buffer)
 * @param attributeType the path attribute concerned, or -1
 * @param reason       human-readable explanation
 */
public record Malformation(ErrorAction action, NotificationCode code, int subcode, byte[] data, int offset,
                           int attributeType, String reason) {

    public Malformation {
        data = data == null ? new byte[0] : data;
    }

    public static Malformation update(ErrorAction action, UpdateErrorSubcode subcode, byte[] data, int offset,
                                      int attributeType, String reason) {
        return new Malformation(action, NotificationCode.UPDATE_MESSAGE_ERROR, subcode.code(), data, offset,
                attributeType, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Malformation m && action == m.action && code == m.code && subcode == m.subcode
                && offset == m.offset && attributeType == m.attributeType && Arrays.equals(data, m.data)
                && reason.equals(m.reason);
    }

    @Override
    public int hashCode() {
        return ((action.hashCode() * 31 + subcode) * 31 + offset) * 31 + reason.hashCode();
    }

    @Override
    public String toString() {
        return action + " (" + code + "/" + subcode + ") at offset " + offset
                + (attributeType >= 0 ? " attribute " + attributeType : "") + ": " + reason
                + (data.length > 0 ? " [data " + HexFormat.of().formatHex(data) + "]" : "");
    }
}
