package org.peerage.cli;

import java.nio.file.Path;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Option;

/** The --db option every registry command shares. */
final class RegistryDbOption {
    @Option(names = "--db", paramLabel = "PATH",
            description = "Registry database file (DuckDB). Default: ~/.peerage/registry.duckdb.")
    Path db;

    Path path() {
        return db != null ? db : RegistryDatabase.defaultPath();
    }
}
