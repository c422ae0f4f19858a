package org.peerage.flow.packet;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.i64;
import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u8;

/**
 * Parses the start of a captured packet (an sFlow sampled header, an IPFIX data link frame section, a pcap frame)
 * down to the transport ports: Ethernet with any number of 802.1Q / 802.1ad tags, MPLS label stacks (with or
 * without a pseudowire control word before an inner Ethernet frame), Linux cooked captures, loopback, IPv4 (ports of
 * first fragments only) and IPv6 with its extension headers, then TCP, UDP, SCTP and ICMP. Never throws: a header
 * cut short gives {@link Result#TRUNCATED} with whatever layers came before it filled in.
 */
public final class PacketParser {
    /** Where a parse ended. */
    public enum Result {
        /** IP header parsed, and the transport header too if the packet carries one it knows. */
        OK,
        /** The capture ends inside a header. */
        TRUNCATED,
        /** No IP packet at the bottom (ARP, an unknown EtherType or link type). */
        NOT_IP
    }

    private static final long IPV4_MAPPED = 0xFFFF_0000_0000L;
    private static final int MAX_LABELS = 16;
    private static final int MAX_EXTENSION_HEADERS = 16;

    private PacketParser() {
    }

    public static Result parse(LinkType link, byte[] b, int off, int len, ParsedPacket out) {
        out.clear();
        if (off < 0 || len < 0 || off + len > b.length) {
            return Result.TRUNCATED;
        }
        int end = off + len;
        return switch (link) {
            case ETHERNET -> ethernet(b, off, end, out, 0);
            case RAW -> ipByVersion(b, off, end, out);
            case IPV4 -> ipv4(b, off, end, out);
            case IPV6 -> ipv6(b, off, end, out);
            case LINUX_SLL -> end - off < 16 ? Result.TRUNCATED : etherType(u16(b, off + 14), b, off + 16, end, out, 0);
            case LINUX_SLL2 -> end - off < 20 ? Result.TRUNCATED : etherType(u16(b, off), b, off + 20, end, out, 0);
            case NULL, LOOP -> loopback(link, b, off, end, out);
        };
    }

    private static Result loopback(LinkType link, byte[] b, int off, int end, ParsedPacket out) {
        if (end - off < 4) {
            return Result.TRUNCATED;
        }
        int family = i32(b, off);
        if (link == LinkType.NULL && (family & 0xFFFF) == 0) {
            family = Integer.reverseBytes(family); // written by a little-endian host
        }
        return switch (family) {
            case 2 -> ipv4(b, off + 4, end, out);
            case 24, 28, 30 -> ipv6(b, off + 4, end, out); // AF_INET6 of NetBSD/OpenBSD, FreeBSD, macOS
            default -> Result.NOT_IP;
        };
    }

    private static Result ethernet(byte[] b, int off, int end, ParsedPacket out, int depth) {
        if (end - off < 14) {
            return Result.TRUNCATED;
        }
        return etherType(u16(b, off + 12), b, off + 14, end, out, depth);
    }

    private static Result etherType(int type, byte[] b, int off, int end, ParsedPacket out, int depth) {
        int tags = 0;
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
            if (end - off < 4) {
                return Result.TRUNCATED;
            }
            if (++tags > MAX_LABELS) {
                return Result.NOT_IP;
            }
            type = u16(b, off + 2);
            off += 4;
        }
        return switch (type) {
            case 0x0800 -> ipv4(b, off, end, out);
            case 0x86DD -> ipv6(b, off, end, out);
            case 0x8847, 0x8848 -> mpls(b, off, end, out, depth);
            default -> Result.NOT_IP;
        };
    }

    private static Result mpls(byte[] b, int off, int end, ParsedPacket out, int depth) {
        for (int labels = 0; ; labels++) {
            if (end - off < 4) {
                return Result.TRUNCATED;
            }
            if (labels == MAX_LABELS) {
                return Result.NOT_IP;
            }
            boolean bottom = (b[off + 2] & 1) != 0;
            off += 4;
            if (bottom) {
                break;
            }
        }
        if (end - off < 1) {
            return Result.TRUNCATED;
        }
        int nibble = (b[off] & 0xF0) >>> 4;
        if (nibble == 4 || nibble == 6) {
            return ipByVersion(b, off, end, out);
        }
        // A pseudowire: a control word (first nibble 0) then the customer's Ethernet frame; one level deep only.
        if (nibble == 0 && depth == 0) {
            return ethernet(b, off + 4, end, out, 1);
        }
        return Result.NOT_IP;
    }

    private static Result ipByVersion(byte[] b, int off, int end, ParsedPacket out) {
        if (end - off < 1) {
            return Result.TRUNCATED;
        }
        return switch ((b[off] & 0xF0) >>> 4) {
            case 4 -> ipv4(b, off, end, out);
            case 6 -> ipv6(b, off, end, out);
            default -> Result.NOT_IP;
        };
    }

    private static Result ipv4(byte[] b, int off, int end, ParsedPacket out) {
        if (end - off < 20) {
            return Result.TRUNCATED;
        }
        if ((b[off] & 0xF0) != 0x40) {
            return Result.NOT_IP;
        }
        int headerLength = (b[off] & 0x0F) * 4;
        out.family = 4;
        out.ipLength = u16(b, off + 2);
        out.protocol = u8(b, off + 9);
        out.srcLo = IPV4_MAPPED | (i32(b, off + 12) & 0xFFFF_FFFFL);
        out.dstLo = IPV4_MAPPED | (i32(b, off + 16) & 0xFFFF_FFFFL);
        if (headerLength < 20) {
            return Result.OK;
        }
        boolean laterFragment = (u16(b, off + 6) & 0x1FFF) != 0;
        if (laterFragment) {
            return Result.OK;
        }
        int ipEnd = Math.min(end, off + Math.max(out.ipLength, headerLength));
        return transport(b, off + headerLength, ipEnd, out);
    }

    private static Result ipv6(byte[] b, int off, int end, ParsedPacket out) {
        if (end - off < 40) {
            return Result.TRUNCATED;
        }
        if ((b[off] & 0xF0) != 0x60) {
            return Result.NOT_IP;
        }
        out.family = 6;
        out.ipLength = u16(b, off + 4) + 40;
        out.srcHi = i64(b, off + 8);
        out.srcLo = i64(b, off + 16);
        out.dstHi = i64(b, off + 24);
        out.dstLo = i64(b, off + 32);
        int next = u8(b, off + 6);
        int ipEnd = Math.min(end, off + out.ipLength);
        off += 40;
        for (int n = 0; n < MAX_EXTENSION_HEADERS; n++) {
            switch (next) {
                case 0, 43, 60 -> { // hop-by-hop, routing, destination options
                    if (ipEnd - off < 8) {
                        out.protocol = next;
                        return Result.TRUNCATED;
                    }
                    next = u8(b, off);
                    off += (u8(b, off + 1) + 1) * 8;
                }
                case 44 -> { // fragment
                    if (ipEnd - off < 8) {
                        out.protocol = next;
                        return Result.TRUNCATED;
                    }
                    next = u8(b, off);
                    boolean laterFragment = (u16(b, off + 2) & 0xFFF8) != 0;
                    off += 8;
                    if (laterFragment) {
                        out.protocol = next;
                        return Result.OK;
                    }
                }
                case 51 -> { // authentication header
                    if (ipEnd - off < 8) {
                        out.protocol = next;
                        return Result.TRUNCATED;
                    }
                    next = u8(b, off);
                    off += (u8(b, off + 1) + 2) * 4;
                }
                default -> {
                    out.protocol = next;
                    return transport(b, off, ipEnd, out);
                }
            }
        }
        out.protocol = next;
        return Result.OK;
    }

    private static Result transport(byte[] b, int off, int end, ParsedPacket out) {
        int available = end - off;
        switch (out.protocol) {
            case 6 -> {
                if (available < 14) {
                    return available < 4 ? Result.TRUNCATED : ports(b, off, out, Result.TRUNCATED);
                }
                out.tcpFlags = u8(b, off + 13);
                return ports(b, off, out, Result.OK);
            }
            case 17 -> {
                if (available < 8) {
                    return available < 4 ? Result.TRUNCATED : ports(b, off, out, Result.TRUNCATED);
                }
                int udpLength = u16(b, off + 4);
                if (udpLength >= 8) {
                    out.udpPayloadOffset = off + 8;
                    out.udpPayloadLength = Math.min(udpLength, available) - 8;
                }
                return ports(b, off, out, Result.OK);
            }
            case 132 -> {
                return available < 4 ? Result.TRUNCATED : ports(b, off, out, Result.OK);
            }
            case 1, 58 -> {
                if (available < 2) {
                    return Result.TRUNCATED;
                }
                out.dstPort = (u8(b, off) << 8) | u8(b, off + 1);
                return Result.OK;
            }
            default -> {
                return Result.OK;
            }
        }
    }

    private static Result ports(byte[] b, int off, ParsedPacket out, Result result) {
        out.srcPort = u16(b, off);
        out.dstPort = u16(b, off + 2);
        return result;
    }
}
