package org.peerage.flow.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.FlowSink;

/**
 * Writes flow records to a Parquet file through DuckDB: records are appended to an in-process table (which DuckDB
 * spills to its temporary directory when memory runs short) and copied to the file, zstd-compressed, on close.
 */
public final class ParquetFlowWriter implements FlowSink {
    private final Path file;
    private final DuckDBConnection db;
    private final DuckDBAppender appender;
    /** The appender is made on one thread and fed by the collector's: DuckDB wants its lock held meanwhile. */
    private final Lock lock;

    public ParquetFlowWriter(Path file) throws IOException {
        this.file = file;
        try {
            db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE flows (" + FlowColumns.DDL + ")");
            }
            appender = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "flows");
            lock = appender.unsafeBreakThreadConfinement();
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB for " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(FlowBatch b) throws IOException {
        lock.lock();
        try {
            for (int i = 0; i < b.size(); i++) {
                appender.beginRow()
                        .appendEpochMicros(b.startMillis(i) * 1000)
                        .appendEpochMicros(b.endMillis(i) * 1000)
                        .append(FlowText.src(b, i))
                        .append(FlowText.dst(b, i))
                        .append((byte) b.protocol(i))
                        .append((short) b.srcPort(i))
                        .append((short) b.dstPort(i))
                        .append((byte) b.tcpFlags(i))
                        .append(b.packets(i))
                        .append(b.bytes(i))
                        .append(b.samplingRate(i))
                        .append(b.inIf(i))
                        .append(b.outIf(i))
                        .append(b.srcAs(i))
                        .append(b.dstAs(i))
                        .append(FlowText.exporter(b, i))
                        .endRow();
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try (Connection c = db) {
            appender.close();
            try (Statement s = c.createStatement()) {
                s.execute("COPY flows TO '" + file.toString().replace("'", "''")
                        + "' (FORMAT PARQUET, COMPRESSION ZSTD)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
