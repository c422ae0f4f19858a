package org.peerage.flow;

import java.net.InetAddress;

/**
 * One flow record as a value: the convenient view of a {@link FlowBatch} row. Unsigned 32-bit fields are longs
 * here; a sampling rate of 0 means none was announced; addresses are null when the exporter sent none.
 */
public record FlowRecord(long startMillis, long endMillis, InetAddress src, InetAddress dst, int protocol,
                         int srcPort, int dstPort, int tcpFlags, long bytes, long packets, long samplingRate,
                         long inIf, long outIf, long srcAs, long dstAs, InetAddress exporter) {
}
