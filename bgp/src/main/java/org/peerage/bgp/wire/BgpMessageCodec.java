package org.peerage.bgp.wire;

import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames BGP messages (RFC 4271 §4.1): the 16-byte all-ones marker, the 2-byte length, the type, then the body,
 * which the per-type codecs decode. Malformation offsets from here count from the start of the message.
 */
public final class BgpMessageCodec {
    public static final int HEADER_LENGTH = 19;
    private static final int MARKER_LENGTH = 16;
    private static final int LENGTH_AT = 16;
    private static final int TYPE_AT = 18;
    /** RFC 8654 §4: OPEN and KEEPALIVE stay within 4,096 bytes even when extended messages are negotiated. */
    private static final int OPEN_MAX_LENGTH = CodecContext.STANDARD_MAX_LENGTH;

    private BgpMessageCodec() {
    }

    /**
     * Frames and decodes the message starting at {@code buf[off]}, of which {@code available} bytes have arrived.
     * Header fields are checked as soon as they are in, so a broken stream fails without waiting for its length.
     */
    public static FrameResult decode(byte[] buf, int off, int available, CodecContext ctx) {
        for (int i = 0; i < Math.min(available, MARKER_LENGTH); i++) {
            if (buf[off + i] != (byte) 0xFF) {
                return new FrameResult.Failed(HeaderMalformations.notSynchronized(i, String.format(
                        "marker byte %d is 0x%02x, not 0xff", i, buf[off + i] & 0xFF)));
            }
        }
        if (available < HEADER_LENGTH) {
            return new FrameResult.NeedMore(HEADER_LENGTH - available);
        }
        int length = u16(buf, off + LENGTH_AT);
        if (length < HEADER_LENGTH || length > ctx.maxMessageLength()) {
            return failed(HeaderMalformations.badLength(length, LENGTH_AT, "message length " + length
                    + " is outside " + HEADER_LENGTH + ".." + ctx.maxMessageLength()));
        }
        int typeCode = u8(buf, off + TYPE_AT);
        MessageType type = MessageType.of(typeCode);
        if (type == null) {
            return failed(HeaderMalformations.badType(typeCode, TYPE_AT, "unknown message type " + typeCode));
        }
        if (type == MessageType.ROUTE_REFRESH && length != HEADER_LENGTH + RouteRefreshCodec.BODY_LENGTH) {
            // RFC 7313 §5 sends the whole message back, so wait until it is here.
            return available < length ? new FrameResult.NeedMore(length - available)
                    : failed(RouteRefreshCodec.invalidLength(Arrays.copyOfRange(buf, off, off + length), LENGTH_AT,
                            length));
        }
        String badLength = checkTypeLength(type, length);
        if (badLength != null) {
            return failed(HeaderMalformations.badLength(length, LENGTH_AT, badLength));
        }
        if (available < length) {
            return new FrameResult.NeedMore(length - available);
        }
        return body(type, buf, off + HEADER_LENGTH, length - HEADER_LENGTH, ctx);
    }

    /** RFC 4271 §6.1: the per-type minimum (or exact) lengths; null if {@code length} is acceptable. */
    private static String checkTypeLength(MessageType type, int length) {
        int min = switch (type) {
            case OPEN -> HEADER_LENGTH + OpenCodec.FIXED_LENGTH;
            case UPDATE -> HEADER_LENGTH + 4;
            case NOTIFICATION -> HEADER_LENGTH + 2;
            case KEEPALIVE, ROUTE_REFRESH -> HEADER_LENGTH;
        };
        int max = switch (type) {
            case OPEN -> OPEN_MAX_LENGTH;
            case KEEPALIVE -> HEADER_LENGTH;
            default -> Integer.MAX_VALUE;
        };
        if (length < min) {
            return type + " message length " + length + " is below the minimum " + min;
        }
        if (length > max) {
            return type + " message length " + length + (min == max ? ", must be " : " exceeds ") + max;
        }
        return null;
    }

    private static FrameResult body(MessageType type, byte[] buf, int off, int len, CodecContext ctx) {
        DecodeResult<? extends BgpMessage> result = switch (type) {
            case OPEN -> OpenCodec.decode(buf, off, len);
            case UPDATE -> UpdateCodec.decode(buf, off, len, ctx);
            case NOTIFICATION -> NotificationCodec.decode(buf, off, len);
            case KEEPALIVE -> DecodeResult.ok(KeepaliveMessage.INSTANCE);
            case ROUTE_REFRESH -> RouteRefreshCodec.decode(buf, off, len);
        };
        return switch (result) {
            case DecodeResult.Decoded<? extends BgpMessage> d -> {
                List<Malformation> shifted = new ArrayList<>(d.malformations().size());
                for (Malformation m : d.malformations()) {
                    shifted.add(fromMessageStart(m));
                }
                yield new FrameResult.Message(d.value(), HEADER_LENGTH + len, shifted);
            }
            case DecodeResult.Failed<? extends BgpMessage> f -> failed(fromMessageStart(f.malformation()));
        };
    }

    /** Body codecs count offsets from the body; callers of this codec expect them from the message start. */
    private static Malformation fromMessageStart(Malformation m) {
        return new Malformation(m.action(), m.code(), m.subcode(), m.data(), m.offset() + HEADER_LENGTH,
                m.attributeType(), m.reason());
    }

    private static FrameResult failed(Malformation m) {
        return new FrameResult.Failed(m);
    }

    /**
     * The message with its header.
     *
     * @throws IllegalArgumentException if it would exceed {@code ctx.maxMessageLength()} (4,096 for OPEN): the
     *                                  caller must split UPDATEs or trim what it sends
     */
    public static byte[] encode(BgpMessage message, CodecContext ctx) {
        WireWriter out = new WireWriter(64);
        for (int i = 0; i < MARKER_LENGTH; i++) {
            out.u8(0xFF);
        }
        int lengthAt = out.skip(2);
        out.u8(message.type().code());
        switch (message) {
            case OpenMessage o -> OpenCodec.encodeBody(out, o);
            case UpdateMessage u -> UpdateCodec.encodeBody(out, u, ctx);
            case NotificationMessage n -> NotificationCodec.encodeBody(out, n);
            case KeepaliveMessage k -> { }
            case RouteRefreshMessage r -> RouteRefreshCodec.encodeBody(out, r);
        }
        int length = out.position();
        int max = message instanceof OpenMessage ? Math.min(OPEN_MAX_LENGTH, ctx.maxMessageLength())
                : ctx.maxMessageLength();
        if (length > max) {
            throw new IllegalArgumentException(message.type() + " message of " + length + " bytes exceeds the "
                    + max + "-byte maximum");
        }
        out.putU16At(lengthAt, length);
        return out.toByteArray();
    }
}
