package org.peerage.flow.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a classic libpcap file (big-endian, nanosecond timestamps) of one link type. */
public final class PcapWriter implements AutoCloseable {
    private static final int SNAPLEN = 262_144;
    private final OutputStream out;
    private final byte[] header = new byte[16];

    public PcapWriter(OutputStream out, int linkType) throws IOException {
        this.out = out;
        byte[] file = new byte[24];
        put32(file, 0, 0xA1B23C4D);
        file[4] = 0;
        file[5] = 2;
        file[6] = 0;
        file[7] = 4;
        put32(file, 16, SNAPLEN);
        put32(file, 20, linkType);
        out.write(file);
    }

    public static PcapWriter create(Path path, int linkType) throws IOException {
        return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), linkType);
    }

    public void write(long timestampNanos, byte[] frame) throws IOException {
        put32(header, 0, (int) (timestampNanos / 1_000_000_000L));
        put32(header, 4, (int) (timestampNanos % 1_000_000_000L));
        put32(header, 8, frame.length);
        put32(header, 12, frame.length);
        out.write(header);
        out.write(frame);
    }

    private static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
