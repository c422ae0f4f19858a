package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.planner.plan.billing.Percentile;
import org.peerage.planner.plan.demo.DemoChain;
import org.peerage.planner.plan.report.ReportWriter;
import org.peerage.planner.plan.traffic.TrafficData;

/**
 * The demo chain end to end (fixture registry, MRT, generated flows through the attribution pipeline, the plan),
 * then the report as a browser renders it: headless Chromium dumps the DOM and every chart must have drawn marks.
 */
class DemoReportTest {
    @TempDir
    static Path dir;
    static Path plan;
    static PlanResult result;
    static Path html;

    @BeforeAll
    static void runDemo() throws Exception {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data.resolve("misc"))) {
            if (System.getenv("CI") != null) throw new AssertionError("shared data folder missing: " + data);
            Assumptions.abort("shared data folder not present: " + data);
        }
        plan = DemoChain.prepare(data, dir.resolve("inputs"), new DemoChain.Options(1, 7, 20, 300, 30),
                Progress.SILENT);
        result = PlanAnalysis.run(PlanLoader.load(plan), Progress.SILENT);
        html = ReportWriter.write(result, dir.resolve("out"));
    }

    @Test
    void figuresHangTogether() throws Exception {
        PlanResult.Summary s = result.summary();
        assertThat(s.samples()).isEqualTo(7 * 288);
        assertThat(s.transitNow()).isPositive();
        assertThat(s.saving()).isCloseTo(s.transitNow() - s.transitAfter() - s.peeringCost(), within(1e-6));
        assertThat(s.candidatesPeered()).isPositive();
        assertThat(result.selection().optimal()).isTrue();
        assertThat(result.selection().steps()).isNotEmpty();
        assertThat(result.bitMiles()).isNotEmpty();
        // IPv4 and IPv6 both carry traffic and together make up the whole.
        assertThat(s.totalOutMbps().get("IPv6")).isPositive();
        assertThat(s.totalOutMbps().get("IPv4") + s.totalOutMbps().get("IPv6"))
                .isGreaterThanOrEqualTo(s.totalOutMbps().get("all") - 1e-6);
        // The bill after offloading never exceeds the bill now.
        for (PlanResult.ProviderBills b : result.transit()) {
            assertThat(b.after().get("all").amount()).isLessThanOrEqualTo(b.now().get("all").amount() + 1e-9);
        }
        // Every step of the assumptions names its source.
        assertThat(result.assumptions()).allSatisfy(a -> assertThat(a.source()).isNotBlank());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/plan.json").toFile());
        assertThat(json.at("/summary/transitNow").asDouble()).isCloseTo(s.transitNow(), within(1e-6));
        assertThat(json.at("/candidates").size()).isEqualTo(result.candidates().size());
    }

    @Test
    void seriesReadFromFlowsMatchTheAttributionsP95() throws Exception {
        // The plan spreads flows over buckets as the attribution does: its total P95 per direction equals the
        // p95 file's.
        TrafficData t = TrafficData.load(dir.resolve("inputs/traffic"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet r = c.createStatement().executeQuery("SELECT direction, p95_bps FROM read_parquet('"
                     + dir.resolve("inputs/traffic/p95.parquet") + "') WHERE kind = 'total'")) {
            int n = 0;
            while (r.next()) {
                int d = "in".equals(r.getString(1)) ? TrafficData.IN : TrafficData.OUT;
                assertThat(Percentile.p95(t.sum(TrafficData.of(Family.ALL, d)))).isCloseTo(r.getDouble(2) / 1e6,
                        within(1e-6));
                n++;
            }
            assertThat(n).isEqualTo(2);
        }
    }

    @Test
    void chromiumShowsChartsThatAreNotEmpty() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            if (System.getenv("CI") != null) throw new AssertionError("chromium is not installed");
            Assumptions.abort("chromium is not installed (apt-get install chromium)");
        }
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--dump-dom", html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String dom = new String(out, StandardCharsets.UTF_8);
        assertThat(dom).contains("Peering plan for AS64500").contains("id=\"assumptions\"");
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[^>]*aria-label=\"([^\"]*)\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
            charts.add(m.group(2));
        }
        assertThat(labels).contains("transit traffic over time, before and after the plan",
                "offloadable traffic by candidate", "bit-mile balance per peer");
        assertThat(labels).anyMatch(l -> l.startsWith("cost against traffic at "));
        for (int i = 0; i < charts.size(); i++) {
            String body = charts.get(i);
            int marks = count(body, "<rect") + count(body, "<path") + count(body, "<circle");
            assertThat(marks).as(labels.get(i)).isGreaterThan(3);
            // Bars with a width, or paths with at least two points: something is drawn.
            boolean drawn = Pattern.compile("<rect[^>]*width=\"([1-9][0-9]*\\.?[0-9]*)\"").matcher(body).results()
                    .filter(x -> Double.parseDouble(x.group(1)) > 10).count() > 2
                    || Pattern.compile("<path d=\"M[^\"]*L[^\"]*L").matcher(body).find()
                    || count(body, "<path d=\"M") >= 3;
            assertThat(drawn).as(labels.get(i) + " draws something").isTrue();
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
