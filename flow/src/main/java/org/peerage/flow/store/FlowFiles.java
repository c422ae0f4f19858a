package org.peerage.flow.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.peerage.bgp.wire.InetText;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.flow.collect.FlowSink;

/** Flow files by name: {@code .parquet} is Parquet, anything else is read as CSV (gzip too: DuckDB reads it). */
public final class FlowFiles {
    private FlowFiles() {
    }

    public static boolean isParquet(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Refuses a name that is neither FILE.csv nor FILE.parquet. */
    public static void checkWritable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            throw new IllegalArgumentException(file + ": flow files are FILE.csv or FILE.parquet");
        }
    }

    /** A writer chosen by the file's extension: .parquet or .csv. */
    public static FlowSink writer(Path file) throws IOException {
        checkWritable(file);
        return isParquet(file) ? new ParquetFlowWriter(file) : new CsvFlowWriter(file);
    }

    /** The DuckDB table function that reads a flow file. */
    public static String source(Path file) {
        String quoted = "'" + file.toString().replace("'", "''") + "'";
        return isParquet(file) ? "read_parquet(" + quoted + ")" : "read_csv(" + quoted + ", header = true)";
    }

    /**
     * Reads a flow file written by {@link #writer} into {@code out}. A row whose address does not parse is an error
     * naming the file and row.
     */
    public static void read(Path file, FlowBatch out) throws IOException {
        read(file, out, Integer.MAX_VALUE, batch -> { });
    }

    /**
     * Streams a flow file through {@code sink} in batches of {@code batchSize} records (the batch is cleared after
     * each), so that files larger than memory can be processed.
     */
    public static void stream(Path file, FlowBatch batch, int batchSize, FlowSink sink) throws IOException {
        read(file, batch, batchSize, sink);
        if (batch.size() > 0) {
            sink.accept(batch);
            batch.clear();
        }
    }

    private static void read(Path file, FlowBatch out, int batchSize, FlowSink sink) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String sql = "SELECT epoch_ms(\"start\"), epoch_ms(\"end\"), src, dst, proto, src_port, dst_port, tcp_flags,"
                + " packets, bytes, sampling_rate, in_if, out_if, src_as, dst_as, exporter FROM " + source(file);
        FlowFields f = new FlowFields();
        long row = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            String lastExporter = null;
            int exporter = 0;
            while (r.next()) {
                row++;
                f.clear();
                f.startMillis = r.getLong(1);
                f.endMillis = r.getLong(2);
                address(f, r.getString(3), true, file, row);
                address(f, r.getString(4), false, file, row);
                f.protocol = r.getInt(5);
                f.srcPort = r.getInt(6);
                f.dstPort = r.getInt(7);
                f.tcpFlags = r.getInt(8);
                f.packets = r.getLong(9);
                f.bytes = r.getLong(10);
                f.samplingRate = (int) r.getLong(11);
                f.inIf = (int) r.getLong(12);
                f.outIf = (int) r.getLong(13);
                f.srcAs = (int) r.getLong(14);
                f.dstAs = (int) r.getLong(15);
                String e = r.getString(16);
                if (!e.equals(lastExporter)) {
                    exporter = out.exporters().intern(parse(e, "exporter", file, row));
                    lastExporter = e;
                }
                f.exporter = exporter;
                out.append(f);
                if (out.size() >= batchSize) {
                    sink.accept(out);
                    out.clear();
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + (row > 0 ? " row " + (row + 1) : "") + ": " + e.getMessage(), e);
        }
    }

    private static byte[] parse(String text, String column, Path file, long row) {
        try {
            return InetText.parseAddress(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " row " + row + " column " + column + ": " + e.getMessage());
        }
    }

    private static void address(FlowFields f, String text, boolean source, Path file, long row) {
        if (text == null || text.equals("-")) {
            return;
        }
        byte[] a = parse(text, source ? "src" : "dst", file, row);
        if (a.length == 4) {
            int v = ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
            if (source) {
                f.srcIpv4(v);
            } else {
                f.dstIpv4(v);
            }
        } else {
            long hi = 0;
            long lo = 0;
            for (int k = 0; k < 8; k++) {
                hi = (hi << 8) | (a[k] & 0xFF);
                lo = (lo << 8) | (a[8 + k] & 0xFF);
            }
            if (source) {
                f.srcIpv6(hi, lo);
            } else {
                f.dstIpv6(hi, lo);
            }
        }
    }
}
