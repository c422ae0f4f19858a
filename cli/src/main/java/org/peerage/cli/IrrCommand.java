package org.peerage.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.irr.AsSetExpansion;
import org.peerage.policy.irr.Bgpq4Format;
import org.peerage.policy.irr.Bgpq4Tree;
import org.peerage.policy.irr.IrrDatabase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** IRR data from dump files: {@code peerage irr expand}, bgpq4's job done offline. */
@Command(name = "irr", mixinStandardHelpOptions = true, description = "Use IRR (RPSL) data from dump files.",
        subcommands = {IrrCommand.Expand.class})
final class IrrCommand {
    private static final int EXIT_BAD_INPUT = 2;
    private static final int PROBLEMS_SHOWN = 5;

    @Command(name = "expand", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Expand AS-SETs (or single ASes) from RPSL dumps and print the prefixes registered for them, "
                    + "in bgpq4's formats: Cisco prefix-list by default, -j JSON, -b BIRD.",
                    "Dumps may be plain, gzip, bzip2 or xz RPSL, or ARIN's origin AS JSON; the first dump given wins "
                            + "when several define the same set. SOURCE::AS-SET keeps to that source. Unresolved "
                            + "members, loops and malformed objects are warned about on standard error. A missing file "
                            + "or an unknown set exits with status 2 (an unknown set still prints bgpq4's empty list)."})
    static final class Expand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "AS-SET", description = "AS-SET, SOURCE::AS-SET or ASn; several are "
                + "joined.")
        List<String> objects;

        @Option(names = "--dump", arity = "1..*", required = true, paramLabel = "FILE",
                description = "RPSL dump files (or ARIN origin AS JSON), in order of preference.")
        List<Path> dumps;

        static final class Family {
            @Option(names = "-4", description = "IPv4 prefixes (the default).")
            boolean ipv4;

            @Option(names = "-6", description = "IPv6 prefixes.")
            boolean ipv6;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Family family = new Family();

        static final class Style {
            @Option(names = "-j", description = "JSON, as bgpq4 -j.")
            boolean json;

            @Option(names = "-b", description = "BIRD, as bgpq4 -b.")
            boolean bird;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Style style = new Style();

        @Option(names = "-l", paramLabel = "NAME", defaultValue = "NN", description = "Name of the generated list "
                + "(default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "-A", description = "Aggregate prefixes into ranges, as bgpq4 -A.")
        boolean aggregate;

        @Option(names = "--asns", description = "Print the AS numbers instead of prefixes (one per line; with -j or -b "
                + "as bgpq4 -t).")
        boolean asns;

        @Option(names = "-L", paramLabel = "DEPTH", defaultValue = "" + IrrDatabase.DEFAULT_MAX_DEPTH,
                description = "Limit as-set recursion depth (default: ${DEFAULT-VALUE}; 1 = the set's own members).")
        int depth;

        @Override
        public Integer call() {
            PrintStream err = System.err;
            if (depth < 1) {
                err.println("peerage irr expand: -L must be at least 1");
                return EXIT_BAD_INPUT;
            }
            IrrDatabase db;
            try {
                db = IrrDatabase.load(dumps);
            } catch (PolicyDataException e) {
                err.println("peerage irr: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            reportProblems(db, err);
            boolean unknown = false;
            TreeSet<Long> asnUnion = new TreeSet<>();
            List<Prefix> prefixes = new ArrayList<>();
            boolean ipv6 = family.ipv6;
            for (String object : objects) {
                AsSetExpansion e = db.expand(object, depth);
                if (e.asns().length == 0 && e.unresolved().contains(e.root())) {
                    err.println("peerage irr: warning: " + object + ": no such as-set in the dumps");
                    unknown = true;
                    continue;
                }
                for (String u : e.unresolved()) {
                    err.println("peerage irr: warning: " + object + ": member " + u + " is defined in none of the "
                            + "dumps (skipped)");
                }
                for (String loop : e.loops()) {
                    err.println("peerage irr: warning: " + object + ": loop " + loop + " (cut there)");
                }
                if (e.depthLimitHit()) {
                    err.println("peerage irr: warning: " + object + ": sets nested deeper than " + depth
                            + " levels left out");
                }
                for (long asn : e.asns()) {
                    asnUnion.add(asn);
                }
                if (!asns) {
                    prefixes.addAll(db.routes(e).prefixes(ipv6));
                }
            }
            Bgpq4Format format = style.json ? Bgpq4Format.JSON : style.bird ? Bgpq4Format.BIRD : Bgpq4Format.CISCO;
            String text = asns
                    ? format.asList(name, asnUnion.stream().mapToLong(Long::longValue).toArray())
                    : format.prefixList(name, ipv6, Bgpq4Tree.entries(prefixes, ipv6, aggregate));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            return unknown ? EXIT_BAD_INPUT : 0;
        }

        private static void reportProblems(IrrDatabase db, PrintStream err) {
            List<String> problems = db.problems();
            for (int i = 0; i < Math.min(PROBLEMS_SHOWN, problems.size()); i++) {
                err.println("peerage irr: warning: " + problems.get(i));
            }
            if (db.problemCount() > PROBLEMS_SHOWN) {
                err.println("peerage irr: warning: " + (db.problemCount() - PROBLEMS_SHOWN) + " more problems in the "
                        + "dumps (" + db.stats().malformed() + " objects skipped in all)");
            }
        }
    }
}
