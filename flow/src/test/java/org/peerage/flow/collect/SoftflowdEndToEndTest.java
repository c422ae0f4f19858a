package org.peerage.flow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerage.flow.FlowRecord;
import org.peerage.flow.FlowProtocol;
import org.peerage.flow.TestData;
import org.peerage.flow.pcap.Frames;
import org.peerage.flow.pcap.PcapWriter;

/**
 * softflowd (a real exporter) reads a capture this test writes, of TCP and UDP flows over IPv4 and IPv6 of known
 * packet counts and sizes, and exports them as NetFlow v9 and IPFIX to the collector on loopback; the collected
 * flows must be those flows, field for field.
 */
class SoftflowdEndToEndTest {
    record Key(InetAddress src, InetAddress dst, int protocol, int srcPort, int dstPort) {
    }

    record Volume(long packets, long bytes) {
    }

    /** Writes the capture and returns the flows it holds. */
    static Map<Key, Volume> writeTraffic(Path pcap) throws Exception {
        Map<Key, Volume> flows = new HashMap<>();
        InetAddress a4 = InetAddress.getByName("192.0.2.10");
        InetAddress b4 = InetAddress.getByName("198.51.100.20");
        InetAddress a6 = InetAddress.getByName("2001:db8::10");
        InetAddress b6 = InetAddress.getByName("2001:db8:1::20");
        long t = 1_700_000_000_000_000_000L;
        try (PcapWriter w = PcapWriter.create(pcap, 1)) {
            int n = 0;
            for (int flow = 0; flow < 6; flow++) {
                boolean v6 = flow >= 3;
                InetAddress src = v6 ? a6 : a4;
                InetAddress dst = v6 ? b6 : b4;
                boolean udp = flow % 3 == 2;
                int srcPort = 40000 + flow;
                int dstPort = udp ? 53 : 443;
                int packets = 5 + 7 * flow;
                long bytes = 0;
                for (int i = 0; i < packets; i++) {
                    int payload = 10 * (i + 1) + flow;
                    byte[] frame = udp ? Frames.udp(src, dst, srcPort, dstPort, new byte[payload])
                            : Frames.tcp(src, dst, srcPort, dstPort, i == 0 ? 0x02 : 0x10, payload);
                    w.write(t + (n++) * 1_000_000L, frame);
                    bytes += Frames.ipLength(frame);
                }
                flows.put(new Key(src, dst, udp ? 17 : 6, srcPort, dstPort), new Volume(packets, bytes));
            }
        }
        return flows;
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 10})
    @Timeout(60)
    void collectsWhatSoftflowdExports(int version, @TempDir Path dir) throws Exception {
        Path softflowd = TestData.tool("softflowd", "softflowd");
        Path pcap = dir.resolve("in.pcap");
        Map<Key, Volume> expected = writeTraffic(pcap);
        List<FlowRecord> got = new ArrayList<>();
        List<String> log = new ArrayList<>();
        UdpCollector collector = new UdpCollector(List.of(new InetSocketAddress("127.0.0.1", 0)), batch -> {
            synchronized (got) {
                for (int i = 0; i < batch.size(); i++) {
                    got.add(batch.record(i));
                }
            }
        }, log::add);
        CollectorStats stats;
        try {
            int port = collector.boundPorts().getFirst();
            Process p = new ProcessBuilder(softflowd.toString(), "-r", pcap.toString(), "-n", "127.0.0.1:" + port,
                    "-v", String.valueOf(version)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("softflowd.log").toFile()).start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("softflowd finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("softflowd.log"))).isZero();
        } finally {
            stats = collector.stop();
        }
        Map<Key, Volume> collected = new HashMap<>();
        for (FlowRecord r : got) {
            collected.merge(new Key(r.src(), r.dst(), r.protocol(), r.srcPort(), r.dstPort()),
                    new Volume(r.packets(), r.bytes()), (x, y) -> new Volume(x.packets() + y.packets(),
                            x.bytes() + y.bytes()));
            assertThat(r.samplingRate()).isLessThanOrEqualTo(1);
        }
        assertThat(collected).isEqualTo(expected);
        ExporterCounters counters = stats.get(InetAddress.getByName("127.0.0.1"));
        assertThat(counters.malformed()).isZero();
        assertThat(counters.lost()).isZero();
        assertThat(counters.packetsByProtocol()).containsOnlyKeys(version == 9 ? FlowProtocol.NETFLOW_V9
                : FlowProtocol.IPFIX);
        assertThat(log).isEmpty();
    }
}
