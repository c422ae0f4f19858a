package org.peerage.registry.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.peerage.registry.load.ExchangeIds;
import org.peerage.registry.load.ImportUnit;
import org.peerage.registry.load.Json;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.load.RegistryRow;
import org.peerage.registry.model.IxfExportInfo;

/**
 * Writes the import units of one file in one transaction. Each row's digest is compared with the stored row of
 * the same source and id: only added, changed and removed rows are written, and the counts say what changed. Rows
 * go through per-connection temporary tables by DuckDB's appender (fast, and outside the transaction, which the
 * appender does not join), then into the tables by SQL inside the transaction, so a failure leaves nothing behind.
 */
public final class ImportWriter implements ExchangeIds {
    private final RegistryDatabase db;
    private final Connection c;
    /** IX-F exchange ids handed out during this import, persisted with its transaction. */
    private final Map<String, Long> newExchangeIds = new LinkedHashMap<>();

    public ImportWriter(RegistryDatabase db) {
        this.db = db;
        this.c = db.connection();
    }

    @Override
    public long idFor(String source, OptionalLong peeringdbId) {
        if (peeringdbId.isPresent()) {
            newExchangeIds.put(source, peeringdbId.getAsLong());
            return peeringdbId.getAsLong();
        }
        Long known = newExchangeIds.get(source);
        if (known != null) {
            return known;
        }
        try {
            try (PreparedStatement s = c.prepareStatement("SELECT ix_id FROM ixf_export WHERE source = ?")) {
                s.setString(1, source);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        newExchangeIds.put(source, r.getLong(1));
                        return r.getLong(1);
                    }
                }
            }
            long lowest = 0;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT coalesce(min(ix_id), 0) FROM ixf_export")) {
                r.next();
                lowest = Math.min(0, r.getLong(1));
            }
            for (long id : newExchangeIds.values()) {
                lowest = Math.min(lowest, id);
            }
            newExchangeIds.put(source, lowest - 1);
            return lowest - 1;
        } catch (SQLException e) {
            throw new IllegalStateException(db.path() + ": cannot read ixf_export: " + e.getMessage(), e);
        }
    }

    /**
     * Sources an earlier import of the same file stored under another name (the export has since gained a
     * peeringdb_id or ixf_id): the file replaces what it said before, so their rows are to go.
     */
    public List<String> formerSources(String file, Set<String> current) throws IOException {
        List<String> former = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT source FROM ixf_export WHERE file = ? ORDER BY source")) {
            s.setString(1, file);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!current.contains(r.getString(1))) {
                        former.add(r.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException(db.path() + ": cannot read ixf_export: " + e.getMessage(), e);
        }
        return former;
    }

    /** Compares, then writes, all units of one file; returns the changes per object type. */
    public Map<ObjectType, Changes> write(List<ImportUnit> units, String file, String shape,
            List<IxfExportInfo> exports) throws IOException {
        try {
            Map<ObjectType, Changes> changes = new EnumMap<>(ObjectType.class);
            Map<ObjectType, List<Sourced<RegistryRow>>> inserts = new EnumMap<>(ObjectType.class);
            Map<ObjectType, List<Sourced<Long>>> deletes = new EnumMap<>(ObjectType.class);
            for (ImportUnit unit : units) {
                Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
                types.addAll(unit.statedTypes());
                types.addAll(unit.rows().keySet());
                for (ObjectType type : types) {
                    Diff d = diff(type, unit, unit.statedTypes().contains(type));
                    changes.merge(type, d.changes, Changes::plus);
                    for (RegistryRow row : d.inserts) {
                        inserts.computeIfAbsent(type, t -> new ArrayList<>()).add(new Sourced<>(unit.source(), row));
                    }
                    for (long id : d.deletes) {
                        deletes.computeIfAbsent(type, t -> new ArrayList<>()).add(new Sourced<>(unit.source(), id));
                    }
                }
            }
            if (!inserts.isEmpty() || !deletes.isEmpty()) {
                stage(inserts, deletes);
            }
            c.setAutoCommit(false);
            try {
                apply(inserts.keySet(), deletes.keySet());
                log(file, shape, changes);
                exports(exports);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return changes;
        } catch (SQLException e) {
            throw new IOException(db.path() + ": cannot store " + file + ": " + e.getMessage(), e);
        }
    }

    private record Sourced<T>(String source, T value) {
    }

    private record Diff(Changes changes, List<RegistryRow> inserts, long[] deletes) {
    }

    private Diff diff(ObjectType type, ImportUnit unit, boolean stated) throws SQLException {
        LongList idList = new LongList();
        LongList digestList = new LongList();
        try (PreparedStatement s = c.prepareStatement("SELECT id, digest FROM " + type.table()
                + " WHERE source = ? ORDER BY id")) {
            s.setString(1, unit.source());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    idList.add(r.getLong(1));
                    digestList.add(r.getLong(2));
                }
            }
        }
        long[] ids = idList.toArray();
        long[] digests = digestList.toArray();
        boolean[] present = new boolean[ids.length];
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        List<RegistryRow> inserts = new ArrayList<>();
        LongList deletes = new LongList();
        for (RegistryRow row : unit.rows(type)) {
            int at = Arrays.binarySearch(ids, row.id());
            if (at < 0) {
                added++;
                inserts.add(row);
            } else {
                present[at] = true;
                if (digests[at] == row.digest()) {
                    unchanged++;
                } else {
                    changed++;
                    inserts.add(row);
                    deletes.add(row.id());
                }
            }
        }
        int removed = 0;
        if (stated) {
            for (int i = 0; i < ids.length; i++) {
                if (!present[i]) {
                    removed++;
                    deletes.add(ids[i]);
                }
            }
        }
        return new Diff(new Changes(added, changed, removed, unchanged), inserts, deletes.toArray());
    }

    private void stage(Map<ObjectType, List<Sourced<RegistryRow>>> inserts,
            Map<ObjectType, List<Sourced<Long>>> deletes) throws SQLException {
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE stage_delete (type VARCHAR, source VARCHAR, id BIGINT)");
            for (ObjectType type : inserts.keySet()) {
                s.execute("CREATE OR REPLACE TEMP TABLE stage_" + type.table() + " AS SELECT * FROM " + type.table()
                        + " LIMIT 0");
            }
        }
        try (DuckDBAppender a = duck.createAppender("temp", "main", "stage_delete")) {
            for (var e : deletes.entrySet()) {
                for (Sourced<Long> d : e.getValue()) {
                    a.beginRow();
                    a.append(e.getKey().table());
                    a.append(d.source());
                    a.append((long) d.value());
                    a.endRow();
                }
            }
        }
        for (var e : inserts.entrySet()) {
            try (DuckDBAppender a = duck.createAppender("temp", "main", "stage_" + e.getKey().table())) {
                for (Sourced<RegistryRow> row : e.getValue()) {
                    append(a, row.source(), row.value());
                }
            }
        }
    }

    /** Columns in table order, which {@link RegistryDatabase} checks on opening: source, id, digest, raw, typed. */
    private static void append(DuckDBAppender a, String source, RegistryRow row) throws SQLException {
        a.beginRow();
        a.append(source);
        a.append(row.id());
        a.append(row.digest());
        a.append(row.raw());
        for (Object v : row.values()) {
            switch (v) {
                case null -> a.appendNull();
                case Long l -> a.append((long) l);
                case String s -> a.append(s);
                case Boolean b -> a.append((boolean) b);
                case Double d -> a.append((double) d);
                default -> throw new IllegalStateException("unexpected column value " + v.getClass());
            }
        }
        a.endRow();
    }

    private void apply(Set<ObjectType> insertTypes, Set<ObjectType> deleteTypes) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (ObjectType type : deleteTypes) {
                s.execute("DELETE FROM " + type.table() + " t USING stage_delete d WHERE d.type = '" + type.table()
                        + "' AND t.source = d.source AND t.id = d.id");
            }
            for (ObjectType type : insertTypes) {
                s.execute("INSERT INTO " + type.table() + " SELECT * FROM stage_" + type.table());
            }
        }
    }

    private void log(String file, String shape, Map<ObjectType, Changes> changes) throws SQLException {
        String json = Json.compact(Json.MAPPER.valueToTree(changes.entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().apiName(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO import_log VALUES (?, ?, ?, ?)")) {
            s.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
            s.setString(2, file);
            s.setString(3, shape);
            s.setString(4, json);
            s.execute();
        }
    }

    private void exports(List<IxfExportInfo> exports) throws SQLException {
        for (IxfExportInfo e : exports) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM ixf_export WHERE source = ? OR file = ?")) {
                d.setString(1, e.source());
                d.setString(2, e.file());
                d.execute();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ixf_export VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, e.source());
                s.setLong(2, e.exchangeId());
                s.setString(3, e.file());
                s.setString(4, e.version());
                s.setString(5, e.timestamp());
                s.setObject(6, LocalDateTime.now(ZoneOffset.UTC));
                s.execute();
            }
        }
    }
}
