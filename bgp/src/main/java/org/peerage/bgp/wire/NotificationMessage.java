package org.peerage.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * NOTIFICATION (RFC 4271 §4.5). Code and subcode are kept as numbers so that codes no RFC names survive a round trip;
 * {@link #errorCode()} and {@link ErrorNames} name them. The data is kept raw; the shutdown communication of
 * RFC 9003 is read from it on demand.
 */
public record NotificationMessage(int code, int subcode, byte[] data) implements BgpMessage {

    public NotificationMessage {
        if (code < 0 || code > 0xFF || subcode < 0 || subcode > 0xFF) {
            throw new IllegalArgumentException("code/subcode out of range: " + code + "/" + subcode);
        }
        data = data == null ? new byte[0] : data.clone();
    }

    public static NotificationMessage of(NotificationCode code, int subcode, byte[] data) {
        return new NotificationMessage(code.code(), subcode, data);
    }

    /** The NOTIFICATION a session reset for this malformation sends. */
    public static NotificationMessage of(Malformation m) {
        return new NotificationMessage(m.code().code(), m.subcode(), m.data());
    }

    public static NotificationMessage cease(CeaseSubcode subcode) {
        return new NotificationMessage(NotificationCode.CEASE.code(), subcode.code(), null);
    }

    /**
     * A Cease / Administrative Shutdown or Administrative Reset carrying an operator's text (RFC 9003).
     *
     * @throws IllegalArgumentException for another subcode, or text longer than 255 bytes of UTF-8
     */
    public static NotificationMessage cease(CeaseSubcode subcode, String communication) {
        if (!subcode.carriesCommunication()) {
            throw new IllegalArgumentException(subcode + " carries no shutdown communication");
        }
        return new NotificationMessage(NotificationCode.CEASE.code(), subcode.code(),
                ShutdownCommunication.encode(communication));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.NOTIFICATION;
    }

    /** The named error code, or null for a code no RFC assigns. */
    public NotificationCode errorCode() {
        return NotificationCode.of(code);
    }

    /** The RFC 9003 communication of an Administrative Shutdown or Reset; {@code Absent} for other messages. */
    public ShutdownCommunication shutdownCommunication() {
        CeaseSubcode cease = errorCode() == NotificationCode.CEASE ? CeaseSubcode.of(subcode) : null;
        return cease != null && cease.carriesCommunication() ? ShutdownCommunication.parse(data)
                : new ShutdownCommunication.Absent();
    }

    /**
     * One line for an operator, e.g. {@code Cease / Administrative Shutdown: "maintenance until 02:00"} or
     * {@code OPEN Message Error / Unacceptable Hold Time [data 0001]}. Peer-supplied text is escaped so that it
     * cannot break the line.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(ErrorNames.code(code));
        String sub = ErrorNames.subcode(code, subcode);
        if (sub != null) {
            sb.append(" / ").append(sub);
        } else if (subcode != 0) {
            sb.append(" / subcode ").append(subcode);
        }
        switch (shutdownCommunication()) {
            case ShutdownCommunication.Text t -> {
                if (!t.text().isEmpty()) sb.append(": \"").append(escape(t.text())).append('"');
            }
            case ShutdownCommunication.Malformed m -> sb.append(" (malformed shutdown communication: ")
                    .append(m.reason()).append(") [data ").append(HexFormat.of().formatHex(data)).append(']');
            case ShutdownCommunication.Absent a -> {
                if (data.length > 0) sb.append(" [data ").append(HexFormat.of().formatHex(data)).append(']');
            }
        }
        return sb.toString();
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (invisible(c)) sb.append(String.format("\\u%04x", c));
                    else sb.appendCodePoint(c);
                }
            }
        });
        return sb.toString();
    }

    /** Controls, line separators and format characters such as bidi overrides, which could disguise a log line. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotificationMessage n && n.code == code && n.subcode == subcode
                && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return (code * 256 + subcode) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NOTIFICATION " + describe();
    }
}
