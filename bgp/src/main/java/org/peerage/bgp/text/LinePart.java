package org.peerage.bgp.text;

import java.io.ByteArrayOutputStream;

/** A piece of a line formatted once and copied into many lines (a route's attributes, a message's peer header). */
final class LinePart {
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(512);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private final Buffer buffer = new Buffer();
    private final AsciiSink sink = new AsciiSink(buffer, 1 << 16);

    /** Clears the part and returns the sink to format it into; call {@link #done()} after. */
    AsciiSink start() {
        buffer.reset();
        return sink;
    }

    void done() {
        sink.flush();
    }

    void copyTo(AsciiSink out) {
        out.bytes(buffer.bytes(), 0, buffer.size());
    }
}
