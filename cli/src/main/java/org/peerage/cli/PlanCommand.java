package org.peerage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peerage.planner.plan.Plan;
import org.peerage.planner.plan.PlanAnalysis;
import org.peerage.planner.plan.PlanException;
import org.peerage.planner.plan.PlanLoader;
import org.peerage.planner.plan.PlanResult;
import org.peerage.planner.plan.Progress;
import org.peerage.planner.plan.demo.DemoChain;
import org.peerage.planner.plan.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage plan}: the peering plan from a plan file, as an HTML report and JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"The peering plan: transit bills, candidate peers, options per candidate and exchange, the "
                + "exchanges to join (facility location), bills after offloading, bit-miles; written as "
                + "DIR/report.html (self-contained) and DIR/plan.json. docs/plan.md documents the plan file.",
                "--demo generates a fixture registry, a routing table and a month of flows, attributes them, writes "
                        + "a plan file and runs it, all into DIR (default: peerage-plan-demo)."})
final class PlanCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN.yaml", description = "The plan file.")
    Path planFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write report.html and plan.json.")
    Path out;

    @Option(names = "--demo", description = "Run the whole chain on generated inputs.")
    boolean demo;

    @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder (for --demo's fixture).")
    Path data;

    @Option(names = "--demo-days", paramLabel = "N", description = "Days of demo traffic (default: ${DEFAULT-VALUE}).")
    int days = 30;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Progress progress = quiet ? Progress.SILENT : new Progress(System.err);
        if (demo == (planFile != null)) {
            System.err.println("peerage plan: give a plan file or --demo (one of them)");
            return 2;
        }
        Path file = planFile;
        if (demo) {
            if (out == null) out = Path.of("peerage-plan-demo");
            DemoChain.Options d = DemoChain.defaults();
            file = DemoChain.prepare(RegistryFixtureCommand.dataFolder(data), out.resolve("inputs"),
                    new DemoChain.Options(d.seed(), days, d.exchanges(), d.networks(), d.destinations()), progress);
        } else if (out == null) {
            System.err.println("peerage plan: --out DIR is required");
            return 2;
        }
        Plan plan;
        try {
            plan = PlanLoader.load(file);
        } catch (PlanException e) {
            for (String line : e.errors()) System.err.println(line);
            return 1;
        }
        PlanResult r = PlanAnalysis.run(plan, progress);
        Files.createDirectories(out);
        Path html = ReportWriter.write(r, out);
        PlanResult.Summary s = r.summary();
        System.out.printf(Locale.ROOT, "transit now %,.0f %s a month; after the plan %,.0f transit + %,.0f peering = "
                        + "%,.0f (saving %,.0f); %d of %d candidates peered%n", s.transitNow(), s.currency(),
                s.transitAfter(), s.peeringCost(), s.totalAfter(), s.saving(), s.candidatesPeered(),
                s.candidatesConsidered());
        for (String w : r.warnings()) System.err.println("warning: " + w);
        System.out.println("wrote " + html + " and " + out.resolve("plan.json")
                + String.format(Locale.ROOT, " in %.1f s", progress.elapsedSeconds()));
        return 0;
    }
}
