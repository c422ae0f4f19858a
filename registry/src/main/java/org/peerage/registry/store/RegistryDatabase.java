package org.peerage.registry.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.peerage.registry.load.ObjectType;

/**
 * The registry's embedded DuckDB file. A new file gets the schema of schema.sql; an existing one must carry the
 * same schema version. Writers open it read-write (DuckDB lets one process do so at a time), queries read-only.
 */
public final class RegistryDatabase implements AutoCloseable {
    public static final int SCHEMA_VERSION = 1;

    private final Path path;
    private final Connection connection;

    private RegistryDatabase(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** ~/.peerage/registry.duckdb: where registry commands look when no --db is given. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".peerage", "registry.duckdb");
    }

    /** Opens the database for writing, creating it (and its directory) with the current schema if absent. */
    public static RegistryDatabase openForWriting(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean fresh = !Files.exists(path);
        RegistryDatabase db = new RegistryDatabase(path, connect(path, false));
        try {
            if (fresh) {
                db.createSchema();
            }
            db.checkSchema();
            return db;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens an existing database for queries. */
    public static RegistryDatabase openForReading(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no registry database at " + path + " (load one with: peerage registry import "
                    + "FILE... --db " + path + ")");
        }
        RegistryDatabase db = new RegistryDatabase(path, connect(path, true));
        try {
            db.checkSchema();
            return db;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Connection connect(Path path, boolean readOnly) throws IOException {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), p);
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("lock")) {
                throw new IOException("registry database " + path + " is in use by another process: " + m, e);
            }
            throw new IOException("cannot open registry database " + path + ": " + m, e);
        }
    }

    private void createSchema() throws IOException {
        String sql;
        try (InputStream in = RegistryDatabase.class.getResourceAsStream("/org/peerage/registry/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("schema.sql is missing from the registry jar");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = connection.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IOException(path + ": cannot create the registry schema: " + e.getMessage(), e);
        }
    }

    private void checkSchema() throws IOException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT value FROM registry_meta WHERE key = 'schema_version'")) {
            if (!r.next()) {
                throw new IOException(path + ": not a peerage registry database (no schema version)");
            }
            int version = Integer.parseInt(r.getString(1));
            if (version != SCHEMA_VERSION) {
                throw new IOException(path + ": registry schema version " + version + ", this peerage reads version "
                        + SCHEMA_VERSION + "; import the files again into a new database");
            }
            checkColumns();
        } catch (SQLException e) {
            throw new IOException(path + ": not a peerage registry database (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The writer appends columns by position: each table must have exactly the columns its type declares, of the
     * declared SQL types, in order (schema.sql and ObjectType are kept in step by this check).
     */
    private void checkColumns() throws SQLException, IOException {
        for (ObjectType type : ObjectType.values()) {
            List<String> expected = new ArrayList<>(List.of("source VARCHAR", "id BIGINT", "digest BIGINT",
                    "raw JSON"));
            type.columns().forEach(col -> expected.add(col.name() + " " + col.kind().sqlType()));
            List<String> actual = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT column_name, data_type"
                    + " FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'"
                    + " AND table_catalog = current_database() ORDER BY ordinal_position")) {
                s.setString(1, type.table());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        actual.add(r.getString(1) + " " + r.getString(2));
                    }
                }
            }
            if (!actual.equals(expected)) {
                throw new IOException(path + ": table " + type.table() + " has columns " + actual + ", expected "
                        + expected);
            }
        }
    }

    public Path path() {
        return path;
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was pending: every write commits or rolls back before this.
        }
    }
}
