package org.peerage.flow.netflow;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.i64;
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
import org.peerage.flow.packet.LinkType;
import org.peerage.flow.packet.PacketParser;
import org.peerage.flow.packet.ParsedPacket;

/**
 * NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) export packets: template and options template sets (IPFIX template
 * withdrawal included), data sets decoded with the template of their exporter and observation domain, options
 * data giving sampling rates per sampler id or domain-wide, and the system init time. Data sets that arrive before
 * their template are skipped and counted. Not thread-safe: one decoder per receiving thread.
 */
public final class TemplateFlowDecoder {
    private static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;
    /** Exporters use a handful of each; these bound what a broken or hostile sender can make us keep. */
    static final int MAX_DOMAINS_PER_EXPORTER = 1_024;
    static final int MAX_TEMPLATES_PER_DOMAIN = 4_096;

    private final Map<DomainKey, ObservationDomain> domains = new HashMap<>();
    private final Map<Integer, Integer> domainsPerExporter = new HashMap<>();
    private final FlowFields f = new FlowFields();
    private final ParsedPacket frame = new ParsedPacket();

    // The damage found, for the Malformed result.
    private Malformation failReason;
    private int failOffset;
    private String failDetail;

    // Per-packet counters.
    private int records;
    private int dataRecords;
    private int templates;
    private int optionRecords;
    private int waiting;

    // Per-record scratch: what the fields said, combined when the record ends.
    private long octets;
    private long packets;
    private long postOctets;
    private long postPackets;
    private long totalOctets;
    private long totalPackets;
    private long directRate;
    private long samplerId;
    private long packetInterval;
    private long packetSpace;
    private long samplingSize;
    private long samplingPopulation;
    private long inIf;
    private long outIf;
    private long inPhysical;
    private long outPhysical;
    private long startAbsolute;
    private long endAbsolute;
    private long startUptime;
    private long endUptime;
    private long startDeltaMicros;
    private long endDeltaMicros;
    private long durationMillis;
    private long systemInit;
    private int icmpTypeCode;
    private boolean v4;
    private boolean v6;
    private int src4;
    private int dst4;
    private long src6Hi;
    private long src6Lo;
    private long dst6Hi;
    private long dst6Lo;
    private int frameOffset;
    private int frameLength;

    /**
     * Decodes one datagram whose first two bytes say version 9 or 10, appending its flow records to {@code out}.
     *
     * @param exporter the exporter's id in the batch's {@link org.peerage.flow.Exporters}
     */
    public PacketResult decode(byte[] b, int off, int len, int exporter, FlowBatch out) {
        records = dataRecords = templates = optionRecords = waiting = 0;
        boolean ipfix = len >= 2 && u16(b, off) == 10;
        FlowProtocol protocol = ipfix ? FlowProtocol.IPFIX : FlowProtocol.NETFLOW_V9;
        int headerLength = ipfix ? 16 : 20;
        if (len < headerLength) {
            return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, 0,
                    len + " bytes, shorter than the " + headerLength + "-byte header", 0);
        }
        int end = off + len;
        long exportMillis;
        long sysUptime = 0;
        long sequence;
        long domainId;
        if (ipfix) {
            int length = u16(b, off + 2);
            if (length < 16) {
                return new PacketResult.Malformed(protocol, Malformation.BAD_HEADER, 2,
                        "message length " + length + " below the header's 16", 0);
            }
            if (length > len) {
                return new PacketResult.Malformed(protocol, Malformation.TRUNCATED, 2,
                        "message length " + length + " but " + len + " bytes received", 0);
            }
            end = off + length;
            exportMillis = u32(b, off + 4) * 1000;
            sequence = u32(b, off + 8);
            domainId = u32(b, off + 12);
        } else {
            sysUptime = u32(b, off + 4);
            exportMillis = u32(b, off + 8) * 1000;
            sequence = u32(b, off + 12);
            domainId = u32(b, off + 16);
        }
        DomainKey key = new DomainKey(exporter, protocol, domainId);
        ObservationDomain domain = domains.get(key);
        if (domain == null) {
            int kept = domainsPerExporter.getOrDefault(exporter, 0);
            if (kept >= MAX_DOMAINS_PER_EXPORTER) {
                return new PacketResult.Malformed(protocol, Malformation.LIMIT, ipfix ? 12 : 16,
                        "observation domain " + domainId + " beyond the " + MAX_DOMAINS_PER_EXPORTER
                                + " kept for this exporter", 0);
            }
            domain = new ObservationDomain();
            domains.put(key, domain);
            domainsPerExporter.put(exporter, kept + 1);
        }
        long lost = ipfix ? 0 : domain.sequence.observe(sequence, 1);
        boolean countKnown = true;
        int p = off + headerLength;
        while (end - p >= 4) {
            int setId = u16(b, p);
            int setLength = u16(b, p + 2);
            if (setLength < 4) {
                return malformed(protocol, domain, Malformation.BAD_SET, p - off,
                        "set " + setId + " of length " + setLength);
            }
            if (setLength > end - p) {
                return malformed(protocol, domain, Malformation.BAD_SET, p - off,
                        "set " + setId + " of length " + setLength + " runs past the datagram (" + (end - p)
                                + " bytes left)");
            }
            int setEnd = p + setLength;
            boolean ok = true;
            if (setId == (ipfix ? 2 : 0)) {
                ok = templateSet(b, p + 4, setEnd, off, domain, ipfix, false);
            } else if (setId == (ipfix ? 3 : 1)) {
                ok = templateSet(b, p + 4, setEnd, off, domain, ipfix, true);
            } else if (setId >= 256) {
                Template t = domain.templates.get(setId);
                if (t == null) {
                    waiting++;
                    countKnown = false;
                } else {
                    ok = dataSet(t, b, p + 4, setEnd, off, domain, exportMillis, sysUptime, ipfix, exporter, out);
                }
            }
            // Set ids 4 to 255 (IPFIX) and 2 to 255 (NetFlow v9) are reserved: skipped by their length.
            if (!ok) {
                return malformed(protocol, domain, failReason, failOffset, failDetail);
            }
            p = setEnd;
        }
        if (ipfix) {
            lost = domain.sequence.observeRecords(sequence, countKnown ? dataRecords : -1);
        }
        return new PacketResult.Decoded(protocol, records, templates, optionRecords, waiting, 0, lost);
    }

    private PacketResult malformed(FlowProtocol protocol, ObservationDomain domain, Malformation reason, int offset,
                                   String detail) {
        domain.sequence.forget();
        return new PacketResult.Malformed(protocol, reason, offset, detail, records);
    }

    private boolean fail(Malformation reason, int offset, String detail) {
        failReason = reason;
        failOffset = offset;
        failDetail = detail;
        return false;
    }

    private boolean templateSet(byte[] b, int p, int setEnd, int base, ObservationDomain domain, boolean ipfix,
                                boolean options) {
        while (setEnd - p >= 4) {
            int id = u16(b, p);
            int count = u16(b, p + 2);
            if (ipfix && count == 0) { // withdrawal (RFC 7011 section 8.1)
                if (id == (options ? 3 : 2)) {
                    domain.templates.values().removeIf(t -> t.options() == options);
                } else if (id >= 256) {
                    domain.templates.remove(id);
                } else {
                    return fail(Malformation.BAD_TEMPLATE, p - base, "withdrawal of reserved template id " + id);
                }
                templates++;
                p += 4;
                continue;
            }
            if (id < 256) {
                if (id == 0 && count == 0) {
                    break; // padding
                }
                return fail(Malformation.BAD_TEMPLATE, p - base, "template id " + id + " is reserved (below 256)");
            }
            int fieldCount;
            int scopeCount;
            int q;
            if (!options) {
                fieldCount = count;
                scopeCount = 0;
                q = p + 4;
            } else if (ipfix) {
                if (setEnd - p < 6) {
                    return fail(Malformation.BAD_TEMPLATE, p - base, "options template " + id + " cut short");
                }
                fieldCount = count;
                scopeCount = u16(b, p + 4);
                if (scopeCount == 0 || scopeCount > fieldCount) {
                    return fail(Malformation.BAD_TEMPLATE, p - base, "options template " + id + " with "
                            + scopeCount + " scope fields of " + fieldCount);
                }
                q = p + 6;
            } else {
                if (setEnd - p < 6) {
                    return fail(Malformation.BAD_TEMPLATE, p - base, "options template " + id + " cut short");
                }
                int scopeBytes = count;
                int optionBytes = u16(b, p + 4);
                if (scopeBytes % 4 != 0 || optionBytes % 4 != 0) {
                    return fail(Malformation.BAD_TEMPLATE, p - base, "options template " + id + " scope length "
                            + scopeBytes + " and option length " + optionBytes + " are not multiples of 4");
                }
                scopeCount = scopeBytes / 4;
                fieldCount = scopeCount + optionBytes / 4;
                q = p + 6;
            }
            InformationElement[] elements = new InformationElement[fieldCount];
            int[] lengths = new int[fieldCount];
            for (int i = 0; i < fieldCount; i++) {
                if (setEnd - q < 4) {
                    return fail(Malformation.BAD_TEMPLATE, q - base, "template " + id + " field " + (i + 1) + " of "
                            + fieldCount + " runs past its set");
                }
                int type = u16(b, q);
                lengths[i] = u16(b, q + 2);
                q += 4;
                if (ipfix && (type & 0x8000) != 0) {
                    if (setEnd - q < 4) {
                        return fail(Malformation.BAD_TEMPLATE, q - base, "template " + id + " enterprise number of "
                                + "field " + (i + 1) + " runs past its set");
                    }
                    q += 4; // enterprise-specific: skipped
                } else if (!(options && !ipfix && i < scopeCount)) {
                    elements[i] = InformationElement.of(type); // NetFlow v9 scope types are not field types
                }
            }
            if (options && !ipfix) {
                q = Math.min(setEnd, (q - p + 3) / 4 * 4 + p); // NetFlow v9 options templates pad to 4 bytes
            }
            Template t = Template.of(id, options, scopeCount, elements, lengths);
            if (t.minimumLength() == 0) {
                return fail(Malformation.BAD_TEMPLATE, p - base, "template " + id + " has records of zero length");
            }
            if (domain.templates.size() >= MAX_TEMPLATES_PER_DOMAIN && !domain.templates.containsKey(id)) {
                return fail(Malformation.LIMIT, p - base, "template " + id + " beyond the " + MAX_TEMPLATES_PER_DOMAIN
                        + " kept for this observation domain");
            }
            domain.templates.put(id, t);
            templates++;
            p = q;
        }
        return true;
    }

    private boolean dataSet(Template t, byte[] b, int p, int setEnd, int base, ObservationDomain domain,
                            long exportMillis, long sysUptime, boolean ipfix, int exporter, FlowBatch out) {
        while (setEnd - p >= t.minimumLength()) {
            int next = record(t, b, p, setEnd);
            if (next < 0) {
                if (setEnd - p < 4) {
                    break; // padding that looked like the start of a variable-length record
                }
                return fail(Malformation.BAD_RECORD, p - base, "record of template " + t.id()
                        + " runs past its set");
            }
            dataRecords++;
            if (t.options()) {
                applyOptions(domain);
            } else {
                finishFlow(domain, exportMillis, sysUptime, ipfix, exporter, b);
                out.append(f);
                records++;
            }
            p = next;
        }
        return true;
    }

    /** Reads one record into the scratch; returns the offset after it, or -1 if it runs past {@code end}. */
    private int record(Template t, byte[] b, int p, int end) {
        resetScratch();
        InformationElement[] elements = t.elements();
        int[] lengths = t.lengths();
        for (int i = 0; i < elements.length; i++) {
            int length = lengths[i];
            if (length == Template.VARIABLE) {
                if (p >= end) {
                    return -1;
                }
                length = u8(b, p++);
                if (length == 255) {
                    if (end - p < 2) {
                        return -1;
                    }
                    length = u16(b, p);
                    p += 2;
                }
            }
            if (length > end - p) {
                return -1;
            }
            InformationElement e = elements[i];
            if (e != null && length > 0) {
                field(e, b, p, length);
            }
            p += length;
        }
        return p;
    }

    private void resetScratch() {
        f.clear();
        octets = packets = postOctets = postPackets = totalOctets = totalPackets = -1;
        directRate = 0;
        samplerId = -1;
        packetInterval = packetSpace = samplingSize = samplingPopulation = -1;
        inIf = outIf = inPhysical = outPhysical = -1;
        startAbsolute = endAbsolute = startUptime = endUptime = -1;
        startDeltaMicros = endDeltaMicros = durationMillis = systemInit = -1;
        icmpTypeCode = -1;
        v4 = v6 = false;
        src4 = dst4 = 0;
        src6Hi = src6Lo = dst6Hi = dst6Lo = 0;
        frameOffset = -1;
        frameLength = 0;
    }

    private void field(InformationElement e, byte[] b, int p, int length) {
        switch (e) {
            case SOURCE_IPV4_ADDRESS -> {
                if (length == 4) {
                    src4 = i32(b, p);
                    v4 = true;
                }
            }
            case DESTINATION_IPV4_ADDRESS -> {
                if (length == 4) {
                    dst4 = i32(b, p);
                    v4 = true;
                }
            }
            case SOURCE_IPV6_ADDRESS -> {
                if (length == 16) {
                    src6Hi = i64(b, p);
                    src6Lo = i64(b, p + 8);
                    v6 = true;
                }
            }
            case DESTINATION_IPV6_ADDRESS -> {
                if (length == 16) {
                    dst6Hi = i64(b, p);
                    dst6Lo = i64(b, p + 8);
                    v6 = true;
                }
            }
            case DATA_LINK_FRAME_SECTION -> {
                frameOffset = p;
                frameLength = length;
            }
            case FLOW_START_MICROSECONDS, FLOW_END_MICROSECONDS, FLOW_START_NANOSECONDS, FLOW_END_NANOSECONDS -> {
                if (length == 8) {
                    long millis = ntpMillis(u32(b, p), u32(b, p + 4));
                    if (e == InformationElement.FLOW_START_MICROSECONDS || e == InformationElement.FLOW_START_NANOSECONDS) {
                        startAbsolute = millis;
                    } else {
                        endAbsolute = millis;
                    }
                }
            }
            default -> {
                if (length <= 8) {
                    number(e, unsigned(b, p, length));
                }
            }
        }
    }

    private void number(InformationElement e, long v) {
        switch (e) {
            case OCTET_DELTA_COUNT -> octets = v;
            case PACKET_DELTA_COUNT -> packets = v;
            case POST_OCTET_DELTA_COUNT -> postOctets = v;
            case POST_PACKET_DELTA_COUNT -> postPackets = v;
            case OCTET_TOTAL_COUNT -> totalOctets = v;
            case PACKET_TOTAL_COUNT -> totalPackets = v;
            case PROTOCOL_IDENTIFIER -> f.protocol = (int) v & 0xFF;
            case TCP_CONTROL_BITS -> f.tcpFlags = (int) v & 0xFF; // IPFIX's 16 bits: the classic 8 are the low ones
            case SOURCE_TRANSPORT_PORT -> f.srcPort = (int) v & 0xFFFF;
            case DESTINATION_TRANSPORT_PORT -> f.dstPort = (int) v & 0xFFFF;
            case INGRESS_INTERFACE -> inIf = v;
            case EGRESS_INTERFACE -> outIf = v;
            case INGRESS_PHYSICAL_INTERFACE -> inPhysical = v;
            case EGRESS_PHYSICAL_INTERFACE -> outPhysical = v;
            case BGP_SOURCE_AS_NUMBER -> f.srcAs = (int) v;
            case BGP_DESTINATION_AS_NUMBER -> f.dstAs = (int) v;
            case FLOW_START_SYS_UP_TIME -> startUptime = v;
            case FLOW_END_SYS_UP_TIME -> endUptime = v;
            case FLOW_START_SECONDS -> startAbsolute = v * 1000;
            case FLOW_END_SECONDS -> endAbsolute = v * 1000;
            case FLOW_START_MILLISECONDS -> startAbsolute = v;
            case FLOW_END_MILLISECONDS -> endAbsolute = v;
            case FLOW_START_DELTA_MICROSECONDS -> startDeltaMicros = v;
            case FLOW_END_DELTA_MICROSECONDS -> endDeltaMicros = v;
            case FLOW_DURATION_MILLISECONDS -> durationMillis = v;
            case FLOW_DURATION_MICROSECONDS -> durationMillis = v / 1000;
            case SYSTEM_INIT_TIME_MILLISECONDS -> systemInit = v;
            case ICMP_TYPE_CODE_IPV4, ICMP_TYPE_CODE_IPV6 -> icmpTypeCode = (int) v & 0xFFFF;
            case SAMPLING_INTERVAL, SAMPLER_RANDOM_INTERVAL -> directRate = v;
            case SAMPLER_ID, SELECTOR_ID -> samplerId = v;
            case SAMPLING_PACKET_INTERVAL -> packetInterval = v;
            case SAMPLING_PACKET_SPACE -> packetSpace = v;
            case SAMPLING_SIZE -> samplingSize = v;
            case SAMPLING_POPULATION -> samplingPopulation = v;
            default -> { }
        }
    }

    /** Unsigned big-endian value of 1 to 8 bytes (reduced-size encoding, RFC 7011 section 6.2). */
    private static long unsigned(byte[] b, int p, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[p + i] & 0xFF);
        }
        return v;
    }

    private static long ntpMillis(long seconds, long fraction) {
        return (seconds - NTP_TO_UNIX_SECONDS) * 1000 + ((fraction * 1000) >>> 32);
    }

    /** The rate the record itself states (interval, interval and space, size and population), or 0. */
    private long statedRate() {
        if (directRate > 0) {
            return directRate;
        }
        if (packetInterval > 0 && packetSpace >= 0) {
            return (packetInterval + packetSpace) / packetInterval;
        }
        if (samplingSize > 0 && samplingPopulation > 0) {
            return samplingPopulation / samplingSize;
        }
        return 0;
    }

    private void applyOptions(ObservationDomain domain) {
        optionRecords++;
        long rate = Math.min(statedRate(), Integer.MAX_VALUE);
        if (rate > 0) {
            if (samplerId >= 0) {
                domain.samplerRates.put(samplerId, (int) rate);
            } else {
                domain.defaultRate = (int) rate;
            }
        }
        if (systemInit >= 0) {
            domain.systemInitMillis = systemInit;
        }
    }

    private void finishFlow(ObservationDomain domain, long exportMillis, long sysUptime, boolean ipfix, int exporter,
                            byte[] b) {
        f.exporter = exporter;
        f.bytes = first(octets, postOctets, totalOctets);
        f.packets = first(packets, postPackets, totalPackets);
        long stated = statedRate();
        f.samplingRate = (int) Math.min(stated > 0 ? stated : samplerId >= 0 ? domain.rateOf(samplerId)
                : domain.defaultRate, Integer.MAX_VALUE);
        f.inIf = (int) (inIf >= 0 ? inIf : Math.max(inPhysical, 0));
        f.outIf = (int) (outIf >= 0 ? outIf : Math.max(outPhysical, 0));
        if (icmpTypeCode >= 0 && f.dstPort == 0 && (f.protocol == 1 || f.protocol == 58)) {
            f.dstPort = icmpTypeCode;
        }
        addresses();
        if (!f.hasAddresses() && frameOffset >= 0) {
            fromFrame(b);
        }
        long start = time(startAbsolute, startUptime, startDeltaMicros, domain, exportMillis, sysUptime, ipfix);
        long end = time(endAbsolute, endUptime, endDeltaMicros, domain, exportMillis, sysUptime, ipfix);
        if (durationMillis >= 0) {
            if (end < 0 && start >= 0) {
                end = start + durationMillis;
            } else if (start < 0 && end >= 0) {
                start = end - durationMillis;
            }
        }
        if (start < 0 && end < 0) {
            start = end = exportMillis;
        } else if (start < 0) {
            start = end;
        } else if (end < 0) {
            end = start;
        }
        f.startMillis = start;
        f.endMillis = end;
    }

    /**
     * Templates that carry both IPv4 and IPv6 address fields fill the other family's with zeros: the family whose
     * addresses are not all zero is the record's.
     */
    private void addresses() {
        boolean v6Set = v6 && (src6Hi | src6Lo | dst6Hi | dst6Lo) != 0;
        boolean v4Set = v4 && (src4 | dst4) != 0;
        if (v4 && (v4Set || !v6Set)) {
            f.srcIpv4(src4);
            f.dstIpv4(dst4);
        } else if (v6) {
            f.srcIpv6(src6Hi, src6Lo);
            f.dstIpv6(dst6Hi, dst6Lo);
        }
    }

    private static long first(long a, long b, long c) {
        return a >= 0 ? a : b >= 0 ? b : Math.max(c, 0);
    }

    private static long time(long absolute, long uptime, long deltaMicros, ObservationDomain domain,
                             long exportMillis, long sysUptime, boolean ipfix) {
        if (absolute >= 0) {
            return absolute;
        }
        if (uptime >= 0) {
            if (!ipfix) {
                return exportMillis - (int) (sysUptime - uptime); // 32-bit uptimes wrap after 49.7 days
            }
            return domain.systemInitMillis >= 0 ? domain.systemInitMillis + uptime : -1;
        }
        if (deltaMicros >= 0) {
            return exportMillis - deltaMicros / 1000;
        }
        return -1;
    }

    /** A record that carries the packet itself (dataLinkFrameSection, as some IPFIX probes send): parse it. */
    private void fromFrame(byte[] b) {
        PacketParser.parse(LinkType.ETHERNET, b, frameOffset, frameLength, frame);
        if (frame.family == 0) {
            return;
        }
        f.family = frame.family;
        f.srcHi = frame.srcHi;
        f.srcLo = frame.srcLo;
        f.dstHi = frame.dstHi;
        f.dstLo = frame.dstLo;
        if (f.protocol == 0) {
            f.protocol = frame.protocol;
        }
        if (f.srcPort == 0 && f.dstPort == 0) {
            f.srcPort = frame.srcPort;
            f.dstPort = frame.dstPort;
        }
        if (f.tcpFlags == 0) {
            f.tcpFlags = frame.tcpFlags;
        }
        if (f.bytes == 0) {
            f.bytes = frame.ipLength;
        }
        if (f.packets == 0) {
            f.packets = 1;
        }
    }
}
