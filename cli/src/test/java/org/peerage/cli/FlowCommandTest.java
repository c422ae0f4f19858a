package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandTest {
    private static Path flowData() {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data").resolve("flow/akvorado");
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return data;
    }

    @Test
    void readPrintsOneLinePerFlowAndCountersOnStderr() throws Exception {
        Path d = flowData();
        var r = PeerageProcess.run(null, "flow", "read", d.resolve("netflow/options-template.pcap").toString(),
                d.resolve("netflow/options-data.pcap").toString(), d.resolve("netflow/template.pcap").toString(),
                d.resolve("netflow/data.pcap").toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("2022-03-14 19:25:25.050 2022-03-14 19:25:25.050 TCP "
                + "198.38.121.178:443 -> 91.170.143.87:19624 packets 1 bytes 1500 rate 30000 if 335 -> 450 "
                + "as 0 -> 0 flags 0x10 exporter 192.0.2.100");
        assertThat(r.stderr()).contains("192.0.2.100").contains("netflow-v9=4");
    }

    @Test
    void readJsonAndADamagedFile(@TempDir Path dir) throws Exception {
        Path d = flowData();
        Path sflow = d.resolve("sflow/data-sflow-expanded-sample.pcap");
        byte[] whole = Files.readAllBytes(sflow);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 10));
        var r = PeerageProcess.run(null, "flow", "read", "--json", sflow.toString(), cut.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines().toList()).hasSize(1).first().asString()
                .contains("\"src\":\"52.52.52.52\"").contains("\"sampling_rate\":1000").contains("\"src_as\":203476");
        assertThat(r.stderr()).contains("cut.pcap: truncated capture: the file ends 10 bytes short")
                .contains("at byte offset 24");
    }

    @Test
    @Timeout(60)
    void collectCountsPerExporterAndWritesTheFile(@TempDir Path dir) throws Exception {
        Path d = flowData();
        byte[] v5 = java.util.Arrays.copyOfRange(Files.readAllBytes(d.resolve("netflow/nfv5.pcap")), 24 + 16 + 42,
                Files.readAllBytes(d.resolve("netflow/nfv5.pcap")).length);
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Path out = dir.resolve("flows.csv");
        CompletableFuture<PeerageProcess.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return PeerageProcess.run(null, "flow", "collect", "--listen", "127.0.0.1:" + port,
                        "--out", out.toString(), "--duration", "6s");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        try (DatagramSocket s = new DatagramSocket()) {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            for (int i = 0; i < 20 && !run.isDone(); i++) { // until the collector is up: sent every 200 ms
                s.send(new DatagramPacket(v5, v5.length, lo, port));
                s.send(new DatagramPacket(new byte[] {1, 2, 3, 4, 5}, 5, lo, port));
                Thread.sleep(200);
            }
        }
        PeerageProcess.Result r = run.join();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String counters = r.out().lines().filter(l -> l.startsWith("127.0.0.1")).findFirst().orElseThrow();
        String[] c = counters.trim().split("\\s+");
        long packets = Long.parseLong(c[1]);
        long records = Long.parseLong(c[2]);
        long malformed = Long.parseLong(c[4]);
        assertThat(packets).isPositive();
        assertThat(records).isEqualTo(29 * (packets - malformed));
        assertThat(malformed).isPositive();
        assertThat(r.stderr()).contains("malformed datagram from 127.0.0.1");
        assertThat(Files.readAllLines(out)).hasSize(1 + (int) records);
    }
}
