package org.peerage.flow.sflow;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.i64;
import static org.peerage.bgp.wire.WireReader.u32;

import java.util.HashMap;
import java.util.Map;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.flow.FlowProtocol;
import org.peerage.flow.Malformation;
import org.peerage.flow.PacketResult;
import org.peerage.flow.SequenceTracker;
import org.peerage.flow.packet.LinkType;
import org.peerage.flow.packet.PacketParser;
import org.peerage.flow.packet.ParsedPacket;

/**
 * sFlow version 5 datagrams (sflow.org sFlow v5): flow samples and expanded flow samples, each giving one flow
 * record of one packet scaled by the sample's sampling rate. Its addresses, protocol, ports and TCP flags come from
 * the sampled packet header (Ethernet, VLAN and MPLS stacks, IPv4, IPv6) or from the sampled IPv4/IPv6 data
 * records; bytes are the sampled frame's length; the extended gateway record gives the source AS and the
 * destination's origin AS. Counter samples and other enterprises' samples are skipped and counted. sFlow carries no
 * flow times: the datagram's reception time is used.
 */
public final class SFlowDecoder {
    private static final int FLOW_SAMPLE = 1;
    private static final int EXPANDED_FLOW_SAMPLE = 3;
    private static final int RAW_PACKET_HEADER = 1;
    private static final int SAMPLED_IPV4 = 3;
    private static final int SAMPLED_IPV6 = 4;
    private static final int EXTENDED_GATEWAY = 1003;

    /** An agent's stream of datagrams: the sequence numbers run per agent address and sub-agent. */
    private record Agent(int exporter, long hi, long lo, long subAgent) {
    }

    /** Agents whose sequence numbers are followed; past this many, new ones are decoded but not followed. */
    private static final int MAX_AGENTS = 65_536;

    private final Map<Agent, SequenceTracker> agents = new HashMap<>();
    private final FlowFields f = new FlowFields();
    private final ParsedPacket packet = new ParsedPacket();

    private Malformation failReason;
    private int failOffset;
    private String failDetail;
    private int records;
    private int skipped;

    /** Decodes one datagram whose first four bytes are version 5. */
    public PacketResult decode(byte[] b, int off, int len, int exporter, long receivedMillis, FlowBatch out) {
        records = skipped = 0;
        FlowProtocol protocol = FlowProtocol.SFLOW_V5;
        int end = off + len;
        if (len < 8) {
            return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, 0, len + " bytes", 0);
        }
        long addressType = u32(b, off + 4);
        int addressLength = addressType == 1 ? 4 : addressType == 2 ? 16 : -1;
        if (addressLength < 0) {
            return new PacketResult.Malformed(protocol, Malformation.BAD_ADDRESS_TYPE, 4,
                    "agent address type " + addressType, 0);
        }
        int headerLength = 8 + addressLength + 16;
        if (len < headerLength) {
            return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, 0,
                    len + " bytes, shorter than the " + headerLength + "-byte header", 0);
        }
        long hi = addressLength == 16 ? i64(b, off + 8) : 0;
        long lo = addressLength == 16 ? i64(b, off + 16) : i32(b, off + 8) & 0xFFFF_FFFFL;
        int p = off + 8 + addressLength;
        long subAgent = u32(b, p);
        long sequence = u32(b, p + 4);
        long samples = u32(b, p + 12);
        p += 16;
        Agent agent = new Agent(exporter, hi, lo, subAgent);
        SequenceTracker tracker = agents.get(agent);
        if (tracker == null && agents.size() < MAX_AGENTS) {
            tracker = new SequenceTracker();
            agents.put(agent, tracker);
        }
        long lost = tracker == null ? 0 : tracker.observe(sequence, 1);
        for (long n = 0; n < samples; n++) {
            if (end - p < 8) {
                return malformed(Malformation.TRUNCATED, p - off, "sample " + (n + 1) + " of " + samples
                        + " missing");
            }
            long format = u32(b, p);
            long length = u32(b, p + 4);
            if (length > end - p - 8) {
                return malformed(Malformation.BAD_SAMPLE, p - off, "sample " + (n + 1) + " of length " + length
                        + " runs past the datagram");
            }
            int sampleEnd = p + 8 + (int) length;
            boolean standard = format >>> 12 == 0;
            int kind = (int) (format & 0xFFF);
            if (standard && (kind == FLOW_SAMPLE || kind == EXPANDED_FLOW_SAMPLE)) {
                if (!flowSample(b, p + 8, sampleEnd, off, kind == EXPANDED_FLOW_SAMPLE, exporter, receivedMillis,
                        out)) {
                    return malformed(failReason, failOffset, failDetail);
                }
            } else {
                skipped++; // counter samples, other enterprises' samples
            }
            p = sampleEnd;
        }
        return new PacketResult.Decoded(protocol, records, 0, 0, 0, skipped, lost);
    }

    private PacketResult malformed(Malformation reason, int offset, String detail) {
        return new PacketResult.Malformed(FlowProtocol.SFLOW_V5, reason, offset, detail, records);
    }

    private boolean fail(Malformation reason, int offset, String detail) {
        failReason = reason;
        failOffset = offset;
        failDetail = detail;
        return false;
    }

    private boolean flowSample(byte[] b, int p, int end, int base, boolean expanded, int exporter,
                               long receivedMillis, FlowBatch out) {
        int fixed = expanded ? 44 : 32;
        if (end - p < fixed) {
            return fail(Malformation.BAD_SAMPLE, p - base, (expanded ? "expanded " : "") + "flow sample of "
                    + (end - p) + " bytes, below its " + fixed);
        }
        f.clear();
        f.exporter = exporter;
        f.startMillis = f.endMillis = receivedMillis;
        f.packets = 1;
        long rate;
        long recordCount;
        if (expanded) {
            rate = u32(b, p + 12);
            f.inIf = u32(b, p + 24) == 0 ? i32(b, p + 28) : 0;
            f.outIf = u32(b, p + 32) == 0 ? i32(b, p + 36) : 0;
            recordCount = u32(b, p + 40);
        } else {
            rate = u32(b, p + 8);
            f.inIf = ifIndex(i32(b, p + 20));
            f.outIf = ifIndex(i32(b, p + 24));
            recordCount = u32(b, p + 28);
        }
        f.samplingRate = (int) Math.min(rate, Integer.MAX_VALUE);
        int q = p + fixed;
        for (long n = 0; n < recordCount; n++) {
            if (end - q < 8) {
                return fail(Malformation.BAD_SAMPLE, q - base, "flow record " + (n + 1) + " of " + recordCount
                        + " missing");
            }
            long format = u32(b, q);
            long length = u32(b, q + 4);
            if (length > end - q - 8) {
                return fail(Malformation.BAD_SAMPLE, q - base, "flow record of length " + length
                        + " runs past its sample");
            }
            int r = q + 8;
            int recordEnd = r + (int) length;
            if (format >>> 12 == 0 && !flowRecord((int) (format & 0xFFF), b, r, recordEnd, base)) {
                return false;
            }
            q = recordEnd;
        }
        if (f.hasAddresses() || f.bytes > 0) {
            out.append(f);
            records++;
        } else {
            skipped++;
        }
        return true;
    }

    /** An interface of a compact flow sample: format 0 is an ifIndex; discards and multiple interfaces give 0. */
    private static int ifIndex(int value) {
        return value >>> 30 == 0 ? value & 0x3FFF_FFFF : 0;
    }

    private boolean flowRecord(int kind, byte[] b, int r, int end, int base) {
        int length = end - r;
        switch (kind) {
            case RAW_PACKET_HEADER -> {
                if (length < 16) {
                    return fail(Malformation.BAD_SAMPLE, r - base, "sampled header record of " + length + " bytes");
                }
                long headerProtocol = u32(b, r);
                long frameLength = u32(b, r + 4);
                long headerLength = u32(b, r + 12);
                if (headerLength > length - 16) {
                    return fail(Malformation.BAD_SAMPLE, r - base, "sampled header of " + headerLength
                            + " bytes in a record of " + length);
                }
                f.bytes = frameLength;
                LinkType link = headerProtocol == 1 ? LinkType.ETHERNET : headerProtocol == 11 ? LinkType.IPV4
                        : headerProtocol == 12 ? LinkType.IPV6 : null;
                if (link != null && !f.hasAddresses()) {
                    PacketParser.parse(link, b, r + 16, (int) headerLength, packet);
                    if (packet.family != 0) {
                        f.family = packet.family;
                        f.srcHi = packet.srcHi;
                        f.srcLo = packet.srcLo;
                        f.dstHi = packet.dstHi;
                        f.dstLo = packet.dstLo;
                        f.protocol = packet.protocol;
                        f.srcPort = packet.srcPort;
                        f.dstPort = packet.dstPort;
                        f.tcpFlags = packet.tcpFlags;
                    }
                }
            }
            case SAMPLED_IPV4 -> {
                if (length < 32) {
                    return fail(Malformation.BAD_SAMPLE, r - base, "sampled IPv4 record of " + length + " bytes");
                }
                if (f.bytes == 0) {
                    f.bytes = u32(b, r);
                }
                if (!f.hasAddresses()) {
                    f.protocol = (int) u32(b, r + 4) & 0xFF;
                    f.srcIpv4(i32(b, r + 8));
                    f.dstIpv4(i32(b, r + 12));
                    f.srcPort = (int) u32(b, r + 16) & 0xFFFF;
                    f.dstPort = (int) u32(b, r + 20) & 0xFFFF;
                    f.tcpFlags = (int) u32(b, r + 24) & 0xFF;
                }
            }
            case SAMPLED_IPV6 -> {
                if (length < 56) {
                    return fail(Malformation.BAD_SAMPLE, r - base, "sampled IPv6 record of " + length + " bytes");
                }
                if (f.bytes == 0) {
                    f.bytes = u32(b, r);
                }
                if (!f.hasAddresses()) {
                    f.protocol = (int) u32(b, r + 4) & 0xFF;
                    f.srcIpv6(i64(b, r + 8), i64(b, r + 16));
                    f.dstIpv6(i64(b, r + 24), i64(b, r + 32));
                    f.srcPort = (int) u32(b, r + 40) & 0xFFFF;
                    f.dstPort = (int) u32(b, r + 44) & 0xFFFF;
                    f.tcpFlags = (int) u32(b, r + 48) & 0xFF;
                }
            }
            case EXTENDED_GATEWAY -> {
                return gateway(b, r, end, base);
            }
            default -> { } // extended switch, router, user, URL...: nothing the flow record keeps
        }
        return true;
    }

    /** Extended gateway: next hop, router AS, source AS, source peer AS, destination AS path (its last AS). */
    private boolean gateway(byte[] b, int r, int end, int base) {
        if (end - r < 4) {
            return fail(Malformation.BAD_SAMPLE, r - base, "extended gateway record cut short");
        }
        long type = u32(b, r);
        int addressLength = type == 1 ? 4 : type == 2 ? 16 : -1;
        if (addressLength < 0) {
            return fail(Malformation.BAD_ADDRESS_TYPE, r - base, "next hop address type " + type);
        }
        int q = r + 4 + addressLength;
        if (end - q < 16) {
            return fail(Malformation.BAD_SAMPLE, r - base, "extended gateway record cut short");
        }
        f.srcAs = i32(b, q + 4);
        long segments = u32(b, q + 12);
        q += 16;
        int last = 0;
        for (long s = 0; s < segments; s++) {
            if (end - q < 8) {
                return fail(Malformation.BAD_SAMPLE, q - base, "AS path segment " + (s + 1) + " of " + segments
                        + " cut short");
            }
            long count = u32(b, q + 4);
            if (count > (end - q - 8) / 4) {
                return fail(Malformation.BAD_SAMPLE, q - base, "AS path segment of " + count
                        + " ASes runs past its record");
            }
            if (count > 0) {
                last = i32(b, q + 8 + (int) (count - 1) * 4);
            }
            q += 8 + (int) count * 4;
        }
        if (last != 0) {
            f.dstAs = last;
        }
        return true;
    }
}
