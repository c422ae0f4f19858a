package org.peerage.bgp.mrt;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.peerage.bgp.wire.WireWriter;

/**
 * Writes MRT records: TABLE_DUMP_V2 RIB dumps (a PEER_INDEX_TABLE, then RIB records) and BGP4MP message logs.
 * What it writes, bgpdump reads.
 */
public final class MrtWriter implements AutoCloseable {
    private final OutputStream out;

    public MrtWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** Writes one record for the entry, with a plain (seconds) timestamp. */
    public void write(long timestamp, MrtEntry entry) throws IOException {
        write(timestamp, -1, entry);
    }

    /**
     * Writes one record; with {@code microseconds >= 0} a BGP4MP entry is written as BGP4MP_ET (RFC 6396 §3).
     */
    public void write(long timestamp, int microseconds, MrtEntry entry) throws IOException {
        MrtType type = MrtEncoder.type(entry);
        boolean et = microseconds >= 0;
        if (et && type != MrtType.BGP4MP) {
            throw new IllegalArgumentException("only BGP4MP records have an extended timestamp form");
        }
        byte[] body = MrtEncoder.body(entry);
        WireWriter header = new WireWriter(16);
        header.u32(timestamp).u16(et ? MrtType.BGP4MP_ET.code() : type.code()).u16(MrtEncoder.subtype(entry))
                .u32(body.length + (et ? 4 : 0));
        if (et) {
            header.u32(microseconds);
        }
        out.write(header.toByteArray());
        out.write(body);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
