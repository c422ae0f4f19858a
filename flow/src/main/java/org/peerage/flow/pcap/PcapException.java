package org.peerage.flow.pcap;

import java.io.IOException;

/** A damaged capture file: names the byte offset (in the decompressed stream) where reading had to stop. */
public final class PcapException extends IOException {
    private final long offset;

    public PcapException(long offset, String message) {
        super(message + " at byte offset " + offset);
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
