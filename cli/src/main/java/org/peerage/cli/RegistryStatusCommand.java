package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peerage.registry.Registry;
import org.peerage.registry.model.ImportLogEntry;
import org.peerage.registry.model.IxfExportInfo;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peerage registry status}: what the database holds and what was imported last. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what the registry database holds: objects per type from PeeringDB and from IX-F "
                + "exports, the IX-F exports imported, and the latest imports.")
final class RegistryStatusCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    record Status(String database, Map<String, Map<String, Long>> objects, java.util.List<IxfExportInfo> ixfExports,
            java.util.List<ImportLogEntry> recentImports) {
    }

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("status", () -> {
            try (RegistryDatabase database = RegistryDatabase.openForReading(db.path())) {
                Registry registry = new Registry(database);
                Status s = new Status(db.path().toString(), registry.contents(), registry.ixfExports(),
                        registry.recentImports(10));
                if (json) {
                    RegistryJson.print(System.out, s);
                } else {
                    print(System.out, s);
                }
                return 0;
            }
        });
    }

    private static void print(PrintStream out, Status s) {
        out.println("Registry " + s.database() + " (schema " + RegistryDatabase.SCHEMA_VERSION + ")");
        TextTable t = new TextTable("type", "peeringdb>", "ixf>");
        for (Map.Entry<String, Map<String, Long>> e : new LinkedHashMap<>(s.objects()).entrySet()) {
            t.add(e.getKey(), e.getValue().getOrDefault("peeringdb", 0L), e.getValue().getOrDefault("ixf", 0L));
        }
        t.print(out, "  ");
        out.println();
        out.println("IX-F exports: " + s.ixfExports().size());
        if (!s.ixfExports().isEmpty()) {
            TextTable x = new TextTable("ix>", "source", "version", "timestamp", "file");
            for (IxfExportInfo e : s.ixfExports()) {
                x.add(e.exchangeId(), e.source(), e.version(), e.timestamp(), e.file());
            }
            x.print(out, "  ");
        }
        out.println();
        out.println("Latest imports:");
        TextTable l = new TextTable("imported at", "shape", "modified>", "file");
        for (ImportLogEntry e : s.recentImports()) {
            l.add(e.importedAt().toString(), e.shape(), e.modified(), e.file());
        }
        l.print(out, "  ");
    }
}
