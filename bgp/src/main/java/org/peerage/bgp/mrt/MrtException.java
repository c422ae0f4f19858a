package org.peerage.bgp.mrt;

import java.io.IOException;

/** A damaged MRT stream: names the byte offset (in the decompressed stream) where reading had to stop. */
public final class MrtException extends IOException {
    private final long offset;

    public MrtException(long offset, String message, Throwable cause) {
        super(message + " at byte offset " + offset, cause);
        this.offset = offset;
    }

    public MrtException(long offset, String message) {
        this(offset, message, null);
    }

    /** Offset of the damaged record's first byte in the decompressed MRT stream. */
    public long offset() {
        return offset;
    }
}
