package org.peerage.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import org.peerage.registry.ImportOutcome;
import org.peerage.registry.RegistryImporter;
import org.peerage.registry.fixture.FixtureGenerator;
import org.peerage.registry.fixture.FixtureOptions;
import org.peerage.registry.fixture.FixtureResult;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage registry generate-fixture}: a realistic PeeringDB dump built from the shared real data. */
@Command(name = "generate-fixture", mixinStandardHelpOptions = true,
        description = {"Write a PeeringDB full dump (" + FixtureGenerator.DUMP_FILE + ") that hangs together like "
                + "the real one: facilities with coordinates in real metros, exchanges with LANs and facilities, "
                + "networks with real AS numbers, names and max-prefix figures, local and remote ports; BCIX and "
                + "GR-IX with their real members. The same seed gives the same files.",
                "Reads the shared data folder (misc/ and ixf/): --data, else $PEERAGE_DATA, else ../shared/data "
                        + "beside the peerage checkout. With --db, also imports what it wrote into that database."})
final class RegistryFixtureCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "PATH", description = "Also import the fixture into this registry database.")
    Path db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write to.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--ixps", paramLabel = "N", description = "Exchanges (default: ${DEFAULT-VALUE}).")
    int ixps = FixtureOptions.DEFAULT_EXCHANGES;

    @Option(names = "--networks", paramLabel = "N", description = "Networks (default: ${DEFAULT-VALUE}).")
    int networks = FixtureOptions.DEFAULT_NETWORKS;

    @Option(names = "--ixf", description = "Also write each exchange's IX-F member export (schema 1.0) to DIR/ixf/.")
    boolean ixf;

    @Option(names = "--data", paramLabel = "DIR", description = "The shared data folder.")
    Path data;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("generate-fixture", () -> {
            FixtureResult r = FixtureGenerator.generate(dataFolder(data), out,
                    new FixtureOptions(seed, ixps, networks, ixf));
            System.out.println("wrote " + r.dump());
            r.counts().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("  %-10s %7d%n", e.getKey(), e.getValue()));
            if (!r.ixfExports().isEmpty()) {
                System.out.println("wrote " + r.ixfExports().size() + " IX-F exports to " + out.resolve("ixf"));
            }
            if (db == null) {
                return 0;
            }
            try (RegistryDatabase database = RegistryDatabase.openForWriting(db)) {
                RegistryImporter importer = new RegistryImporter(database);
                List<Path> files = new ArrayList<>(List.of(r.dump()));
                files.addAll(r.ixfExports());
                long modified = 0;
                for (Path f : files) {
                    if (!(importer.importFile(f.toString()) instanceof ImportOutcome.Imported i)) {
                        throw new IllegalStateException("the generated " + f + " did not import");
                    }
                    modified += i.report().modified();
                }
                System.out.println("imported " + files.size() + (files.size() == 1 ? " file" : " files") + " into " + db
                        + " (" + modified + " rows changed)");
            }
            return 0;
        });
    }

    /** The shared data folder: {@code data} if given, else $PEERAGE_DATA, else ../shared/data beside the checkout. */
    static Path dataFolder(Path data) throws IOException {
        if (data != null) {
            return data;
        }
        String env = System.getenv("PEERAGE_DATA");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        try {
            Path code = Path.of(RegistryFixtureCommand.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toAbsolutePath();
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolveSibling("shared").resolve("data");
                if (Files.isDirectory(candidate.resolve("misc"))) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw new IOException("cannot find the shared data folder; name it with --data DIR or $PEERAGE_DATA");
    }
}
