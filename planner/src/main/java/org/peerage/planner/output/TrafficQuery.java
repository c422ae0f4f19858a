package org.peerage.planner.output;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs DuckDB SQL over a directory written by {@link TrafficWriter}: its files are the views {@code flows},
 * {@code series} and {@code p95} (Parquet preferred where both forms exist), and the result is printed as an
 * aligned table or as CSV.
 */
public final class TrafficQuery {
    private static final String[] VIEWS = {"flows", "series", "p95"};

    private TrafficQuery() {
    }

    /** Returns the number of result rows. */
    public static long run(Path dir, String sql, PrintStream out, boolean csv) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such directory");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            int views = 0;
            for (String view : VIEWS) {
                Path parquet = dir.resolve(view + ".parquet");
                Path csvFile = dir.resolve(view + ".csv");
                String source = Files.exists(parquet) ? "read_parquet(" + quote(parquet) + ")"
                        : Files.exists(csvFile) ? "read_csv(" + quote(csvFile) + ", header = true)" : null;
                if (source != null) {
                    s.execute("CREATE VIEW " + view + " AS SELECT * FROM " + source);
                    views++;
                }
            }
            if (views == 0) {
                throw new NoSuchFileException(dir.toString(), null, "no traffic data here (flows, series, p95 as "
                        + ".parquet or .csv, written by 'peerage traffic attribute --out " + dir + "')");
            }
            try (ResultSet r = s.executeQuery(sql)) {
                return print(r, out, csv);
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("query failed: " + e.getMessage());
        }
    }

    private static String quote(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    private static long print(ResultSet r, PrintStream out, boolean csv) throws SQLException {
        ResultSetMetaData m = r.getMetaData();
        int n = m.getColumnCount();
        String[] header = new String[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            header[c] = m.getColumnLabel(c + 1);
            int t = m.getColumnType(c + 1);
            numeric[c] = t == Types.BIGINT || t == Types.INTEGER || t == Types.SMALLINT || t == Types.TINYINT
                    || t == Types.DOUBLE || t == Types.FLOAT || t == Types.DECIMAL || t == Types.NUMERIC
                    || t == Types.REAL;
        }
        List<String[]> rows = new ArrayList<>();
        while (r.next()) {
            String[] row = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = r.getObject(c + 1);
                row[c] = v == null ? (csv ? "" : "NULL") : v instanceof Double d ? format(d) : v.toString();
            }
            rows.add(row);
        }
        if (csv) {
            out.println(csvLine(header));
            for (String[] row : rows) {
                out.println(csvLine(row));
            }
            return rows.size();
        }
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        out.println(line(header, width, new boolean[n]));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, width, numeric));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        return rows.size();
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format("%.3f", d);
    }

    private static String line(String[] cells, int[] width, boolean[] right) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                b.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            b.append(right[c] ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
        }
        return b.toString();
    }

    private static String csvLine(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                b.append(',');
            }
            String v = cells[c];
            b.append(v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\""
                    : v);
        }
        return b.toString();
    }
}
