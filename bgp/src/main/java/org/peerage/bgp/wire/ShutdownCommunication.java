package org.peerage.bgp.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The free-text reason an operator attaches to a Cease / Administrative Shutdown or Administrative Reset
 * (RFC 9003, which raised RFC 8203's limit to 255 bytes): a length octet, then that many bytes of UTF-8.
 * A malformed one is only logged, never a reason to act (RFC 9003 §4), so it is a value here, not a Malformation.
 */
public sealed interface ShutdownCommunication {
    int MAX_BYTES = 255;

    /** The NOTIFICATION carries no data, or is not one that may carry a communication. */
    record Absent() implements ShutdownCommunication {
    }

    /** A well-formed communication; empty when the length octet is 0. */
    record Text(String text) implements ShutdownCommunication {
    }

    /** The data is not a well-formed communication; the NOTIFICATION keeps it raw. */
    record Malformed(String reason) implements ShutdownCommunication {
    }

    /** Reads the communication from the data of a NOTIFICATION that may carry one. */
    static ShutdownCommunication parse(byte[] data) {
        if (data.length == 0) {
            return new Absent();
        }
        int length = data[0] & 0xFF;
        int following = data.length - 1;
        if (length > following) {
            return new Malformed("length " + length + " exceeds the " + following + " bytes that follow");
        }
        if (length < following) {
            return new Malformed("length " + length + " but " + following + " bytes follow");
        }
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, 1, length)).toString());
        } catch (CharacterCodingException e) {
            return new Malformed("not valid UTF-8");
        }
    }

    /** The NOTIFICATION data for a communication: its UTF-8 length, then the bytes. */
    static byte[] encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_BYTES) {
            throw new IllegalArgumentException("shutdown communication is " + utf8.length
                    + " bytes of UTF-8, more than " + MAX_BYTES);
        }
        byte[] data = new byte[1 + utf8.length];
        data[0] = (byte) utf8.length;
        System.arraycopy(utf8, 0, data, 1, utf8.length);
        return data;
    }
}
