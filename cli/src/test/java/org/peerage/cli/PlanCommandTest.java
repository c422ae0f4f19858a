package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peerage plan}: usage errors, plan-file errors, and the demo through the command. */
class PlanCommandTest {
    @Test
    void needsAPlanOrDemo() {
        InProcess.Result r = InProcess.run("plan");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("give a plan file or --demo");
    }

    @Test
    void planFileErrorsNameFileLineAndKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plan.yaml");
        Files.writeString(f, "asn: 64500\npops:\n  - name: fra\n    latitude: 50\n    longitude: 8\n    colour: red\n"
                + "transit:\n  - asn: 3356\ninputs:\n  traffic: nowhere\n  registry: none.duckdb\n");
        InProcess.Result r = InProcess.run("plan", f.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(f + ":6: pops[0].colour: unknown key")
                .contains(f + ":8: transit[0].price_per_mbps: missing")
                .contains(f + ":10: inputs.traffic: not a directory: " + dir.resolve("nowhere"))
                .contains(f + ":11: inputs.registry: no such file: " + dir.resolve("none.duckdb"));
    }

    @Test
    void demoWritesTheReport(@TempDir Path dir) throws Exception {
        Path data = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("misc")) || System.getenv("CI") != null,
                "shared data folder not present");
        InProcess.Result r = InProcess.run("plan", "--demo", "--demo-days", "2", "--data", data.toString(), "--out",
                dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("transit now").contains("wrote " + dir.resolve("report.html"));
        assertThat(r.err()).contains("generating and attributing 2 days of flows: done")
                .contains("choosing exchanges (facility location): done");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg").contains("Assumptions and inputs");
        assertThat(dir.resolve("plan.json")).exists();
        assertThat(dir.resolve("inputs/plan.yaml")).exists();
    }
}
