package org.peerage.flow.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peerage.flow.pcap.Frames;

class PacketParserTest {
    private final ParsedPacket p = new ParsedPacket();

    private static byte[] withTags(byte[] frame, int... tags) {
        // Inserts 802.1Q/802.1ad tags (TPID, VLAN id) after the MAC addresses.
        byte[] out = new byte[frame.length + 4 * tags.length / 2];
        System.arraycopy(frame, 0, out, 0, 12);
        int o = 12;
        for (int i = 0; i < tags.length; i += 2) {
            out[o] = (byte) (tags[i] >>> 8);
            out[o + 1] = (byte) tags[i];
            out[o + 2] = (byte) (tags[i + 1] >>> 8);
            out[o + 3] = (byte) tags[i + 1];
            o += 4;
        }
        System.arraycopy(frame, 12, out, o, frame.length - 12);
        return out;
    }

    @Test
    void ethernetIpv4Tcp() throws Exception {
        byte[] f = Frames.tcp(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("198.51.100.7"), 40000, 443,
                0x12, 100);
        assertThat(PacketParser.parse(LinkType.ETHERNET, f, 0, f.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.family).isEqualTo(4);
        assertThat(p.srcIpv4()).isEqualTo(0xC0000201);
        assertThat(p.dstLo).isEqualTo(0xFFFF_0000_0000L | 0xC6336407L);
        assertThat(p.protocol).isEqualTo(6);
        assertThat(p.srcPort).isEqualTo(40000);
        assertThat(p.dstPort).isEqualTo(443);
        assertThat(p.tcpFlags).isEqualTo(0x12);
        assertThat(p.ipLength).isEqualTo(140);
    }

    @Test
    void qinqIpv6Udp() throws Exception {
        byte[] f = withTags(Frames.udp(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::2"),
                5353, 53, new byte[7]), 0x88A8, 100, 0x8100, 200);
        assertThat(PacketParser.parse(LinkType.ETHERNET, f, 0, f.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.family).isEqualTo(6);
        assertThat(p.srcHi).isEqualTo(0x20010db800000000L);
        assertThat(p.srcLo).isEqualTo(1);
        assertThat(p.dstPort).isEqualTo(53);
        assertThat(p.udpPayloadLength).isEqualTo(7);
        assertThat(p.udpPayloadOffset).isEqualTo(14 + 8 + 40 + 8);
    }

    @Test
    void mplsLabelStack() throws Exception {
        byte[] plain = Frames.udp(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 1, 2,
                new byte[4]);
        byte[] f = new byte[plain.length + 8];
        System.arraycopy(plain, 0, f, 0, 12);
        f[12] = (byte) 0x88;
        f[13] = 0x47;
        byte[] labels = {0, 0x01, 0x00, 64, 0, 0x02, 0x01, 64}; // two labels, bottom of stack on the second
        System.arraycopy(labels, 0, f, 14, 8);
        System.arraycopy(plain, 14, f, 22, plain.length - 14);
        assertThat(PacketParser.parse(LinkType.ETHERNET, f, 0, f.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.srcPort).isEqualTo(1);
        assertThat(p.dstPort).isEqualTo(2);
    }

    @Test
    void ipv6ExtensionHeadersAndLaterFragments() throws Exception {
        byte[] udp = Frames.udp(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::2"), 7, 9,
                new byte[0]);
        byte[] ip = Arrays.copyOfRange(udp, 14, udp.length);
        // Insert a hop-by-hop header (8 bytes) before UDP.
        byte[] withHbh = new byte[ip.length + 8];
        System.arraycopy(ip, 0, withHbh, 0, 40);
        withHbh[6] = 0; // next header: hop-by-hop
        withHbh[40] = 17;
        System.arraycopy(ip, 40, withHbh, 48, ip.length - 40);
        withHbh[5] = (byte) (withHbh.length - 40);
        assertThat(PacketParser.parse(LinkType.RAW, withHbh, 0, withHbh.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.protocol).isEqualTo(17);
        assertThat(p.dstPort).isEqualTo(9);
        // A fragment header with a non-zero offset: no ports.
        withHbh[40] = 44;
        byte[] frag = new byte[withHbh.length + 8];
        System.arraycopy(withHbh, 0, frag, 0, 48);
        frag[48] = 17;
        frag[50] = 0;
        frag[51] = 8; // offset 1
        System.arraycopy(withHbh, 48, frag, 56, withHbh.length - 48);
        frag[5] = (byte) (frag.length - 40);
        assertThat(PacketParser.parse(LinkType.IPV6, frag, 0, frag.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.protocol).isEqualTo(17);
        assertThat(p.dstPort).isZero();
    }

    @Test
    void cutHeadersAreTruncatedAndNonIpIsSaid() throws Exception {
        byte[] f = Frames.tcp(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 1, 2, 0, 0);
        assertThat(PacketParser.parse(LinkType.ETHERNET, f, 0, 30, p)).isEqualTo(PacketParser.Result.TRUNCATED);
        assertThat(PacketParser.parse(LinkType.ETHERNET, f, 0, 14 + 20 + 2, p))
                .isEqualTo(PacketParser.Result.TRUNCATED);
        assertThat(p.family).isEqualTo(4); // the layers before the cut are kept
        byte[] arp = f.clone();
        arp[12] = 0x08;
        arp[13] = 0x06;
        assertThat(PacketParser.parse(LinkType.ETHERNET, arp, 0, arp.length, p)).isEqualTo(PacketParser.Result.NOT_IP);
    }

    @Test
    void linuxCookedCapture() throws Exception {
        byte[] eth = Frames.udp(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 1, 2055,
                new byte[3]);
        byte[] sll = new byte[16 + eth.length - 14];
        sll[14] = 0x08;
        System.arraycopy(eth, 14, sll, 16, eth.length - 14);
        assertThat(PacketParser.parse(LinkType.LINUX_SLL, sll, 0, sll.length, p)).isEqualTo(PacketParser.Result.OK);
        assertThat(p.dstPort).isEqualTo(2055);
        assertThat(p.udpPayloadLength).isEqualTo(3);
    }
}
