package org.peerage.planner.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.store.FlowText;
import org.peerage.planner.attribution.Attributor;
import org.peerage.planner.attribution.TrafficSeries;
import org.peerage.planner.routing.AsPaths;
import org.peerage.planner.routing.RoutingTable;

/**
 * Writes attribution results to a directory as three tables, Parquet or CSV: {@code flows} (every flow with its
 * direction, remote route, next-hop and origin AS, AS path and sampled-up volume), {@code series} (5-minute samples)
 * and {@code p95}. Rows go through DuckDB, which writes the files when {@link #finish} is called.
 */
public final class TrafficWriter implements AutoCloseable {
    public enum Format {
        PARQUET, CSV;

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String FLOWS = "\"start\" TIMESTAMP, \"end\" TIMESTAMP, src VARCHAR, dst VARCHAR, proto UTINYINT, "
            + "src_port USMALLINT, dst_port USMALLINT, packets UBIGINT, bytes UBIGINT, sampling_rate UINTEGER, "
            + "exporter VARCHAR, direction VARCHAR, prefix VARCHAR, next_as UINTEGER, origin_as UINTEGER, "
            + "as_path VARCHAR, scaled_packets UBIGINT, scaled_bytes UBIGINT";
    static final String SERIES = "direction VARCHAR, kind VARCHAR, next_as UINTEGER, origin_as UINTEGER, "
            + "asn UINTEGER, bucket TIMESTAMP, bytes UBIGINT, bps DOUBLE";
    static final String P95 = "direction VARCHAR, kind VARCHAR, next_as UINTEGER, origin_as UINTEGER, asn UINTEGER, "
            + "period_start TIMESTAMP, samples INTEGER, p95_bps DOUBLE, max_bps DOUBLE, mean_bps DOUBLE, "
            + "bytes UBIGINT";

    private final Path dir;
    private final Format format;
    private final DuckDBConnection db;
    private final DuckDBAppender flows;
    private final Attributor attributor;
    private final int defaultRate;
    private final String[] prefixText;

    public TrafficWriter(Path dir, Format format, Attributor attributor, int defaultRate) throws IOException {
        this.dir = dir;
        this.format = format;
        this.attributor = attributor;
        this.defaultRate = Math.max(1, defaultRate);
        this.prefixText = new String[attributor.table().size()];
        Files.createDirectories(dir);
        try {
            db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE flows (" + FLOWS + ")");
                s.execute("CREATE TABLE series (" + SERIES + ")");
                s.execute("CREATE TABLE p95 (" + P95 + ")");
            }
            flows = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "flows");
        } catch (SQLException e) {
            throw new IOException("cannot start DuckDB: " + e.getMessage(), e);
        }
    }

    private String prefix(int route) {
        String p = prefixText[route];
        if (p == null) {
            p = attributor.table().prefix(route).toString();
            prefixText[route] = p;
        }
        return p;
    }

    /** Appends records {@code [from, to)} with their attribution. */
    public void flows(FlowBatch b, int from, int to, int[] remote, byte[] direction) throws IOException {
        RoutingTable table = attributor.table();
        AsPaths paths = table.asPaths();
        try {
            for (int i = from; i < to; i++) {
                long rate = b.samplingRate(i) == 0 ? defaultRate : Integer.toUnsignedLong(b.samplingRate(i));
                flows.beginRow()
                        .appendEpochMicros(b.startMillis(i) * 1000)
                        .appendEpochMicros(b.endMillis(i) * 1000)
                        .append(FlowText.src(b, i))
                        .append(FlowText.dst(b, i))
                        .append((byte) b.protocol(i))
                        .append((short) b.srcPort(i))
                        .append((short) b.dstPort(i))
                        .append(b.packets(i))
                        .append(b.bytes(i))
                        .append(b.samplingRate(i))
                        .append(FlowText.exporter(b, i))
                        .append(direction[i] == Attributor.IN ? "in" : "out");
                int route = remote[i];
                if (route < 0) {
                    flows.appendNull().appendNull().appendNull().appendNull();
                } else {
                    int path = table.path(route);
                    flows.append(prefix(route)).append(paths.nextAs(path)).append(paths.originAs(path))
                            .append(paths.text(path));
                }
                flows.append(b.packets(i) * rate).append(b.bytes(i) * rate).endRow();
            }
        } catch (SQLException e) {
            throw new IOException("cannot append flows: " + e.getMessage(), e);
        }
    }

    private static void key(DuckDBAppender a, TrafficSeries.Key k) throws SQLException {
        a.append(k.direction() == Attributor.IN ? "in" : "out").append(k.kind().label());
        for (long v : new long[] {k.nextAs(), k.originAs(), k.asn()}) {
            if (v == TrafficSeries.Key.NONE) {
                a.appendNull();
            } else {
                a.append((int) v);
            }
        }
    }

    /** Writes the series and percentiles, then the three files (flows, series, p95) into the directory. */
    public void finish(TrafficSeries series) throws IOException {
        try {
            flows.close();
            try (DuckDBAppender a = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "series")) {
                SQLException[] failure = {null};
                series.forEachPoint((k, bucket, bytes) -> {
                    if (failure[0] != null) {
                        return;
                    }
                    try {
                        a.beginRow();
                        key(a, k);
                        a.appendEpochMicros(bucket * 1000).append(bytes).append(bytes * 8.0 / 300).endRow();
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            try (DuckDBAppender a = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "p95")) {
                for (TrafficSeries.Percentile p : series.percentiles()) {
                    a.beginRow();
                    key(a, p.key());
                    a.appendEpochMicros(series.firstBucketMillis() * 1000).append(p.samples()).append(p.p95Bps())
                            .append(p.maxBps()).append(p.meanBps()).append(p.bytes()).endRow();
                }
            }
            try (Statement s = db.createStatement()) {
                for (String table : new String[] {"flows", "series", "p95"}) {
                    Path file = dir.resolve(table + "." + format.extension());
                    String options = format == Format.PARQUET ? "FORMAT PARQUET, COMPRESSION ZSTD"
                            : "FORMAT CSV, HEADER";
                    s.execute("COPY (SELECT * FROM " + table + " ORDER BY ALL) TO '"
                            + file.toString().replace("'", "''") + "' (" + options + ")");
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
