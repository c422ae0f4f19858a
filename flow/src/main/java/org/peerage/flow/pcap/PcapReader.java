package org.peerage.flow.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.mrt.MrtInput;

/**
 * Reads capture files frame by frame: classic libpcap (either byte order, micro- or nanosecond timestamps) and
 * pcapng (section header, interface description with its timestamp resolution, enhanced, simple and obsolete packet
 * blocks; other blocks are skipped). Files may be gzip, bzip2 or xz compressed (recognized by content, as MRT files
 * are). A file cut short ends with a {@link PcapException} naming the offset, after every whole frame before it.
 */
public final class PcapReader implements AutoCloseable {
    private static final int MAX_FRAME = 1 << 18;
    private static final int MAX_BLOCK = 1 << 24;
    private static final int PCAPNG_SECTION = 0x0A0D0D0A;

    private final InputStream in;
    private long position;
    private final byte[] header = new byte[28];

    private boolean pcapng;
    private boolean littleEndian;
    // classic
    private int classicLinkType;
    private boolean nanoseconds;
    // pcapng: per interface of the current section
    private final List<int[]> interfaces = new ArrayList<>(); // {linkType, snaplen}
    private final List<long[]> resolutions = new ArrayList<>(); // {units per second}

    private PcapReader(InputStream in) throws IOException {
        this.in = in;
        readFileHeader();
    }

    /** Opens a capture file ("-" for standard input), plain or compressed. */
    public static PcapReader open(String name) throws IOException {
        return new PcapReader(MrtInput.open(name));
    }

    public static PcapReader of(InputStream in) throws IOException {
        return new PcapReader(in);
    }

    private void readFileHeader() throws IOException {
        if (!readFully(header, 0, 4, true, 0)) {
            throw new PcapException(0, "empty file, not a capture");
        }
        int magic = be(header, 0);
        switch (magic) {
            case 0xA1B2C3D4 -> classic(false, false);
            case 0xD4C3B2A1 -> classic(true, false);
            case 0xA1B23C4D -> classic(false, true);
            case 0x4D3CB2A1 -> classic(true, true);
            case PCAPNG_SECTION -> {
                pcapng = true;
                sectionHeader(0);
            }
            default -> throw new PcapException(0, String.format("not a pcap or pcapng file (magic 0x%08x)", magic));
        }
    }

    private void classic(boolean little, boolean nanos) throws IOException {
        littleEndian = little;
        nanoseconds = nanos;
        readFully(header, 4, 20, false, 0);
        classicLinkType = word(header, 20) & 0xFFFF; // upper bits may carry the FCS length
    }

    /** Reads the rest of a section header block whose type word was read at {@code start}. */
    private void sectionHeader(long start) throws IOException {
        readFully(header, 4, 8, false, start);
        int order = be(header, 8);
        if (order == 0x1A2B3C4D) {
            littleEndian = false;
        } else if (order == 0x4D3C2B1A) {
            littleEndian = true;
        } else {
            throw new PcapException(start, String.format("pcapng section with bad byte-order magic 0x%08x", order));
        }
        int length = word(header, 4);
        if (length < 28 || length > MAX_BLOCK || length % 4 != 0) {
            throw new PcapException(start, "pcapng section header of length " + length);
        }
        skip(length - 12, start);
        interfaces.clear();
        resolutions.clear();
    }

    /** The next frame, or null at the end of the file. */
    public PcapFrame next() throws IOException {
        return pcapng ? nextBlock() : nextClassic();
    }

    private PcapFrame nextClassic() throws IOException {
        long start = position;
        if (!readFully(header, 0, 16, true, start)) {
            return null;
        }
        long seconds = word(header, 0) & 0xFFFF_FFFFL;
        long fraction = word(header, 4) & 0xFFFF_FFFFL;
        int captured = word(header, 8);
        int original = word(header, 12);
        if (captured < 0 || captured > MAX_FRAME) {
            throw new PcapException(start, "frame record claims " + Integer.toUnsignedString(captured)
                    + " captured bytes");
        }
        byte[] data = new byte[captured];
        readFully(data, 0, captured, false, start);
        long nanos = seconds * 1_000_000_000L + (nanoseconds ? fraction : fraction * 1000);
        return new PcapFrame(nanos, classicLinkType, data, original, start);
    }

    private PcapFrame nextBlock() throws IOException {
        while (true) {
            long start = position;
            if (!readFully(header, 0, 8, true, start)) {
                return null;
            }
            int type = word(header, 0);
            if (type == PCAPNG_SECTION) {
                sectionHeader(start);
                continue;
            }
            int length = word(header, 4);
            if (length < 12 || length > MAX_BLOCK || length % 4 != 0) {
                throw new PcapException(start, "pcapng block of length " + Integer.toUnsignedString(length));
            }
            byte[] body = new byte[length - 8];
            readFully(body, 0, body.length, false, start);
            int bodyLength = body.length - 4; // the trailing copy of the length
            switch (type) {
                case 1 -> describeInterface(body, bodyLength, start);
                case 6 -> {
                    return enhancedPacket(body, bodyLength, start);
                }
                case 3 -> {
                    return simplePacket(body, bodyLength, start);
                }
                case 2 -> {
                    return obsoletePacket(body, bodyLength, start);
                }
                default -> { } // name resolution, statistics, custom blocks
            }
        }
    }

    private void describeInterface(byte[] body, int length, long start) throws PcapException {
        if (length < 8) {
            throw new PcapException(start, "pcapng interface description block too short");
        }
        int linkType = half(body, 0);
        int snaplen = word(body, 4);
        long unitsPerSecond = 1_000_000;
        for (int p = 8; p + 4 <= length; ) {
            int code = half(body, p);
            int optionLength = half(body, p + 2);
            if (code == 0 || p + 4 + optionLength > length) {
                break;
            }
            if (code == 9 && optionLength >= 1) { // if_tsresol
                int r = body[p + 4] & 0xFF;
                int exponent = r & 0x7F;
                if ((r & 0x80) == 0 && exponent <= 18) {
                    unitsPerSecond = pow10(exponent);
                } else if ((r & 0x80) != 0 && exponent <= 62) {
                    unitsPerSecond = 1L << exponent;
                }
            }
            p += 4 + ((optionLength + 3) & ~3);
        }
        interfaces.add(new int[] {linkType, snaplen});
        resolutions.add(new long[] {unitsPerSecond});
    }

    private PcapFrame enhancedPacket(byte[] body, int length, long start) throws PcapException {
        if (length < 20) {
            throw new PcapException(start, "pcapng enhanced packet block too short");
        }
        int iface = word(body, 0);
        long ts = ((word(body, 4) & 0xFFFF_FFFFL) << 32) | (word(body, 8) & 0xFFFF_FFFFL);
        int captured = word(body, 12);
        int original = word(body, 16);
        if (captured < 0 || 20 + (long) captured > length) {
            throw new PcapException(start, "pcapng packet of " + Integer.toUnsignedString(captured)
                    + " bytes overruns its block");
        }
        return frame(iface, ts, body, 20, captured, original, start);
    }

    private PcapFrame obsoletePacket(byte[] body, int length, long start) throws PcapException {
        if (length < 20) {
            throw new PcapException(start, "pcapng packet block too short");
        }
        int iface = half(body, 0);
        long ts = ((word(body, 4) & 0xFFFF_FFFFL) << 32) | (word(body, 8) & 0xFFFF_FFFFL);
        int captured = word(body, 12);
        int original = word(body, 16);
        if (captured < 0 || 20 + (long) captured > length) {
            throw new PcapException(start, "pcapng packet of " + Integer.toUnsignedString(captured)
                    + " bytes overruns its block");
        }
        return frame(iface, ts, body, 20, captured, original, start);
    }

    private PcapFrame simplePacket(byte[] body, int length, long start) throws PcapException {
        if (length < 4) {
            throw new PcapException(start, "pcapng simple packet block too short");
        }
        int original = word(body, 0);
        int captured = Math.min(length - 4, original);
        if (interfaces.isEmpty()) {
            throw new PcapException(start, "pcapng simple packet before any interface description");
        }
        int snaplen = interfaces.getFirst()[1];
        if (snaplen > 0) {
            captured = Math.min(captured, snaplen);
        }
        // A simple packet block carries no timestamp.
        return new PcapFrame(0, interfaces.getFirst()[0], java.util.Arrays.copyOfRange(body, 4, 4 + captured),
                original, start);
    }

    private PcapFrame frame(int iface, long ts, byte[] body, int off, int captured, int original, long start)
            throws PcapException {
        if (iface < 0 || iface >= interfaces.size()) {
            throw new PcapException(start, "pcapng packet names interface " + iface + " of " + interfaces.size());
        }
        long units = resolutions.get(iface)[0];
        long nanos = units <= 1_000_000_000L
                ? ts / units * 1_000_000_000L + ts % units * 1_000_000_000L / units
                : ts / (units / 1_000_000_000L);
        return new PcapFrame(nanos, interfaces.get(iface)[0], java.util.Arrays.copyOfRange(body, off, off + captured),
                original, start);
    }

    private static long pow10(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 10;
        }
        return v;
    }

    /**
     * Fills {@code n} bytes of the record (or header) that starts at {@code recordStart}; false if the stream ended
     * before the first byte and {@code atBoundary}.
     */
    private boolean readFully(byte[] buf, int off, int n, boolean atBoundary, long recordStart) throws IOException {
        int done = 0;
        while (done < n) {
            int r = in.read(buf, off + done, n - done);
            if (r < 0) {
                if (done == 0 && atBoundary) {
                    return false;
                }
                throw new PcapException(recordStart, "truncated capture: the file ends " + (n - done)
                        + " bytes short of the end of the record");
            }
            done += r;
            position += r;
        }
        return true;
    }

    private void skip(long n, long start) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        while (n > 0) {
            int chunk = (int) Math.min(n, scratch.length);
            readFully(scratch, 0, chunk, false, start);
            n -= chunk;
        }
    }

    private static int be(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private int word(byte[] b, int off) {
        int v = be(b, off);
        return littleEndian ? Integer.reverseBytes(v) : v;
    }

    private int half(byte[] b, int off) {
        int v = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        return littleEndian ? ((v & 0xFF) << 8) | (v >>> 8) : v;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
