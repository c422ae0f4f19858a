package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** peerage traffic attribute and traffic query, run as a user would, on the real RIB and exporter data. */
class TrafficCommandTest {
    private static Path data(String relative) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return data.resolve(relative);
    }

    @Test
    @Timeout(120)
    void attributeFlowsToTheRibThenQuery(@TempDir Path dir) throws Exception {
        Path rib = data("mrt/pyasn_rib.20140523.0600_firstMB.bz2");
        // Ten minutes of traffic from us (203.0.113.0/24) to 1.0.4.0/24 (best path 6939 7545 56203) and back,
        // sampled 1 in 100: two 5-minute buckets.
        List<String> lines = new ArrayList<>();
        lines.add("start,end,src,dst,proto,src_port,dst_port,tcp_flags,packets,bytes,sampling_rate,in_if,out_if,"
                + "src_as,dst_as,exporter");
        lines.add("2024-01-01 00:00:10.000,2024-01-01 00:00:20.000,203.0.113.5,1.0.4.9,6,40000,443,16,10,15000,100,"
                + "1,2,0,0,192.0.2.1");
        lines.add("2024-01-01 00:05:10.000,2024-01-01 00:05:10.000,1.0.4.9,203.0.113.5,6,443,40000,16,20,30000,100,"
                + "2,1,0,0,192.0.2.1");
        lines.add("2024-01-01 00:06:00.000,2024-01-01 00:06:00.000,203.0.113.5,1.0.4.10,17,5000,53,0,1,1500,0,"
                + "1,2,0,0,192.0.2.1");
        Path flows = dir.resolve("flows.csv");
        Files.write(flows, lines);
        Path out = dir.resolve("out");
        var r = PeerageProcess.run(null, "traffic", "attribute", "--flows", flows.toString(), "--mrt", rib.toString(),
                "--local-prefix", "203.0.113.0/24", "--default-sampling-rate", "10", "--out", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("3 flow records").contains("1 without a sampling rate (counted at 10)")
                .contains("candidate AS56203");
        assertThat(out.resolve("flows.parquet")).exists();

        var q = PeerageProcess.run(null, "traffic", "query", "--data", out.toString(), "--csv",
                "SELECT direction, prefix, next_as, origin_as, as_path, scaled_bytes FROM flows ORDER BY start");
        assertThat(q.exitCode()).as(q.stderr()).isZero();
        assertThat(q.out().lines().toList()).containsExactly(
                "direction,prefix,next_as,origin_as,as_path,scaled_bytes",
                "out,1.0.4.0/24,6939,56203,6939 7545 56203,1500000",
                "in,1.0.4.0/24,6939,56203,6939 7545 56203,3000000",
                "out,1.0.4.0/24,6939,56203,6939 7545 56203,15000");

        var p = PeerageProcess.run(null, "traffic", "query", "--data", out.toString(), "--csv",
                "SELECT direction, kind, next_as, origin_as, asn, samples, p95_bps FROM p95 "
                        + "WHERE kind <> 'candidate' OR asn = 7545 ORDER BY ALL");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        // Out: bucket 1 has 1,500,000 bytes, bucket 2 15,000; P95 of 2 samples is the larger: 1.5 MB x 8 / 300 s.
        assertThat(p.out().lines().toList()).containsExactly(
                "direction,kind,next_as,origin_as,asn,samples,p95_bps",
                "in,candidate,,,7545,2,80000",
                "in,next-origin,6939,56203,,2,80000",
                "in,total,,,,2,80000",
                "out,candidate,,,7545,2,40000",
                "out,next-origin,6939,56203,,2,40000",
                "out,total,,,,2,40000");

        var table = PeerageProcess.run(null, "traffic", "query", "--data", out.toString(),
                "SELECT kind, count(*) AS n FROM series GROUP BY kind ORDER BY kind");
        assertThat(table.out()).contains("kind").contains("candidate").contains("(3 rows)");
    }

    @Test
    @Timeout(120)
    void routingTableFromALivePeerageSpeaker(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path rib = data("mrt/pyasn_rib.20140523.0600_firstMB.bz2");
        java.util.concurrent.CompletableFuture<PeerageProcess.Result> speaker =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return PeerageProcess.run(null, "speaker", "--local-as", "64510", "--router-id", "10.0.0.1",
                                "--local-address", "127.0.7.1", "--passive", "--listen-port", String.valueOf(port),
                                "--peer", "127.0.7.2:179", "--peer-as", "64520", "--announce-mrt", rib.toString(),
                                "--mrt-peer", "as:6939", "--exit-after-eor", "--timeout", "60");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
        Thread.sleep(1500);
        Path flows = dir.resolve("flows.csv");
        Files.write(flows, List.of("start,end,src,dst,proto,src_port,dst_port,tcp_flags,packets,bytes,sampling_rate,"
                + "in_if,out_if,src_as,dst_as,exporter", "2024-01-01 00:00:10.000,2024-01-01 00:00:10.000,203.0.113.5,"
                + "1.0.4.9,6,40000,443,16,1,1000,1,1,2,0,0,192.0.2.1"));
        Path out = dir.resolve("out");
        var r = PeerageProcess.run(null, "traffic", "attribute", "--flows", flows.toString(), "--bgp",
                "127.0.7.1:" + port, "--bgp-local-as", "64520", "--bgp-peer-as", "64510", "--bgp-local-address",
                "127.0.7.2", "--bgp-timeout", "60s", "--local-prefix", "203.0.113.0/24", "--out", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(speaker.get().exitCode()).isZero();
        var q = PeerageProcess.run(null, "traffic", "query", "--data", out.toString(), "--csv",
                "SELECT prefix, next_as, origin_as, as_path FROM flows");
        // The speaker announced AS6939's routes with its own AS in front.
        assertThat(q.out().lines().toList()).containsExactly("prefix,next_as,origin_as,as_path",
                "1.0.4.0/24,64510,56203,64510 6939 7545 56203");
    }

    @Test
    @Timeout(120)
    void attributeExportCapturesToCsvAndBadInputIsNamed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("csv");
        var r = PeerageProcess.run(null, "traffic", "attribute", "--pcap",
                data("flow/akvorado/netflow/nfv5.pcap").toString(), "--mrt",
                data("mrt/pyasn_rib.20140523.0600_firstMB.bz2").toString(), "--local-as", "10101",
                "--format", "csv", "--out", out.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("29 flow records").contains("netflow-v5=1");
        assertThat(Files.readAllLines(out.resolve("flows.csv"))).hasSize(30);
        assertThat(Files.readAllLines(out.resolve("p95.csv")).getFirst()).startsWith("direction,kind,next_as");

        var bad = PeerageProcess.run(null, "traffic", "query", "--data", out.toString(), "SELECT nope FROM flows");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("query failed").contains("nope");
        var empty = PeerageProcess.run(null, "traffic", "query", "--data", dir.toString(), "SELECT 1");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.stderr()).contains("no traffic data here");
        var badPrefix = PeerageProcess.run(null, "traffic", "attribute", "--pcap", "x.pcap", "--mrt", "y.mrt",
                "--local-prefix", "203.0.113.0/33", "--out", out.toString());
        assertThat(badPrefix.exitCode()).isEqualTo(2);
        assertThat(badPrefix.stderr()).contains("--local-prefix 203.0.113.0/33");
        var badThreads = PeerageProcess.run(null, "traffic", "attribute", "--pcap", "x.pcap", "--mrt", "y.mrt",
                "--threads", "0", "--out", out.toString());
        assertThat(badThreads.exitCode()).isEqualTo(2);
        assertThat(badThreads.stderr()).contains("--threads 0");
    }
}
