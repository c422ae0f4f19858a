package org.peerage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peerage.planner.asrel.AsRelFiles;
import org.peerage.planner.asrel.AsRelInference;
import org.peerage.planner.asrel.AsRelationships;
import org.peerage.planner.asrel.CustomerCones;
import org.peerage.planner.asrel.MrtAsPaths;
import org.peerage.planner.asrel.PathSanitizer;
import org.peerage.planner.asrel.PathSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** AS relationships and customer cones inferred from BGP AS paths (CAIDA's method and file formats). */
@Command(name = "asrel", description = "Infer AS relationships and customer cones from the AS paths of MRT dumps.",
        mixinStandardHelpOptions = true, subcommands = {AsrelCommand.Infer.class})
final class AsrelCommand {

    /** {@code peerage asrel infer}: MRT files in, serial-1/2 and ppdc-ases files out, a summary printed. */
    @Command(name = "infer", mixinStandardHelpOptions = true,
            description = {"Infer p2c and p2p relationships from every AS path in the MRT files (RIB dumps: every "
                    + "peer's path; BGP4MP: every announcement) after Luckie et al., IMC 2013: sanitise paths, infer "
                    + "the clique, assign providers top-down, then stub and provider-less heuristics, the rest "
                    + "peering. See docs/asrel.md.",
                    "A damaged file (e.g. truncated) keeps the paths before the damage, with a warning."})
    static final class Infer implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "MRT", description = "MRT files (plain, gzip, bzip2 or xz).")
        List<String> files;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Write the relationships here, in CAIDA serial-1 or serial-2 format ('-': standard "
                        + "output, the summary then goes to standard error).")
        String out;

        @Option(names = "--serial", paramLabel = "1|2", defaultValue = "1",
                description = "Output format: 1 (a|b|rel) or 2 (a|b|rel|source). Default: ${DEFAULT-VALUE}.")
        int serial;

        @Option(names = "--cones", paramLabel = "FILE",
                description = "Write customer cones here (ppdc-ases format: cone AS, then its customers).")
        Path cones;

        @Option(names = "--cone-method", paramLabel = "observed|recursive", defaultValue = "observed",
                description = "observed: CAIDA's provider/peer observed cones (ppdc); recursive: the closure of "
                        + "the p2c links. Default: ${DEFAULT-VALUE}.")
        String coneMethod;

        @Option(names = "--clique", paramLabel = "ASN", split = ",",
                description = "Use this clique instead of inferring one (comma-separated).")
        List<Long> clique;

        @Option(names = "--ixp-asns", paramLabel = "ASN", split = ",",
                description = "IXP route-server ASes to remove from paths (comma-separated).")
        List<Long> ixpAsns = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            if (serial != 1 && serial != 2) {
                throw new IllegalArgumentException("--serial is 1 or 2, not " + serial);
            }
            if (!coneMethod.equals("observed") && !coneMethod.equals("recursive")) {
                throw new IllegalArgumentException("--cone-method is observed or recursive, not " + coneMethod);
            }
            boolean toStdout = "-".equals(out);
            PrintStream summary = toStdout ? System.err : System.out;
            PrintStream err = System.err;
            long t0 = System.nanoTime();
            PathSet paths = new PathSet();
            PathSanitizer sanitizer = new PathSanitizer(new HashSet<>(ixpAsns));
            MrtAsPaths reader = new MrtAsPaths(paths, sanitizer, null);
            long routes = 0;
            long unusable = 0;
            for (String f : files) {
                MrtAsPaths.FileStats s;
                try {
                    s = reader.read(f);
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException(f + ": no such file");
                }
                routes += s.routes();
                unusable += s.unusable();
                if (s.damage() != null) {
                    err.println("peerage asrel infer: " + f + ": " + s.damage() + " (paths before it kept)");
                }
            }
            long t1 = System.nanoTime();
            if (paths.size() == 0) {
                throw new IllegalArgumentException("no usable AS path in the input");
            }
            AsRelInference.Options options = AsRelInference.Options.DEFAULTS;
            if (clique != null) {
                options = options.withClique(clique.stream().mapToLong(Long::longValue).toArray());
            }
            AsRelInference.Result result = AsRelInference.infer(paths, options);
            AsRelationships rels = result.relationships();
            long t2 = System.nanoTime();
            List<String> header = new ArrayList<>();
            header.add("source: peerage asrel infer (Luckie et al., IMC 2013) from " + String.join(" ", fileNames()));
            header.add(String.format(Locale.ROOT, "%d ASes, %d links: %d p2c, %d p2p; %d distinct paths",
                    result.ases(), rels.size(), rels.p2cCount(), rels.p2pCount(), paths.size()));
            if (out != null) {
                try (Writer w = writer(out)) {
                    AsRelFiles.write(rels, w, serial == 2, header);
                }
            }
            long t3 = System.nanoTime();
            CustomerCones c = null;
            if (cones != null) {
                c = coneMethod.equals("recursive") ? CustomerCones.recursive(rels)
                        : CustomerCones.providerPeerObserved(paths, rels);
                List<String> h = new ArrayList<>(header);
                h.add(coneMethod.equals("recursive") ? "recursive customer cones: <cone-as> <customer-as> ..."
                        : "provider/peer observed customer cones (ppdc): <cone-as> <customer-as> ...");
                try (Writer w = writer(cones.toString())) {
                    AsRelFiles.writeCones(c, w, h);
                }
            }
            long t4 = System.nanoTime();

            summary.printf(Locale.ROOT, "%d routes read from %d file%s; %d distinct AS paths kept%n", routes,
                    files.size(), files.size() == 1 ? "" : "s", paths.size());
            summary.printf(Locale.ROOT, "discarded: %d with a loop, %d with a reserved/private AS, %d with an AS_SET, "
                            + "%d too short, %d unusable attributes; %d prepends removed; %d poisoned paths%n",
                    sanitizer.count(PathSanitizer.Verdict.LOOP), sanitizer.count(PathSanitizer.Verdict.BOGON),
                    sanitizer.count(PathSanitizer.Verdict.AS_SET), sanitizer.count(PathSanitizer.Verdict.TOO_SHORT),
                    unusable, sanitizer.prependsRemoved(), result.poisonedPaths());
            summary.printf(Locale.ROOT, "ASes %d, links %d: p2c %d, p2p %d%n", result.ases(), rels.size(),
                    rels.p2cCount(), rels.p2pCount());
            StringBuilder cl = new StringBuilder();
            for (long a : rels.clique()) cl.append(' ').append(a);
            summary.printf(Locale.ROOT, "clique (%d):%s%n", rels.clique().length, cl);
            for (var e : result.linksPerStep().entrySet()) {
                summary.printf(Locale.ROOT, "  step %d, %s: %d links%n", e.getKey().number, e.getKey().description,
                        e.getValue());
            }
            if (c != null) {
                long[] top = largestCones(c, 5);
                StringBuilder sb = new StringBuilder();
                for (long a : top) sb.append(String.format(Locale.ROOT, " AS%d (%d)", a, c.size(a)));
                summary.printf(Locale.ROOT, "largest customer cones (%s):%s%n", coneMethod, sb);
            }
            summary.printf(Locale.ROOT, "time: read %.2f s, infer %.2f s, write %.2f s, cones %.2f s, total %.2f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9);
            return 0;
        }

        private List<String> fileNames() {
            return files.stream().map(f -> Path.of(f).getFileName().toString()).toList();
        }

        private static Writer writer(String file) throws IOException {
            if ("-".equals(file)) {
                return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
            }
            return Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8);
        }

        private static long[] largestCones(CustomerCones c, int k) {
            List<long[]> all = new ArrayList<>();
            for (int i = 0; i < c.count(); i++) all.add(new long[] {c.coneAs(i), c.size(c.coneAs(i))});
            all.sort((x, y) -> y[1] != x[1] ? Long.compare(y[1], x[1]) : Long.compare(x[0], y[0]));
            return all.stream().limit(k).mapToLong(x -> x[0]).toArray();
        }
    }
}
