package org.peerage.flow;

/**
 * One flow record being decoded: a reusable, mutable scratch of primitives that a decoder fills field by field and
 * then appends to a {@link FlowBatch}. Addresses are two longs each, IPv4 as the IPv4-mapped IPv6 address
 * (::ffff:a.b.c.d, so the dotted quad is the low 32 bits of {@code lo}).
 */
public final class FlowFields {
    public static final long IPV4_MAPPED = 0xFFFF_0000_0000L;

    public long startMillis;
    public long endMillis;
    public int family;
    public long srcHi;
    public long srcLo;
    public long dstHi;
    public long dstLo;
    public int protocol;
    public int srcPort;
    public int dstPort;
    public int tcpFlags;
    public long bytes;
    public long packets;
    public int samplingRate;
    public int inIf;
    public int outIf;
    public int srcAs;
    public int dstAs;
    public int exporter;

    public void clear() {
        startMillis = endMillis = 0;
        family = 0;
        srcHi = srcLo = dstHi = dstLo = 0;
        protocol = srcPort = dstPort = tcpFlags = 0;
        bytes = packets = 0;
        samplingRate = inIf = outIf = srcAs = dstAs = 0;
        exporter = 0;
    }

    public void srcIpv4(int address) {
        family = 4;
        srcHi = 0;
        srcLo = IPV4_MAPPED | (address & 0xFFFF_FFFFL);
    }

    public void dstIpv4(int address) {
        family = 4;
        dstHi = 0;
        dstLo = IPV4_MAPPED | (address & 0xFFFF_FFFFL);
    }

    public void srcIpv6(long hi, long lo) {
        family = 6;
        srcHi = hi;
        srcLo = lo;
    }

    public void dstIpv6(long hi, long lo) {
        family = 6;
        dstHi = hi;
        dstLo = lo;
    }

    /** True once either address was set. */
    public boolean hasAddresses() {
        return family != 0;
    }
}
