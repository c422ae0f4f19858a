package org.peerage.flow.store;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.peerage.bgp.wire.InetText;
import org.peerage.flow.FlowBatch;

/** Text forms of one flow record: addresses as inet_ntop writes them, times in UTC with milliseconds. */
public final class FlowText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private FlowText() {
    }

    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The address text of a record's source or destination; "-" when the exporter sent none. */
    public static String address(int family, long hi, long lo) {
        if (family == 4) {
            return InetText.formatIpv4((int) lo);
        }
        if (family == 6) {
            byte[] b = new byte[16];
            for (int k = 0; k < 8; k++) {
                b[k] = (byte) (hi >>> (56 - 8 * k));
                b[8 + k] = (byte) (lo >>> (56 - 8 * k));
            }
            return InetText.format(b);
        }
        return "-";
    }

    public static String src(FlowBatch b, int i) {
        return address(b.family(i), b.srcHi(i), b.srcLo(i));
    }

    public static String dst(FlowBatch b, int i) {
        return address(b.family(i), b.dstHi(i), b.dstLo(i));
    }

    public static String exporter(FlowBatch b, int i) {
        return InetText.format(b.exporters().address(b.exporter(i)).getAddress());
    }

    private static String protocol(int p) {
        return switch (p) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 47 -> "GRE";
            case 50 -> "ESP";
            case 58 -> "ICMPv6";
            case 132 -> "SCTP";
            default -> String.valueOf(p);
        };
    }

    private static String endpoint(int family, String address, int port) {
        return (family == 6 ? "[" + address + "]" : address) + ":" + port;
    }

    /**
     * One line: {@code START END PROTO SRC:PORT -> DST:PORT packets N bytes N rate N if IN -> OUT as SRC -> DST
     * flags 0xNN exporter ADDR}.
     */
    public static String line(FlowBatch b, int i) {
        int family = b.family(i);
        return time(b.startMillis(i)) + " " + time(b.endMillis(i)) + " " + protocol(b.protocol(i)) + " "
                + endpoint(family, src(b, i), b.srcPort(i)) + " -> " + endpoint(family, dst(b, i), b.dstPort(i))
                + " packets " + b.packets(i) + " bytes " + b.bytes(i)
                + " rate " + Integer.toUnsignedString(b.samplingRate(i))
                + " if " + Integer.toUnsignedString(b.inIf(i)) + " -> " + Integer.toUnsignedString(b.outIf(i))
                + " as " + Integer.toUnsignedString(b.srcAs(i)) + " -> " + Integer.toUnsignedString(b.dstAs(i))
                + String.format(" flags 0x%02x", b.tcpFlags(i)) + " exporter " + exporter(b, i);
    }

    /** One JSON object with the {@link FlowColumns} names. */
    public static void json(com.fasterxml.jackson.core.JsonGenerator g, FlowBatch b, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("start", time(b.startMillis(i)));
        g.writeStringField("end", time(b.endMillis(i)));
        g.writeStringField("src", src(b, i));
        g.writeStringField("dst", dst(b, i));
        g.writeNumberField("proto", b.protocol(i));
        g.writeNumberField("src_port", b.srcPort(i));
        g.writeNumberField("dst_port", b.dstPort(i));
        g.writeNumberField("tcp_flags", b.tcpFlags(i));
        g.writeNumberField("packets", b.packets(i));
        g.writeNumberField("bytes", b.bytes(i));
        g.writeNumberField("sampling_rate", Integer.toUnsignedLong(b.samplingRate(i)));
        g.writeNumberField("in_if", Integer.toUnsignedLong(b.inIf(i)));
        g.writeNumberField("out_if", Integer.toUnsignedLong(b.outIf(i)));
        g.writeNumberField("src_as", Integer.toUnsignedLong(b.srcAs(i)));
        g.writeNumberField("dst_as", Integer.toUnsignedLong(b.dstAs(i)));
        g.writeStringField("exporter", exporter(b, i));
        g.writeEndObject();
    }
}
