package org.peerage.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peerage.planner.output.TrafficQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage traffic query}: DuckDB SQL over the attribution results. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a DuckDB SQL query over the output of 'peerage traffic attribute': the views flows, "
                + "series and p95 (see docs/traffic.md), and print the result table."})
final class TrafficQueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"SELECT * FROM p95 ORDER BY p95_bps "
            + "DESC LIMIT 10\".")
    String sql;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = ".",
            description = "The directory 'traffic attribute --out' wrote (default: the current directory).")
    Path data;

    @Option(names = "--csv", description = "Print CSV (with a header line) instead of an aligned table.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                java.nio.charset.StandardCharsets.UTF_8);
        TrafficQuery.run(data, sql, out, csv);
        out.flush();
        return 0;
    }
}
