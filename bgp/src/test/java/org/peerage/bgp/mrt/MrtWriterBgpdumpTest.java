package org.peerage.bgp.mrt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.testdata.ExternalTool;
import org.peerage.bgp.text.AsciiSink;
import org.peerage.bgp.text.BgpdumpFormatter;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

/** What MrtWriter writes, bgpdump reads: the same lines as peerage's own reader prints, and the routes put in. */
class MrtWriterBgpdumpTest {
    private static final long T = 1_700_000_000L;

    @Test
    void bgpdumpReadsWrittenRibAndMessageDumps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("written.mrt");
        try (OutputStream out = Files.newOutputStream(file); MrtWriter w = new MrtWriter(out)) {
            w.write(T, new MrtEntry.PeerIndexTable(0x0A000001, "rs", List.of(
                    new MrtEntry.Peer(0x0A000002, ip("192.0.2.1"), 64500),
                    new MrtEntry.Peer(0x0A000003, ip("2001:db8::3"), 4_200_000_000L))));
            List<PathAttribute> v4 = List.of(Origin.of(Origin.IGP),
                    AsPath.of(List.of(AsPathSegment.sequence(64500, 3356), AsPathSegment.set(65001, 65002))),
                    NextHop.of(0xC0000201), MultiExitDisc.of(50), LocalPref.of(200),
                    Communities.of(0xFC00_0064, Communities.NO_EXPORT), AtomicAggregate.of(),
                    Aggregator.of(65002, 0x0A0A0A0A), LargeCommunities.of(64500, 1, 2));
            w.write(T, new MrtEntry.RibTable(MrtSubtypes.RIB_IPV4_UNICAST, 0, AddressFamily.IPV4_UNICAST,
                    Prefix.parse("203.0.113.0/24"), false,
                    List.of(new MrtEntry.RibEntry(0, T - 60, -1, v4, List.of()))));
            List<PathAttribute> v6 = List.of(Origin.of(Origin.INCOMPLETE),
                    AsPath.of(List.of(AsPathSegment.sequence(4_200_000_000L, 6939))),
                    new MpReachNlri(MpReachNlri.of(AddressFamily.IPV6_UNICAST, ip("2001:db8::3"), List.of()).flags(),
                            AddressFamily.IPV6_UNICAST, ip("2001:db8::3"), 0, List.of(), null, true));
            w.write(T, new MrtEntry.RibTable(MrtSubtypes.RIB_IPV6_UNICAST, 1, AddressFamily.IPV6_UNICAST,
                    Prefix.parse("2001:db8:100::/40"), false,
                    List.of(new MrtEntry.RibEntry(1, T - 30, -1, v6, List.of()))));
            UpdateMessage update = new UpdateMessage(List.of(Route.of(Prefix.parse("198.51.100.0/24"))),
                    List.of(Origin.of(Origin.IGP), AsPath.of(List.of(AsPathSegment.sequence(64500, 64501))),
                            NextHop.of(0xC0000201)),
                    List.of(Route.of(Prefix.parse("192.0.2.128/25")), Route.of(Prefix.parse("100.64.0.0/10"))));
            byte[] message = BgpMessageCodec.encode(update, CodecContext.DEFAULT);
            w.write(T + 5, 123456, new MrtEntry.Bgp4mpMessage(MrtSubtypes.BGP4MP_MESSAGE_AS4, 64500, 65000, 0,
                    AddressFamily.AFI_IPV4, ip("192.0.2.1"), ip("192.0.2.254"), true, false, false, message));
            w.write(T + 6, new MrtEntry.Bgp4mpStateChange(MrtSubtypes.BGP4MP_STATE_CHANGE_AS4, 64500, 65000, 0,
                    AddressFamily.AFI_IPV4, ip("192.0.2.1"), ip("192.0.2.254"), 6, 1));
        }
        Path bgpdump = ExternalTool.require("bgpdump", "bgpdump");
        String theirs = new String(ExternalTool.run(List.of(bgpdump.toString(), "-m", file.toString()), 30),
                StandardCharsets.UTF_8);
        assertThat(theirs).isEqualTo(ours(file));
        assertThat(theirs.lines()).containsExactly(
                "TABLE_DUMP2|1700000000|B|192.0.2.1|64500|203.0.113.0/24|64500 3356 {65001,65002}|IGP|192.0.2.1|200|50"
                        + "|64512:100 no-export|AG|65002 10.10.10.10|",
                "TABLE_DUMP2|1700000000|B|2001:db8::3|4200000000|2001:db8:100::/40|4200000000 6939|INCOMPLETE"
                        + "|2001:db8::3|0|0||NAG||",
                "BGP4MP_ET|1700000005.123456|W|192.0.2.1|64500|198.51.100.0/24",
                "BGP4MP_ET|1700000005.123456|A|192.0.2.1|64500|192.0.2.128/25|64500 64501|IGP|192.0.2.1|0|0||NAG||",
                "BGP4MP_ET|1700000005.123456|A|192.0.2.1|64500|100.64.0.0/10|64500 64501|IGP|192.0.2.1|0|0||NAG||",
                "BGP4MP|1700000006|STATE|192.0.2.1|64500|6|1");
    }

    private static String ours(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiSink sink = new AsciiSink(bytes); MrtReader reader = MrtReader.open(file.toString())) {
            BgpdumpFormatter f = new BgpdumpFormatter(sink, BgpdumpFormatter.Style.MACHINE);
            MrtRecord r;
            while ((r = reader.next()) != null) {
                f.write(r, MrtDecoder.decode(r));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static byte[] ip(String text) {
        return InetText.parseAddress(text);
    }
}
