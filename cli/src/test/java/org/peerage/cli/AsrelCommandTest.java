package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** peerage asrel infer on a real RIB dump, as a user runs it. */
class AsrelCommandTest {
    private static Path mrt(String name) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return data.resolve("mrt").resolve(name);
    }

    @Test
    void infersAndWritesSerial2AndCones(@TempDir Path dir) throws Exception {
        Path rib = mrt("pyasn_rib.20140523.0600_firstMB.bz2");
        Path rel = dir.resolve("as-rel2.txt");
        Path cones = dir.resolve("ppdc-ases.txt");
        var r = InProcess.run("asrel", "infer", rib.toString(), "--out", rel.toString(), "--serial", "2",
                "--cones", cones.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("paths before it kept"); // the file is cut after its first MiB
        assertThat(r.out()).contains("270005 routes read from 1 file").containsPattern("ASes \\d+, links \\d+")
                .containsPattern("clique \\(\\d+\\):.* 174 .*3356").contains("step 2, initial provider assignment")
                .contains("largest customer cones (observed)").contains("time: read");
        List<String> lines = Files.readAllLines(rel);
        assertThat(lines.getFirst()).startsWith("# source: peerage asrel infer");
        assertThat(lines).anyMatch(l -> l.startsWith("# inferred clique: "));
        assertThat(lines).contains("174|3356|0|bgp", "174|7545|-1|bgp");
        assertThat(lines.stream().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("\\d+\\|\\d+\\|(-1|0)\\|bgp"));
        List<String> cone = Files.readAllLines(cones);
        assertThat(cone).anyMatch(l -> l.startsWith("174 ") && l.contains(" 7545"));

        var s1 = InProcess.run("asrel", "infer", rib.toString(), "--out", "-", "--cone-method", "recursive");
        assertThat(s1.exitCode()).as(s1.err()).isZero();
        assertThat(s1.out()).contains("\n174|7545|-1\n");
        assertThat(s1.err()).contains("ASes ");
    }

    @Test
    void badArguments() {
        var r = InProcess.run("asrel", "infer", "/nonexistent.mrt");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("/nonexistent.mrt");
        var s = InProcess.run("asrel", "infer", "x.mrt", "--serial", "3");
        assertThat(s.exitCode()).isNotZero();
        assertThat(s.err()).contains("--serial is 1 or 2");
    }
}
