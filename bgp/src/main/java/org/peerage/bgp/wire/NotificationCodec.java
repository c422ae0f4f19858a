package org.peerage.bgp.wire;

import static org.peerage.bgp.wire.WireReader.u8;

import java.util.Arrays;

/** The NOTIFICATION body codec (after the 19-byte header). Malformation offsets are relative to the body. */
public final class NotificationCodec {
    private NotificationCodec() {
    }

    public static DecodeResult<NotificationMessage> decode(byte[] buf, int off, int len) {
        if (len < 2) {
            return DecodeResult.failed(HeaderMalformations.badLength(BgpMessageCodec.HEADER_LENGTH + len, 0,
                    "NOTIFICATION body of " + len + " bytes lacks the error code and subcode"));
        }
        return DecodeResult.ok(new NotificationMessage(u8(buf, off), u8(buf, off + 1),
                Arrays.copyOfRange(buf, off + 2, off + len)));
    }

    public static void encodeBody(WireWriter out, NotificationMessage m) {
        out.u8(m.code()).u8(m.subcode()).bytes(m.data());
    }
}
