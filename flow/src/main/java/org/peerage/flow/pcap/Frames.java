package org.peerage.flow.pcap;

import java.net.InetAddress;

/**
 * Builds Ethernet frames of IPv4 or IPv6 packets carrying TCP or UDP, with correct lengths and checksums: the
 * synthetic traffic that tests and benchmarks feed to flow exporters, and export datagrams wrapped for a capture.
 */
public final class Frames {
    private static final byte[] DST_MAC = {0x02, 0, 0, 0, 0, 0x02};
    private static final byte[] SRC_MAC = {0x02, 0, 0, 0, 0, 0x01};

    private Frames() {
    }

    /** A TCP segment with {@code payloadLength} zero bytes of data. */
    public static byte[] tcp(InetAddress src, InetAddress dst, int srcPort, int dstPort, int flags,
                             int payloadLength) {
        byte[] l4 = new byte[20 + payloadLength];
        put16(l4, 0, srcPort);
        put16(l4, 2, dstPort);
        l4[12] = 0x50; // data offset: 5 words
        l4[13] = (byte) flags;
        put16(l4, 14, 65535);
        return ethernet(ip(src, dst, 6, l4, 16));
    }

    /** A UDP datagram carrying {@code payload}. */
    public static byte[] udp(InetAddress src, InetAddress dst, int srcPort, int dstPort, byte[] payload) {
        byte[] l4 = new byte[8 + payload.length];
        put16(l4, 0, srcPort);
        put16(l4, 2, dstPort);
        put16(l4, 4, l4.length);
        System.arraycopy(payload, 0, l4, 8, payload.length);
        return ethernet(ip(src, dst, 17, l4, 6));
    }

    /** Length of the IP packet inside a frame made here: what a flow exporter counts as its bytes. */
    public static int ipLength(byte[] frame) {
        return frame.length - 14;
    }

    private static byte[] ethernet(byte[] ip) {
        byte[] frame = new byte[14 + ip.length];
        System.arraycopy(DST_MAC, 0, frame, 0, 6);
        System.arraycopy(SRC_MAC, 0, frame, 6, 6);
        put16(frame, 12, (ip[0] & 0xF0) == 0x40 ? 0x0800 : 0x86DD);
        System.arraycopy(ip, 0, frame, 14, ip.length);
        return frame;
    }

    /** Wraps a transport segment in IPv4 or IPv6 and fills its checksum at {@code checksumAt}. */
    private static byte[] ip(InetAddress src, InetAddress dst, int protocol, byte[] l4, int checksumAt) {
        byte[] s = src.getAddress();
        byte[] d = dst.getAddress();
        if (s.length != d.length) {
            throw new IllegalArgumentException("source and destination of different families: " + src + " " + dst);
        }
        long sum = sum(s, 0, s.length) + sum(d, 0, d.length) + protocol + l4.length;
        put16(l4, checksumAt, fold(sum + sum(l4, 0, l4.length)));
        if (protocol == 17 && l4[checksumAt] == 0 && l4[checksumAt + 1] == 0) {
            put16(l4, checksumAt, 0xFFFF); // UDP sends a computed zero as all ones
        }
        byte[] p;
        if (s.length == 4) {
            p = new byte[20 + l4.length];
            p[0] = 0x45;
            put16(p, 2, p.length);
            p[8] = 64;
            p[9] = (byte) protocol;
            System.arraycopy(s, 0, p, 12, 4);
            System.arraycopy(d, 0, p, 16, 4);
            put16(p, 10, fold(sum(p, 0, 20)));
            System.arraycopy(l4, 0, p, 20, l4.length);
        } else {
            p = new byte[40 + l4.length];
            p[0] = 0x60;
            put16(p, 4, l4.length);
            p[6] = (byte) protocol;
            p[7] = 64;
            System.arraycopy(s, 0, p, 8, 16);
            System.arraycopy(d, 0, p, 24, 16);
            System.arraycopy(l4, 0, p, 40, l4.length);
        }
        return p;
    }

    private static long sum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
