package org.peerage.bgp.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Supplier;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.FrameResult;

/**
 * Splits the TCP stream into BGP messages and decodes them; emits {@link FrameResult} values. After a fatal result it
 * discards everything: the session is being torn down.
 */
final class BgpFrameDecoder extends ByteToMessageDecoder {
    private final Supplier<CodecContext> context;
    private boolean failed;

    BgpFrameDecoder(Supplier<CodecContext> context) {
        this.context = context;
    }

    /** One message per call: Netty hands it on before decoding the next, so an OPEN's context applies at once. */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        byte[] array;
        int offset;
        int available = in.readableBytes();
        if (in.hasArray()) {
            array = in.array();
            offset = in.arrayOffset() + in.readerIndex();
        } else {
            // A direct buffer: copy one message's worth (its header says how much), not everything received.
            if (available >= BgpMessageCodec.HEADER_LENGTH) {
                int length = in.getUnsignedShort(in.readerIndex() + 16);
                available = Math.min(available, Math.max(length, BgpMessageCodec.HEADER_LENGTH));
            }
            array = new byte[available];
            in.getBytes(in.readerIndex(), array);
            offset = 0;
        }
        switch (BgpMessageCodec.decode(array, offset, available, context.get())) {
            case FrameResult.NeedMore ignored -> { }
            case FrameResult.Message m -> {
                in.skipBytes(m.length());
                out.add(m);
            }
            case FrameResult.Failed f -> {
                failed = true;
                in.skipBytes(in.readableBytes());
                out.add(f);
            }
        }
    }
}
