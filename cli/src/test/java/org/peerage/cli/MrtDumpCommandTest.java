package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `peerage mrt dump` contract, exercised from outside as a separate process. */
class MrtDumpCommandTest {
    private static Path updates;

    @BeforeAll
    static void sharedData() {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        updates = root.resolveSibling("shared").resolve("data/mrt/bgpdump_updates.20160811.1600.gz");
        if (!Files.exists(updates)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("missing " + updates);
            }
            Assumptions.abort("shared data not present: " + updates);
        }
    }

    @Test
    void dumpsAFileAsBgpdumpLines() throws Exception {
        var r = PeerageProcess.run(null, "mrt", "dump", "-m", updates.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.out().lines().count()).isEqualTo(41_234);
        assertThat(r.out()).startsWith("BGP4MP|1470931200|A|2001:7f8:54::188|59689|2804:14d::/40|59689 6939 3356 4230"
                + " 28573|IGP|2001:7f8:54::10|0|0|59689:200 59689:240|NAG||\n");
    }

    @Test
    void readsStandardInput() throws Exception {
        var fromFile = PeerageProcess.run(null, "mrt", "dump", "-m", updates.toString());
        var fromStdin = PeerageProcess.run(updates, "mrt", "dump", "-m", "-");
        assertThat(fromStdin.exitCode()).isZero();
        assertThat(fromStdin.stdout()).isEqualTo(fromFile.stdout());
    }

    @Test
    void truncatedFileKeepsEverythingBeforeTheDamageAndFails(@TempDir Path dir) throws Exception {
        byte[] plain;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(updates))) {
            plain = in.readAllBytes();
        }
        Path cut = dir.resolve("cut.mrt");
        Files.write(cut, Arrays.copyOf(plain, plain.length / 2));
        var whole = PeerageProcess.run(null, "mrt", "dump", "-m", updates.toString());
        var r = PeerageProcess.run(null, "mrt", "dump", "-m", cut.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains(cut.toString()).contains("truncated MRT record").contains("byte offset");
        assertThat(r.out().lines().count()).isGreaterThan(10_000);
        assertThat(whole.out()).startsWith(r.out());
    }

    @Test
    void missingFileIsNamedAndTheOthersStillDumped(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.mrt");
        var r = PeerageProcess.run(null, "mrt", "dump", "-m", missing.toString(), updates.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains(missing.toString()).contains("no such file");
        assertThat(r.out().lines().count()).isEqualTo(41_234);
    }

    @Test
    void jsonOutputIsOneValidObjectPerLine() throws Exception {
        var r = PeerageProcess.run(null, "mrt", "dump", "--json", updates.toString());
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines).hasSize(41_234);
        JsonFactory factory = new JsonFactory();
        for (String line : Arrays.copyOf(lines, 2000)) {
            try (JsonParser p = factory.createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                p.skipChildren();
                assertThat(p.nextToken()).isNull();
            }
        }
        assertThat(lines[0]).contains("\"kind\":\"announce\"").contains("\"prefix\":\"2804:14d::/40\"")
                .contains("\"as_path\":[59689,6939,3356,4230,28573]").contains("\"communities\":[\"59689:200\"");
    }

    @Test
    void humanTimestampsWithMinusCapitalM() throws Exception {
        var r = PeerageProcess.run(null, "mrt", "dump", "-M", updates.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("(?s)BGP4MP\\|\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\|A\\|.*");
        assertThat(r.out().lines().findFirst().orElseThrow()).endsWith("|59689 6939 3356 4230 28573|IGP");
    }

    @Test
    void stopsQuietlyWhenTheReaderClosesThePipe() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "\"$0\" -cp \"$1\" " + PeerageCommand.class.getName()
                + " mrt dump -m \"$2\" | head -1 >/dev/null; echo ${PIPESTATUS[0]}",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"), updates.toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out.strip()).isEqualTo("141");
    }

    @Test
    void formatsAreExclusive() throws IOException, InterruptedException {
        var r = PeerageProcess.run(null, "mrt", "dump", "-m", "--json", updates.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("mutually exclusive");
    }
}
