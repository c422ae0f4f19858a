package org.peerage.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.peerage.flow.collect.ExportDecoder;

/**
 * Mutation fuzzing of every decoder with the real exporters' packets: one byte corrupted anywhere, or the datagram
 * cut at every offset, after the templates and options of its capture set were learnt. Decoding must never throw,
 * must report what it appended, and a cut datagram is either whole enough or malformed. Hand-made inputs aimed at
 * the length fields are kept in src/test/resources/adversarial.
 */
class MutationFuzzTest {
    /** Captures that belong together: templates and options first, then data. */
    private static final List<List<String>> SESSIONS = List.of(
            List.of("netflow/nfv5.pcap"),
            List.of("netflow/options-template.pcap", "netflow/options-data.pcap", "netflow/template.pcap",
                    "netflow/data.pcap"),
            List.of("netflow/samplingrate-template.pcap", "netflow/samplingrate-data.pcap"),
            List.of("netflow/multiplesamplingrates-options-template.pcap",
                    "netflow/multiplesamplingrates-options-data.pcap", "netflow/multiplesamplingrates-template.pcap",
                    "netflow/multiplesamplingrates-data.pcap"),
            List.of("netflow/icmp-template.pcap", "netflow/icmp-data.pcap"),
            List.of("netflow/datalink-template.pcap", "netflow/datalink-data.pcap"),
            List.of("netflow/ethernet-over-mpls-with-control-word-template.pcap",
                    "netflow/ethernet-over-mpls-with-control-word-data.pcap"),
            List.of("netflow/ipfix-srv6-template.pcap", "netflow/ipfix-srv6-data.pcap"),
            List.of("netflow/ipfixprobe-templates.pcap", "netflow/ipfixprobe-data.pcap"),
            List.of("netflow/juniper-cpid-template.pcap", "netflow/juniper-cpid-data.pcap"),
            List.of("netflow/physicalinterfaces.pcap"),
            List.of("netflow/nat.pcap"),
            List.of("netflow/mpls.pcap"),
            List.of("netflow/data+templates.pcap"),
            List.of("sflow/data-1140.pcap"),
            List.of("sflow/data-discard-interface.pcap"),
            List.of("sflow/data-encap-vxlan.pcap"),
            List.of("sflow/data-icmpv4.pcap"),
            List.of("sflow/data-icmpv6.pcap"),
            List.of("sflow/data-local-interface.pcap"),
            List.of("sflow/data-multiple-interfaces.pcap"),
            List.of("sflow/data-qinq.pcap"),
            List.of("sflow/data-sflow-expanded-sample.pcap"),
            List.of("sflow/data-sflow-ipv4-data.pcap"),
            List.of("sflow/data-sflow-raw-ipv4.pcap"));

    private static List<List<byte[]>> sessions;

    private static synchronized List<List<byte[]>> sessions() {
        if (sessions == null) {
            List<List<byte[]>> all = new ArrayList<>();
            for (List<String> s : SESSIONS) {
                List<byte[]> datagrams = new ArrayList<>();
                for (String capture : s) {
                    try {
                        TestData.datagrams(capture).forEach(d -> datagrams.add(d.payload()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                all.add(datagrams);
            }
            sessions = all;
        }
        return sessions;
    }

    /** A session's datagrams with one changed; returns the result of decoding the changed one. */
    private static PacketResult decodeSession(List<byte[]> datagrams, int changed, byte[] replacement) {
        ExportDecoder decoder = new ExportDecoder();
        Exporters exporters = new Exporters();
        int exporter = exporters.intern(InetAddress.getLoopbackAddress());
        FlowBatch batch = new FlowBatch(exporters);
        PacketResult result = null;
        for (int i = 0; i < datagrams.size(); i++) {
            byte[] d = i == changed ? replacement : datagrams.get(i);
            int before = batch.size();
            PacketResult r = decoder.decode(d, 0, d.length, exporter, 0, batch);
            assertThat(r).isNotNull();
            assertThat(batch.size() - before).as("records appended = records reported").isEqualTo(r.records());
            for (int k = before; k < batch.size(); k++) {
                batch.record(k); // every appended record reads back
            }
            if (i == changed) {
                result = r;
            }
        }
        return result;
    }

    record Mutation(int session, int datagram, int position, byte value) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        List<List<byte[]>> all = sessions();
        return Arbitraries.integers().between(0, all.size() - 1).flatMap(s -> {
            List<byte[]> datagrams = all.get(s);
            return Arbitraries.integers().between(0, datagrams.size() - 1).flatMap(d -> Combinators.combine(
                    Arbitraries.integers().between(0, datagrams.get(d).length - 1),
                    Arbitraries.bytes()).as((pos, value) -> new Mutation(s, d, pos, value)));
        });
    }

    @Property(tries = 5000)
    void oneCorruptByteNeverThrows(@ForAll("mutations") Mutation m) {
        List<byte[]> datagrams = sessions().get(m.session());
        byte[] corrupt = datagrams.get(m.datagram()).clone();
        corrupt[m.position()] = m.value();
        decodeSession(datagrams, m.datagram(), corrupt);
    }

    @Test
    void cutAtEveryOffsetIsWholeOrMalformed() {
        List<List<byte[]>> all = sessions();
        int malformed = 0;
        for (List<byte[]> datagrams : all) {
            for (int d = 0; d < datagrams.size(); d++) {
                byte[] whole = datagrams.get(d);
                for (int cut = 0; cut < whole.length; cut++) {
                    PacketResult r = decodeSession(datagrams, d, java.util.Arrays.copyOf(whole, cut));
                    if (r instanceof PacketResult.Malformed) {
                        malformed++;
                    }
                }
            }
        }
        assertThat(malformed).as("cut datagrams reported malformed").isPositive();
    }

    /**
     * Hand-made datagrams aimed at the length and count fields (the fuzzing above found no crasher to keep): each
     * file is named for the malformation it must be reported as.
     */
    @Test
    void adversarialDatagramsAreReportedWithTheirReason() throws IOException {
        Path dir = Path.of("src/test/resources/adversarial");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> inputs = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
            assertThat(inputs).hasSizeGreaterThanOrEqualTo(9);
            for (Path p : inputs) {
                String name = p.getFileName().toString();
                Malformation expected = Malformation.valueOf(name.substring(name.indexOf('.') + 1,
                        name.lastIndexOf('.')));
                byte[] d = Files.readAllBytes(p);
                assertThat(decodeSession(List.of(d), 0, d)).as(name)
                        .isInstanceOfSatisfying(PacketResult.Malformed.class,
                                m -> assertThat(m.reason()).isEqualTo(expected));
            }
        }
    }
}
