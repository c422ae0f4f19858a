package org.peerage.registry.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peerage.registry.ImportOutcome;
import org.peerage.registry.Registry;
import org.peerage.registry.RegistryImporter;
import org.peerage.registry.fixture.FixtureGenerator;
import org.peerage.registry.fixture.FixtureOptions;
import org.peerage.registry.load.ParsedFile;
import org.peerage.registry.load.RegistryFileReader;
import org.peerage.registry.model.CommonPresence;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.NetworkDetail;
import org.peerage.registry.model.RemotePeeringReport;
import org.peerage.registry.store.RegistryDatabase;

/**
 * In-process registry speed on the default fixture (300 exchanges, 5,000 networks, about 45,000 objects): reading
 * and checking a full dump, re-importing it unchanged (read, check, compare with the database), and the queries
 * the planner will call in loops. Run with bench/registry/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseCompactObjectHeaders"})
public class RegistryBenchmark {
    private Path dir;
    private byte[] dump;
    private String dumpFile;
    private RegistryDatabase db;
    private RegistryImporter importer;
    private Registry registry;
    private long largestExchange;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path data = Path.of(System.getProperty("peerage.data", "../shared/data"));
        dir = Files.createTempDirectory("registry-bench");
        var fixture = FixtureGenerator.generate(data, dir, new FixtureOptions(1, FixtureOptions.DEFAULT_EXCHANGES,
                FixtureOptions.DEFAULT_NETWORKS, false));
        dumpFile = fixture.dump().toString();
        dump = Files.readAllBytes(fixture.dump());
        db = RegistryDatabase.openForWriting(dir.resolve("bench.duckdb"));
        importer = new RegistryImporter(db);
        if (!(importer.importFile(dumpFile) instanceof ImportOutcome.Imported)) {
            throw new IllegalStateException("the fixture did not import");
        }
        registry = new Registry(db);
        largestExchange = registry.findExchanges("-IX").stream().max(Comparator.comparingInt(x -> {
            try {
                return registry.members(x.id()).size();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).orElseThrow().id();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Parse and check every object of the 14 MB dump (no database). */
    @Benchmark
    public ParsedFile readDump() throws Exception {
        return new RegistryFileReader("peeringdb_2_dump.json", Optional.empty()).read(new ByteArrayInputStream(dump));
    }

    /** The whole import of an unchanged dump: read, check, compare digests with the stored rows, log. */
    @Benchmark
    public ImportOutcome reimportUnchanged() throws IOException {
        return importer.importFile(dumpFile);
    }

    @Benchmark
    public NetworkDetail networkDetail() throws IOException {
        return registry.networkDetail(15169).orElseThrow();
    }

    @Benchmark
    public java.util.List<Membership> membersOfTheLargestExchange() throws IOException {
        return registry.members(largestExchange);
    }

    /** Everything a planner joins in memory: all ports and every network's facilities, two queries. */
    @Benchmark
    public int bulkMembershipsAndFacilities() throws IOException {
        return registry.allMemberships().size() + registry.facilitiesByNetwork().size();
    }

    @Benchmark
    public CommonPresence common() throws IOException {
        return registry.common(15169, 20676);
    }

    @Benchmark
    public RemotePeeringReport remotePeersOfTheLargestExchange() throws IOException {
        return registry.remotePeers(largestExchange, Optional.empty(), Registry.DEFAULT_RTT_SLACK_MS);
    }
}
