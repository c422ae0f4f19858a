package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peerage.registry.ImportOutcome;
import org.peerage.registry.ImportReport;
import org.peerage.registry.RegistryImporter;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.store.Changes;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage registry import}: load PeeringDB and IX-F files, reporting what changed. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load PeeringDB API answers, PeeringDB full dumps and IX-F member exports; the shape of each "
                + "file is told from its content. Files may be plain, gzip, bzip2 or xz; '-' reads standard input.",
                "A full dump replaces PeeringDB's data, an API answer that object type's, an IX-F export what that "
                        + "IXP's export said before. Each file is stored whole in one transaction or, if anything "
                        + "in it is malformed, not at all; the error names the JSON path of the bad element. "
                        + "Exit status 1 when any file was rejected."})
final class RegistryImportCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import ('-' for standard input).")
    List<String> files;

    @Option(names = "--type", paramLabel = "TYPE", description = "Object type of a PeeringDB API answer whose content "
            + "and file name do not tell (org, net, ix, ixlan, ixpfx, netixlan, fac, netfac, ixfac, carrier, "
            + "carrierfac, campus, poc).")
    String type;

    @Option(names = "--json", description = "Print the reports as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("import", () -> {
            Optional<ObjectType> explicit = Optional.empty();
            if (type != null) {
                explicit = Optional.of(ObjectType.byApiName(type).orElseThrow(() -> new IllegalArgumentException(
                        "--type " + type + ": not a PeeringDB object type")));
            }
            PrintStream out = System.out;
            PrintStream err = System.err;
            boolean rejected = false;
            List<Object> reports = new ArrayList<>();
            try (RegistryDatabase database = RegistryDatabase.openForWriting(db.path())) {
                RegistryImporter importer = new RegistryImporter(database);
                for (String file : files) {
                    ImportOutcome outcome = importer.importFile(file, explicit);
                    switch (outcome) {
                        case ImportOutcome.Imported i -> {
                            reports.add(i.report());
                            if (!json) {
                                print(out, i.report());
                            }
                        }
                        case ImportOutcome.Rejected r -> {
                            rejected = true;
                            reports.add(r);
                            err.println("peerage registry import: " + r.message()
                                    + " (nothing imported from this file)");
                        }
                    }
                }
            }
            if (json) {
                RegistryJson.print(out, reports);
            }
            return rejected ? 1 : 0;
        });
    }

    private static void print(PrintStream out, ImportReport r) {
        out.println(r.file() + ": " + r.shape().label() + " (" + String.join(", ", r.sources()) + "): "
                + (r.modified() == 0 ? "no changes" : r.modified() + " rows changed"));
        TextTable t = new TextTable("type", "added>", "changed>", "removed>", "unchanged>");
        for (ObjectType type : ObjectType.values()) {
            Changes c = r.changes().get(type);
            if (c != null && (c.modified() > 0 || c.unchanged() > 0)) {
                t.add(type.apiName(), c.added(), c.changed(), c.removed(), c.unchanged());
            }
        }
        if (!t.isEmpty()) {
            t.print(out, "  ");
        }
        for (String w : r.warnings()) {
            out.println("  warning: " + w);
        }
    }
}
