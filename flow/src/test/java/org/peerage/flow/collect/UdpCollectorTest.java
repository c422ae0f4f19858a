package org.peerage.flow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.flow.FlowRecord;
import org.peerage.flow.Malformation;
import org.peerage.flow.TestData;

class UdpCollectorTest {

    @Test
    @Timeout(30)
    void malformedDatagramsAreCountedAndLoggedWithTheExporterAndTheRestIsCollected() throws Exception {
        List<FlowRecord> got = Collections.synchronizedList(new ArrayList<>());
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        UdpCollector collector = new UdpCollector(List.of(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0)), batch -> {
            for (int i = 0; i < batch.size(); i++) {
                got.add(batch.record(i));
            }
        }, log::add);
        List<Integer> ports = collector.boundPorts();
        byte[] v5 = TestData.datagrams("netflow/nfv5.pcap").getFirst().payload();
        byte[] sflow = TestData.datagrams("sflow/data-1140.pcap").getFirst().payload();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            s.send(new DatagramPacket(new byte[] {0, 7, 0, 0, 1, 2, 3}, 7, lo, ports.get(0)));
            s.send(new DatagramPacket(v5, v5.length, lo, ports.get(0)));
            s.send(new DatagramPacket(v5, 100, lo, ports.get(0))); // cut: 1 whole record of 29
            s.send(new DatagramPacket(sflow, sflow.length, lo, ports.get(1)));
            long deadline = System.currentTimeMillis() + 10_000;
            while (got.size() < 29 + 1 + 10 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        }
        CollectorStats stats = collector.stop();
        ExporterCounters c = stats.get(InetAddress.getByName("127.0.0.1"));
        assertThat(c.packets()).isEqualTo(4);
        assertThat(c.malformed()).isEqualTo(2);
        assertThat(c.malformedByReason()).containsEntry(Malformation.UNKNOWN_VERSION, 1L)
                .containsEntry(Malformation.TRUNCATED, 1L);
        assertThat(c.records()).isEqualTo(29 + 1 + got.stream().filter(r -> r.samplingRate() == 1024).count());
        assertThat(got).hasSize((int) c.records());
        assertThat(log).hasSize(2).allSatisfy(line -> assertThat(line).contains("from 127.0.0.1 port"));
        assertThat(log.get(1)).contains("netflow-v5").contains("1 records before it kept");
    }
}
