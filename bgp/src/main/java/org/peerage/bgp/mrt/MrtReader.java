package org.peerage.bgp.mrt;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.peerage.bgp.wire.WireReader;

/**
 * Streams MRT records one at a time in constant memory. A stream that ends inside a record, or whose decompression
 * fails, stops with an {@link MrtException} naming the offset; every record before it has been returned.
 */
public final class MrtReader implements Closeable {
    /** Larger bodies mean a corrupt length field: real RIB records with thousands of peers stay far below. */
    public static final int MAX_RECORD_LENGTH = 1 << 24;
    private static final int HEADER = 12;

    private final InputStream in;
    private final byte[] header = new byte[HEADER];
    private long offset;

    public MrtReader(InputStream in) {
        this.in = in;
    }

    public static MrtReader open(String name) throws IOException {
        return new MrtReader(MrtInput.open(name));
    }

    /** The next record, or null at the clean end of the stream. */
    public MrtRecord next() throws IOException {
        long start = offset;
        int got = readFully(header, HEADER, start);
        if (got == 0) {
            return null;
        }
        if (got < HEADER) {
            throw new MrtException(start, "truncated MRT header: " + got + " of 12 bytes");
        }
        long timestamp = WireReader.u32(header, 0);
        int type = WireReader.u16(header, 4);
        int subtype = WireReader.u16(header, 6);
        long length = WireReader.u32(header, 8);
        if (length > MAX_RECORD_LENGTH) {
            throw new MrtException(start, "implausible MRT record length " + length + " (type " + type + ")");
        }
        MrtType known = MrtType.of(type);
        boolean et = known == MrtType.BGP4MP_ET;
        if (length == 0 || (et && length == 4)) {
            // No record type has an empty body. bgpdump ends the file here, and `mrt dump -m` must print what it
            // prints, so reading stops with an error rather than guessing whether what follows is sound.
            throw new MrtException(start, "zero-length MRT record (type " + type + " subtype " + subtype
                    + "); reading stops here");
        }
        if (et && length < 4) {
            throw new MrtException(start, "BGP4MP_ET record of length " + length + " has no microsecond field");
        }
        int micros = -1;
        if (et) {
            // The microsecond field counts in the length but is header, not body (RFC 6396 §3).
            int got4 = readFully(header, 4, start);
            if (got4 < 4) {
                throw new MrtException(start, "truncated BGP4MP_ET record: " + got4 + " of 4 microsecond bytes");
            }
            micros = WireReader.i32(header, 0);
            length -= 4;
        }
        byte[] body = new byte[(int) length];
        int bodyGot = readFully(body, body.length, start);
        if (bodyGot < body.length) {
            throw new MrtException(start, "truncated MRT record (type " + type + " subtype " + subtype + "): "
                    + bodyGot + " of " + length + " body bytes");
        }
        offset = start + HEADER + (et ? 4 : 0) + length;
        return new MrtRecord(start, timestamp, micros, type, subtype, body);
    }

    private int readFully(byte[] b, int len, long recordStart) throws MrtException {
        try {
            int n = in.readNBytes(b, 0, len);
            return n;
        } catch (EOFException e) {
            throw new MrtException(recordStart, "compressed stream ends early (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MrtException(recordStart, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
