package org.peerage.flow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.flow.FlowRecord;
import org.peerage.flow.collect.FlowSink;

class FlowFilesTest {

    static FlowBatch sample(Exporters exporters) throws Exception {
        return sample(exporters, new FlowBatch(exporters));
    }

    /** Appends the two sample records to {@code b}. */
    static FlowBatch sample(Exporters exporters, FlowBatch b) throws Exception {
        FlowFields f = new FlowFields();
        f.startMillis = 1_700_000_000_123L;
        f.endMillis = 1_700_000_060_456L;
        f.srcIpv4(0xC0000201);
        f.dstIpv4(0xC6336414);
        f.protocol = 6;
        f.srcPort = 65535;
        f.dstPort = 443;
        f.tcpFlags = 0x1B;
        f.packets = 1L << 40;
        f.bytes = Long.MAX_VALUE;
        f.samplingRate = -1; // 4294967295, unsigned
        f.inIf = -2;
        f.outIf = 7;
        f.srcAs = -10; // 4294967286
        f.dstAs = 64500;
        f.exporter = exporters.intern(InetAddress.getByName("10.0.0.1"));
        b.append(f);
        f.clear();
        f.startMillis = f.endMillis = 1_600_000_000_000L;
        f.srcIpv6(0x20010db800000000L, 1);
        f.dstIpv6(0x20010db800010000L, 0x20);
        f.protocol = 17;
        f.packets = 3;
        f.bytes = 300;
        f.samplingRate = 1000;
        f.exporter = exporters.intern(InetAddress.getByName("2001:db8::ff"));
        b.append(f);
        return b;
    }

    @ParameterizedTest
    @ValueSource(strings = {"flows.csv", "flows.parquet"})
    void writtenFlowsReadBackUnchanged(String name, @TempDir Path dir) throws Exception {
        Exporters exporters = new Exporters();
        FlowBatch written = sample(exporters);
        Path file = dir.resolve(name);
        try (FlowSink w = FlowFiles.writer(file)) {
            w.accept(written);
        }
        FlowBatch read = new FlowBatch(new Exporters());
        FlowFiles.read(file, read);
        assertThat(read.size()).isEqualTo(2);
        List<FlowRecord> a = new ArrayList<>();
        List<FlowRecord> b = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            a.add(written.record(i));
            b.add(read.record(i));
        }
        assertThat(b).isEqualTo(a);
        if (name.endsWith(".csv")) {
            assertThat(Files.readAllLines(file).getFirst()).isEqualTo(String.join(",", FlowColumns.NAMES));
            assertThat(Files.readAllLines(file).get(1)).startsWith("2023-11-14 22:13:20.123,2023-11-14 22:14:20.456,"
                    + "192.0.2.1,198.51.100.20,6,65535,443,27,");
        }
    }

    @Test
    void streamsInBatches(@TempDir Path dir) throws Exception {
        Exporters exporters = new Exporters();
        FlowBatch written = new FlowBatch(exporters);
        for (int k = 0; k < 5; k++) {
            sample(exporters, written);
        }
        Path file = dir.resolve("ten.parquet");
        try (FlowSink w = FlowFiles.writer(file)) {
            w.accept(written);
        }
        List<Integer> sizes = new ArrayList<>();
        FlowFiles.stream(file, new FlowBatch(new Exporters()), 4, batch -> sizes.add(batch.size()));
        assertThat(sizes).containsExactly(4, 4, 2);
    }

    @Test
    void badAddressNamesFileRowAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join(",", FlowColumns.NAMES) + "\n"
                + "2023-11-14 22:13:20.123,2023-11-14 22:13:20.123,192.0.2.1,198.51.100.20,6,1,2,0,1,100,1,0,0,0,0,10.0.0.1\n"
                + "2023-11-14 22:13:20.123,2023-11-14 22:13:20.123,192.0.2.999,198.51.100.20,6,1,2,0,1,100,1,0,0,0,0,10.0.0.1\n");
        assertThatThrownBy(() -> FlowFiles.read(file, new FlowBatch(new Exporters())))
                .hasMessageContaining("bad.csv row 2 column src").hasMessageContaining("192.0.2.999");
    }

    @Test
    void writerWantsCsvOrParquet(@TempDir Path dir) {
        assertThatThrownBy(() -> FlowFiles.writer(dir.resolve("flows.json")))
                .hasMessageContaining("flows.json: flow files are FILE.csv or FILE.parquet");
    }

    @Test
    void textLine() throws Exception {
        FlowBatch b = sample(new Exporters());
        assertThat(FlowText.line(b, 1)).isEqualTo("2020-09-13 12:26:40.000 2020-09-13 12:26:40.000 UDP "
                + "[2001:db8::1]:0 -> [2001:db8:1::20]:0 packets 3 bytes 300 rate 1000 if 0 -> 0 as 0 -> 0 "
                + "flags 0x00 exporter 2001:db8::ff");
    }
}
