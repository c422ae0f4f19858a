package org.peerage.flow.collect;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.u16;

import org.peerage.flow.FlowBatch;
import org.peerage.flow.Malformation;
import org.peerage.flow.PacketResult;
import org.peerage.flow.netflow.NetFlowV5Decoder;
import org.peerage.flow.netflow.TemplateFlowDecoder;
import org.peerage.flow.sflow.SFlowDecoder;

/**
 * Hands each datagram to the decoder its first bytes name: a 16-bit version 5, 9 or 10 (NetFlow v5, v9, IPFIX) or a
 * 32-bit version 5 (sFlow v5). Keeps the templates and sequence numbers of every exporter it has seen; one per
 * receiving thread.
 */
public final class ExportDecoder {
    private final NetFlowV5Decoder v5 = new NetFlowV5Decoder();
    private final TemplateFlowDecoder templated = new TemplateFlowDecoder();
    private final SFlowDecoder sflow = new SFlowDecoder();

    /**
     * @param exporter       the sender's id in the batch's exporter table
     * @param receivedMillis when the datagram arrived (the time of sFlow records, which carry none)
     */
    public PacketResult decode(byte[] b, int off, int len, int exporter, long receivedMillis, FlowBatch out) {
        if (len < 4) {
            return new PacketResult.Malformed(null, Malformation.TRUNCATED, 0, len + " bytes", 0);
        }
        int version = u16(b, off);
        return switch (version) {
            case 5 -> v5.decode(b, off, len, exporter, out);
            case 9, 10 -> templated.decode(b, off, len, exporter, out);
            case 0 -> i32(b, off) == 5 ? sflow.decode(b, off, len, exporter, receivedMillis, out)
                    : unknown(b, off);
            default -> unknown(b, off);
        };
    }

    private static PacketResult unknown(byte[] b, int off) {
        return new PacketResult.Malformed(null, Malformation.UNKNOWN_VERSION, 0,
                String.format("first bytes %02x %02x %02x %02x", b[off], b[off + 1], b[off + 2], b[off + 3]), 0);
    }
}
