package org.peerage.flow.netflow;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u32;
import static org.peerage.bgp.wire.WireReader.u8;

import java.util.HashMap;
import java.util.Map;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.flow.FlowProtocol;
import org.peerage.flow.Malformation;
import org.peerage.flow.PacketResult;

/**
 * NetFlow v5: a 24-byte header (uptime, export time, flow sequence, engine, sampling interval) and up to 30 fixed
 * 48-byte records. The flow sequence is followed per exporter and engine to count lost records.
 */
public final class NetFlowV5Decoder {
    private static final int HEADER = 24;
    private static final int RECORD = 48;

    private final Map<DomainKey, ObservationDomain> engines = new HashMap<>();
    private final FlowFields f = new FlowFields();

    public PacketResult decode(byte[] b, int off, int len, int exporter, FlowBatch out) {
        FlowProtocol protocol = FlowProtocol.NETFLOW_V5;
        if (len < HEADER) {
            return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, 0,
                    len + " bytes, shorter than the 24-byte header", 0);
        }
        int count = u16(b, off + 2);
        if (count == 0 || count > 30) {
            return new PacketResult.Malformed(protocol, Malformation.BAD_HEADER, 2,
                    "record count " + count + " (1 to 30)", 0);
        }
        long sysUptime = u32(b, off + 4);
        long exportMillis = u32(b, off + 8) * 1000 + u32(b, off + 12) / 1_000_000;
        long sequence = u32(b, off + 16);
        int engine = u16(b, off + 20);
        int sampling = u16(b, off + 22);
        int rate = sampling & 0x3FFF; // the top two bits are the sampling mode
        ObservationDomain domain = engines.computeIfAbsent(new DomainKey(exporter, protocol, engine),
                k -> new ObservationDomain());
        int whole = Math.min(count, (len - HEADER) / RECORD);
        if (whole < count) {
            domain.sequence.forget();
        }
        long lost = whole < count ? 0 : domain.sequence.observe(sequence, count);
        for (int i = 0; i < whole; i++) {
            int p = off + HEADER + i * RECORD;
            f.clear();
            f.exporter = exporter;
            f.srcIpv4(i32(b, p));
            f.dstIpv4(i32(b, p + 4));
            f.inIf = u16(b, p + 12);
            f.outIf = u16(b, p + 14);
            f.packets = u32(b, p + 16);
            f.bytes = u32(b, p + 20);
            f.startMillis = exportMillis - (int) (sysUptime - u32(b, p + 24));
            f.endMillis = exportMillis - (int) (sysUptime - u32(b, p + 28));
            f.srcPort = u16(b, p + 32);
            f.dstPort = u16(b, p + 34);
            f.tcpFlags = u8(b, p + 37);
            f.protocol = u8(b, p + 38);
            f.srcAs = u16(b, p + 40);
            f.dstAs = u16(b, p + 42);
            f.samplingRate = rate;
            out.append(f);
        }
        if (whole < count) {
            return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, HEADER + whole * RECORD,
                    "header announces " + count + " records, " + len + " bytes hold " + whole, whole);
        }
        return new PacketResult.Decoded(protocol, count, 0, 0, 0, 0, lost);
    }
}
