package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two `peerage speaker` processes peering with each other over loopback, as the command line has it. */
@Timeout(120)
class SpeakerCommandTest {

    private static Path sharedMrt(String name) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path p = root.resolveSibling("shared").resolve("data/mrt").resolve(name);
        if (!Files.exists(p)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("missing " + p);
            Assumptions.abort("shared data not present: " + p);
        }
        return p;
    }

    @Test
    void passiveAndActiveSpeakersExchangeTablesAndWriteWhatTheyReceived(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path updates = sharedMrt("bgpdump_updates.20160811.1600.gz");
        Path rib = sharedMrt("bgpdump_bview.ipv4_unicast_add_path.gz");
        Path received = dir.resolve("received.mrt");
        CompletableFuture<PeerageProcess.Result> passive = CompletableFuture.supplyAsync(() -> run(
                "speaker", "--local-as", "65000", "--router-id", "10.0.0.1", "--local-address", "127.0.6.1",
                "--passive", "--listen-port", String.valueOf(port), "--peer", "127.0.6.2:179", "--peer-as", "64601",
                "--announce-mrt", rib.toString(), "--exit-after-eor", "--timeout", "60"));
        Thread.sleep(1500);
        PeerageProcess.Result active = run("speaker", "--local-as", "64601", "--router-id", "10.0.0.2",
                "--local-address", "127.0.6.2", "--peer", "127.0.6.1:" + port, "--peer-as", "65000",
                "--announce-mrt", updates.toString(), "--mrt-peer", "as:59689", "--write-mrt", received.toString(),
                "--exit-after-eor", "--timeout", "60");
        PeerageProcess.Result other = passive.get();
        assertThat(active.exitCode()).as(active.stderr() + active.out()).isZero();
        assertThat(other.exitCode()).as(other.stderr() + other.out()).isZero();

        List<String> events = active.out().lines().toList();
        assertThat(events).anyMatch(l -> l.contains("\"event\":\"established\"") && l.contains("\"peer_as\":65000"));
        String eorReceived = events.stream().filter(l -> l.contains("\"event\":\"eor-received\"")).findFirst()
                .orElseThrow();
        // The RIB file's IPv4 add-path sample holds 31 distinct prefixes (first-seen attributes announced).
        assertThat(eorReceived).contains("\"routes\":31");
        assertThat(other.out()).contains("\"event\":\"eor-received\"");

        // What the active side received, written as TABLE_DUMP_V2 and read back: 31 routes, each with 65000 first.
        PeerageProcess.Result dump = run("mrt", "dump", "-m", received.toString());
        assertThat(dump.exitCode()).isZero();
        List<String> lines = dump.out().lines().toList();
        assertThat(lines).hasSize(31).allMatch(l -> l.startsWith("TABLE_DUMP2|"))
                .allSatisfy(l -> assertThat(l.split("\\|")[6]).matches("65000( 650\\d\\d)*"))
                .anySatisfy(l -> assertThat(l).contains("|65000|INCOMPLETE|127.0.6.1|"));
    }

    private static PeerageProcess.Result run(String... args) {
        try {
            return PeerageProcess.run(null, args);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
