package org.peerage.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Decodes the real exporters' packets in ../shared/data/flow/akvorado and checks the decoded fields. */
class RealExportersTest {

    private static InetAddress ip(String s) throws UnknownHostException {
        return InetAddress.getByName(s);
    }

    @Test
    void netflowV5() throws Exception {
        Decoding d = Decoding.of("netflow/nfv5.pcap");
        assertThat(d.records).hasSize(29);
        FlowRecord r = d.records.get(1);
        assertThat(r.src()).isEqualTo(ip("173.194.4.8"));
        assertThat(r.dst()).isEqualTo(ip("202.160.21.5"));
        assertThat(r.protocol()).isEqualTo(6);
        assertThat(r.srcPort()).isEqualTo(443);
        assertThat(r.dstPort()).isEqualTo(37422);
        assertThat(r.bytes()).isEqualTo(10262);
        assertThat(r.packets()).isEqualTo(7);
        assertThat(r.inIf()).isEqualTo(115);
        assertThat(r.outIf()).isEqualTo(86);
        assertThat(r.srcAs()).isEqualTo(15169);
        assertThat(r.tcpFlags()).isEqualTo(16);
        assertThat(r.endMillis() - r.startMillis()).isEqualTo(9000);
        assertThat(r.exporter()).isEqualTo(ip("10.19.144.41"));
        assertThat(d.stats().total().malformed()).isZero();
    }

    @Test
    void netflowV9WithSamplingRateFromOptionsData() throws Exception {
        Decoding d = Decoding.of("netflow/options-template.pcap", "netflow/options-data.pcap",
                "netflow/template.pcap", "netflow/data.pcap");
        assertThat(d.records).hasSize(4);
        FlowRecord r = d.records.getFirst();
        assertThat(r.src()).isEqualTo(ip("198.38.121.178"));
        assertThat(r.dst()).isEqualTo(ip("91.170.143.87"));
        assertThat(r.srcPort()).isEqualTo(443);
        assertThat(r.dstPort()).isEqualTo(19624);
        assertThat(r.bytes()).isEqualTo(1500);
        assertThat(r.packets()).isEqualTo(1);
        assertThat(r.samplingRate()).isEqualTo(30000);
        assertThat(r.inIf()).isEqualTo(335);
        assertThat(r.outIf()).isEqualTo(450);
        assertThat(r.tcpFlags()).isEqualTo(16);
        assertThat(d.records).extracting(FlowRecord::dst).containsExactly(ip("91.170.143.87"),
                ip("88.122.57.97"), ip("37.165.129.20"), ip("88.120.219.117"));
        assertThat(d.records).extracting(FlowRecord::bytes).containsExactly(1500L, 1500L, 1400L, 1448L);
        // Flow times from FIRST/LAST_SWITCHED against the header's uptime: 2022-03-14T19:25:25.050Z.
        assertThat(r.startMillis()).isEqualTo(1647285925050L);
    }

    @Test
    void netflowV9DataBeforeOptionsHasNoSamplingRate() throws Exception {
        Decoding d = Decoding.of("netflow/template.pcap", "netflow/data.pcap");
        assertThat(d.records).hasSize(4).allSatisfy(r -> assertThat(r.samplingRate()).isZero());
    }

    @Test
    void netflowV9DataBeforeTemplateIsCountedNotMalformed() throws Exception {
        Decoding d = Decoding.of("netflow/data.pcap");
        assertThat(d.records).isEmpty();
        var counters = d.stats().total();
        assertThat(counters.waitingTemplate()).isEqualTo(1);
        assertThat(counters.malformed()).isZero();
    }

    @Test
    void samplingRateInTheDataRecords() throws Exception {
        Decoding d = Decoding.of("netflow/samplingrate-template.pcap", "netflow/samplingrate-data.pcap");
        assertThat(d.records).hasSize(6).allSatisfy(r -> assertThat(r.samplingRate()).isEqualTo(2048));
        assertThat(d.records.getFirst().src()).isEqualTo(ip("232.131.215.65"));
        assertThat(d.records.getFirst().bytes()).isEqualTo(160);
        assertThat(d.records.getFirst().inIf()).isEqualTo(13);
    }

    @Test
    void samplingRatesPerSamplerId() throws Exception {
        Decoding d = Decoding.of("netflow/multiplesamplingrates-options-template.pcap",
                "netflow/multiplesamplingrates-options-data.pcap", "netflow/multiplesamplingrates-template.pcap",
                "netflow/multiplesamplingrates-data.pcap");
        assertThat(d.records).hasSize(12);
        assertThat(d.records.get(0).samplingRate()).isEqualTo(4000);
        assertThat(d.records.get(0).src()).isEqualTo(ip("ffff::68"));
        assertThat(d.records.get(0).packets()).isEqualTo(18);
        assertThat(d.records.subList(1, 12)).allSatisfy(r -> assertThat(r.samplingRate()).isEqualTo(2000));
    }

    @Test
    void icmpTypeAndCodeInTheDestinationPort() throws Exception {
        Decoding d = Decoding.of("netflow/icmp-template.pcap", "netflow/icmp-data.pcap");
        assertThat(d.records).hasSize(4);
        assertThat(d.records.get(0).protocol()).isEqualTo(58);
        assertThat(d.records.get(0).dstPort()).isEqualTo(128 << 8); // echo request
        assertThat(d.records.get(2).src()).isEqualTo(ip("203.0.113.4"));
        assertThat(d.records.get(2).dstPort()).isEqualTo(8 << 8);
    }

    @Test
    void ipfixDataLinkFrameSectionIsParsed() throws Exception {
        Decoding d = Decoding.of("netflow/datalink-template.pcap", "netflow/datalink-data.pcap");
        assertThat(d.records).hasSize(1);
        FlowRecord r = d.records.getFirst();
        assertThat(r.src()).isEqualTo(ip("51.51.51.51"));
        assertThat(r.dst()).isEqualTo(ip("52.52.52.52"));
        assertThat(r.protocol()).isEqualTo(17);
        assertThat(r.srcPort()).isEqualTo(55501);
        assertThat(r.dstPort()).isEqualTo(11777);
        assertThat(r.inIf()).isEqualTo(582);
        assertThat(r.exporter()).isEqualTo(ip("49.49.49.49"));
    }

    @Test
    void ipfixPseudowireFramesAreParsedThroughTheControlWord() throws Exception {
        Decoding d = Decoding.of("netflow/ethernet-over-mpls-with-control-word-template.pcap",
                "netflow/ethernet-over-mpls-with-control-word-data.pcap");
        assertThat(d.records).hasSize(10);
        FlowRecord r = d.records.get(1);
        assertThat(r.src()).isEqualTo(ip("198.51.100.7"));
        assertThat(r.dst()).isEqualTo(ip("198.51.100.8"));
        assertThat(r.dstPort()).isEqualTo(59706);
        assertThat(r.bytes()).isEqualTo(1500);
        assertThat(r.inIf()).isEqualTo(1064);
    }

    @Test
    void ipfixTemplateWithBothFamiliesTakesTheNonZeroOne() throws Exception {
        Decoding d = Decoding.of("netflow/physicalinterfaces.pcap");
        assertThat(d.records).hasSize(8).allSatisfy(r -> assertThat(r.src()).isInstanceOf(java.net.Inet4Address.class));
        FlowRecord r = d.records.getFirst();
        assertThat(r.src()).isEqualTo(ip("147.53.240.75"));
        assertThat(r.dst()).isEqualTo(ip("212.82.101.24"));
        assertThat(r.samplingRate()).isEqualTo(1000);
        assertThat(r.inIf()).isEqualTo(0x5000000BL); // ingressPhysicalInterface, the only interface sent
        assertThat(r.bytes()).isEqualTo(4506);
    }

    @Test
    void ipfixMplsAndIpv6() throws Exception {
        Decoding d = Decoding.of("netflow/mpls.pcap");
        assertThat(d.records).hasSize(2);
        FlowRecord r = d.records.get(1);
        assertThat(r.src()).isEqualTo(ip("fd00:0:0:1:0:1:7:1"));
        assertThat(r.dstPort()).isEqualTo(862);
        assertThat(r.packets()).isEqualTo(10);
        assertThat(r.bytes()).isEqualTo(890);
        assertThat(r.samplingRate()).isEqualTo(10);
        assertThat(r.outIf()).isEqualTo(17);
        assertThat(r.endMillis() - r.startMillis()).isEqualTo(84_000);
    }

    @Test
    void netflowV9WithAsNumbers() throws Exception {
        Decoding d = Decoding.of("netflow/data+templates.pcap");
        assertThat(d.records).hasSize(10);
        FlowRecord r = d.records.get(7);
        assertThat(r.src()).isEqualTo(ip("120.120.209.10"));
        assertThat(r.srcAs()).isEqualTo(15169);
        assertThat(r.dstAs()).isEqualTo(43815);
        assertThat(r.samplingRate()).isEqualTo(100);
        assertThat(d.stats().total().malformed()).isZero();
        assertThat(d.stats().total().waitingTemplate()).isEqualTo(1); // a set of a template sent later
    }

    @Test
    void sflowFlowSamples() throws Exception {
        Decoding d = Decoding.of("sflow/data-1140.pcap");
        FlowRecord r = d.records.getFirst();
        assertThat(r.src()).isEqualTo(ip("2a0c:8880:2:0:185:21:130:38"));
        assertThat(r.dst()).isEqualTo(ip("2a0c:8880:2:0:185:21:130:39"));
        assertThat(r.protocol()).isEqualTo(6);
        assertThat(r.srcPort()).isEqualTo(46026);
        assertThat(r.dstPort()).isEqualTo(22);
        assertThat(r.bytes()).isEqualTo(1518);
        assertThat(r.packets()).isEqualTo(1);
        assertThat(r.samplingRate()).isEqualTo(1024);
        assertThat(r.inIf()).isEqualTo(27);
        assertThat(r.outIf()).isEqualTo(28);
        // Times: sFlow has none, the datagram's capture time stands in.
        assertThat(r.startMillis()).isEqualTo(TestData.datagrams("sflow/data-1140.pcap").getFirst().timeMillis());
        assertThat(d.records).anySatisfy(x -> {
            assertThat(x.src()).isEqualTo(ip("45.90.161.148"));
            assertThat(x.dstAs()).isEqualTo(26615); // extended gateway: the destination's AS path
        });
    }

    @Test
    void sflowExpandedFlowSample() throws Exception {
        Decoding d = Decoding.of("sflow/data-sflow-expanded-sample.pcap");
        assertThat(d.records).hasSize(1);
        FlowRecord r = d.records.getFirst();
        assertThat(r.src()).isEqualTo(ip("52.52.52.52"));
        assertThat(r.dst()).isEqualTo(ip("53.53.53.53"));
        assertThat(r.srcPort()).isEqualTo(22);
        assertThat(r.dstPort()).isEqualTo(52237);
        assertThat(r.samplingRate()).isEqualTo(1000);
        assertThat(r.inIf()).isEqualTo(29001);
        assertThat(r.outIf()).isEqualTo(1285816721);
        assertThat(r.srcAs()).isEqualTo(203476);
        assertThat(r.dstAs()).isEqualTo(203361);
        assertThat(r.bytes()).isEqualTo(126);
    }

    @Test
    void sflowQinQAndIcmpv6AndCounterSamples() throws Exception {
        Decoding qinq = Decoding.of("sflow/data-qinq.pcap");
        assertThat(qinq.records).hasSize(1);
        assertThat(qinq.records.getFirst().src()).isNotNull();
        Decoding icmp6 = Decoding.of("sflow/data-icmpv6.pcap");
        assertThat(icmp6.records).hasSize(1);
        assertThat(icmp6.records.getFirst().protocol()).isEqualTo(58);
        Decoding raw = Decoding.of("sflow/data-sflow-raw-ipv4.pcap");
        assertThat(raw.records.getFirst().src()).isEqualTo(ip("69.58.92.107"));
        assertThat(raw.records.getFirst().protocol()).isEqualTo(1);
        assertThat(raw.records.getFirst().outIf()).isEqualTo(2);
    }

    @Test
    void sflowDiscardedAndLocalInterfaces() throws Exception {
        Decoding local = Decoding.of("sflow/data-local-interface.pcap");
        assertThat(local.records.getFirst().outIf()).isEqualTo(0x3FFF_FFFFL); // "internal to the agent", as sent
        Decoding discard = Decoding.of("sflow/data-discard-interface.pcap");
        assertThat(discard.records).isNotEmpty().allSatisfy(r -> assertThat(r.outIf()).isZero());
    }

    @Test
    void everyRealCaptureDecodesWithoutMalformation() throws Exception {
        for (String dir : new String[] {"netflow", "sflow"}) {
            try (var files = java.nio.file.Files.list(TestData.flowFile(dir))) {
                for (var f : files.sorted().toList()) {
                    Decoding d = Decoding.of(dir + "/" + f.getFileName());
                    assertThat(d.stats().total().malformed()).as(f.toString()).isZero();
                    assertThat(d.log).as(f.toString()).isEmpty();
                }
            }
        }
    }
}
