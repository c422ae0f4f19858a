package org.peerage.bgp.wire;

import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u8;

import java.util.Arrays;

/** The ROUTE-REFRESH body codec (after the 19-byte header). Malformation offsets are relative to the body. */
public final class RouteRefreshCodec {
    static final int BODY_LENGTH = 4;

    private RouteRefreshCodec() {
    }

    /**
     * Decodes AFI, subtype, SAFI. Any other length is a ROUTE-REFRESH Message Error / Invalid Message Length
     * (RFC 7313 §5), whose data is the message: here the body, as the header is not at hand
     * ({@link BgpMessageCodec} reports the whole message). Peerage negotiates no ORF (RFC 5291), the one extension
     * that lengthens the message.
     */
    public static DecodeResult<RouteRefreshMessage> decode(byte[] buf, int off, int len) {
        if (len != BODY_LENGTH) {
            return DecodeResult.failed(invalidLength(Arrays.copyOfRange(buf, off, off + len), 0,
                    BgpMessageCodec.HEADER_LENGTH + len));
        }
        return DecodeResult.ok(new RouteRefreshMessage(AddressFamily.of(u16(buf, off), u8(buf, off + 3)),
                u8(buf, off + 2)));
    }

    static Malformation invalidLength(byte[] data, int offset, int messageLength) {
        return new Malformation(ErrorAction.SESSION_RESET, NotificationCode.ROUTE_REFRESH_MESSAGE_ERROR,
                RouteRefreshErrorSubcode.INVALID_MESSAGE_LENGTH.code(), data, offset, -1,
                "ROUTE-REFRESH message length " + messageLength + ", expected "
                        + (BgpMessageCodec.HEADER_LENGTH + BODY_LENGTH));
    }

    public static void encodeBody(WireWriter out, RouteRefreshMessage m) {
        out.u16(m.family().afi()).u8(m.subtype()).u8(m.family().safi());
    }
}
