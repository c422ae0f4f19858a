package org.peerage.flow.collect;

import java.io.IOException;
import java.net.InetAddress;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.packet.LinkType;
import org.peerage.flow.packet.PacketParser;
import org.peerage.flow.packet.ParsedPacket;
import org.peerage.flow.pcap.PcapFrame;
import org.peerage.flow.pcap.PcapReader;

/**
 * Feeds the UDP datagrams of a capture file to a collector as if they had just arrived: the packet's source address
 * is the exporter and its capture time the reception time. Frames that are not UDP (or not to {@code port}, when
 * one is given) are counted and passed over.
 */
public final class PcapReplay {
    /** What a capture held. */
    public record Summary(long frames, long datagrams, long otherFrames) {
    }

    private PcapReplay() {
    }

    /**
     * @param port only datagrams to this UDP port, or 0 for every UDP datagram
     */
    public static Summary replay(PcapReader reader, FlowCollector collector, int port) throws IOException {
        ParsedPacket packet = new ParsedPacket();
        long frames = 0;
        long datagrams = 0;
        long other = 0;
        PcapFrame frame;
        while ((frame = reader.next()) != null) {
            frames++;
            LinkType link = LinkType.of(frame.linkType());
            if (link == null) {
                other++;
                continue;
            }
            byte[] data = frame.data();
            PacketParser.parse(link, data, 0, data.length, packet);
            if (packet.protocol != 17 || packet.udpPayloadOffset < 0 || (port != 0 && packet.dstPort != port)) {
                other++;
                continue;
            }
            datagrams++;
            collector.accept(source(packet), packet.srcPort, data, packet.udpPayloadOffset, packet.udpPayloadLength,
                    frame.timestampNanos() / 1_000_000);
        }
        collector.flush();
        return new Summary(frames, datagrams, other);
    }

    private static InetAddress source(ParsedPacket p) {
        return FlowBatch.address(p.family, p.srcHi, p.srcLo);
    }
}
