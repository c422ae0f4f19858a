package org.peerage.flow.packet;

/**
 * The layers of one captured packet that flows are made of, filled by {@link PacketParser}. Reused from packet to
 * packet; addresses are two longs each with IPv4 mapped into ::ffff:0:0/96, as in a flow batch.
 */
public final class ParsedPacket {
    /** 4 or 6, 0 before an IP header was found. */
    public int family;
    public long srcHi;
    public long srcLo;
    public long dstHi;
    public long dstLo;
    public int protocol;
    /** Total length from the IP header (IPv6: payload length plus the 40-byte header). */
    public int ipLength;
    /** 0 for a non-first fragment or a protocol without ports; ICMP's type and code are type * 256 + code here. */
    public int srcPort;
    public int dstPort;
    public int tcpFlags;
    /** Offset and length of the UDP payload within the buffer, for UDP packets captured whole enough; else -1. */
    public int udpPayloadOffset;
    public int udpPayloadLength;

    void clear() {
        family = 0;
        srcHi = srcLo = dstHi = dstLo = 0;
        protocol = ipLength = srcPort = dstPort = tcpFlags = 0;
        udpPayloadOffset = -1;
        udpPayloadLength = 0;
    }

    /** The IPv4 source address, valid when {@link #family} is 4. */
    public int srcIpv4() {
        return (int) srcLo;
    }
}
