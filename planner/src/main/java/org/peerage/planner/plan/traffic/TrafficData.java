package org.peerage.planner.plan.traffic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.peerage.planner.attribution.TrafficAggregate;
import org.peerage.planner.plan.Family;

/**
 * The attributed traffic as 5-minute series per address family, direction, next-hop AS and origin AS, read from
 * the {@code flows} file that {@code peerage traffic attribute} wrote (docs/traffic.md). Volumes are spread over
 * buckets exactly as the attribution does (a flow across buckets in proportion to its time in each, the last
 * bucket taking the remainder), so the totals equal its {@code series}; the family, which that file does not
 * keep, comes from the flow's addresses. Series are sparse: most networks send in few buckets.
 */
public final class TrafficData {
    public static final int IN = 0;
    public static final int OUT = 1;
    public static final long NONE = -1;
    public static final long BUCKET_MILLIS = TrafficAggregate.BUCKET_MILLIS;

    /** A series: IP version 4 or 6, direction IN or OUT, next-hop and origin AS (NONE for unrouted traffic). */
    public record Key(int ipVersion, int direction, long nextAs, long originAs) {
    }

    /** Non-zero samples of one series: sample index and Mbps, by index. */
    public record Sparse(int[] at, double[] mbps) {
        public void addTo(double[] into) {
            for (int i = 0; i < at.length; i++) into[at[i]] += mbps[i];
        }

        public double totalMbpsSamples() {
            double s = 0;
            for (double v : mbps) s += v;
            return s;
        }
    }

    private final long firstBucket;
    private final int samples;
    private final Map<Key, Sparse> series;
    private final Map<Long, List<Key>> byOrigin = new HashMap<>();
    private final Map<Long, List<Key>> byNext = new HashMap<>();
    private final long flows;

    public TrafficData(long firstBucket, int samples, Map<Key, Sparse> series, long flows) {
        this.firstBucket = firstBucket;
        this.samples = samples;
        this.series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        this.flows = flows;
        for (Key k : this.series.keySet()) {
            byOrigin.computeIfAbsent(k.originAs(), x -> new ArrayList<>()).add(k);
            byNext.computeIfAbsent(k.nextAs(), x -> new ArrayList<>()).add(k);
        }
    }

    public int samples() {
        return samples;
    }

    public long firstBucketMillis() {
        return firstBucket * BUCKET_MILLIS;
    }

    public long flows() {
        return flows;
    }

    public Map<Key, Sparse> series() {
        return series;
    }

    public List<Key> keysOfOrigin(long origin) {
        return byOrigin.getOrDefault(origin, List.of());
    }

    public List<Key> keysOfNext(long next) {
        return byNext.getOrDefault(next, List.of());
    }

    public java.util.Set<Long> origins() {
        return byOrigin.keySet();
    }

    /** The per-sample sum of the matching series. */
    public double[] sum(Predicate<Key> which) {
        double[] out = new double[samples];
        series.forEach((k, s) -> {
            if (which.test(k)) s.addTo(out);
        });
        return out;
    }

    /** The per-sample sum of the given series that match. */
    public double[] sum(Iterable<Key> keys, Predicate<Key> which) {
        double[] out = new double[samples];
        for (Key k : keys) {
            if (which.test(k)) series.get(k).addTo(out);
        }
        return out;
    }

    public static Predicate<Key> of(Family f, int direction) {
        return k -> k.direction() == direction && f.includes(k.ipVersion());
    }

    /** Mbps of a 5-minute byte count. */
    public static double mbps(long bytes) {
        return bytes * 8.0 / (BUCKET_MILLIS / 1000) / 1e6;
    }

    /** Reads DIR/flows.parquet (or DIR/flows.csv). */
    public static TrafficData load(Path dir) throws IOException {
        Path parquet = dir.resolve("flows.parquet");
        Path csv = dir.resolve("flows.csv");
        String source;
        if (Files.exists(parquet)) {
            source = "read_parquet(" + quote(parquet) + ")";
        } else if (Files.exists(csv)) {
            source = "read_csv(" + quote(csv) + ", header = true)";
        } else {
            throw new IOException(dir + ": no flows.parquet or flows.csv (the output of peerage traffic attribute)");
        }
        String rows = "SELECT direction, CASE WHEN contains(COALESCE(dst, ''), ':') THEN 6 ELSE 4 END AS fam, "
                + "COALESCE(next_as, -1) AS nxt, COALESCE(origin_as, -1) AS org, epoch_ms(\"start\") AS s, "
                + "greatest(epoch_ms(\"start\"), epoch_ms(\"end\")) AS e, scaled_bytes AS b FROM " + source;
        Map<Key, TreeMap<Long, Long>> sums = new HashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long flows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP VIEW f AS SELECT *, e // " + BUCKET_MILLIS + " AS last, CASE WHEN s >= (e // "
                    + BUCKET_MILLIS + ") * " + BUCKET_MILLIS + " THEN e // " + BUCKET_MILLIS + " ELSE s // "
                    + BUCKET_MILLIS + " END AS first FROM (" + rows + ")");
            try (ResultSet r = st.executeQuery("SELECT min(first), max(last), count(*) FROM f")) {
                r.next();
                if (r.getLong(3) == 0) {
                    return new TrafficData(0, 0, Map.of(), 0);
                }
                min = r.getLong(1);
                max = r.getLong(2);
                flows = r.getLong(3);
            }
            try (ResultSet r = st.executeQuery("SELECT direction, fam, nxt, org, first, sum(b)::BIGINT FROM f "
                    + "WHERE first = last GROUP BY ALL")) {
                while (r.next()) {
                    Key k = new Key(r.getInt(2), "in".equals(r.getString(1)) ? IN : OUT, r.getLong(3), r.getLong(4));
                    sums.computeIfAbsent(k, x -> new TreeMap<>()).merge(r.getLong(5), r.getLong(6), Long::sum);
                }
            }
            try (ResultSet r = st.executeQuery("SELECT direction, fam, nxt, org, s, e, first, last, b FROM f "
                    + "WHERE first <> last")) {
                while (r.next()) {
                    Key k = new Key(r.getInt(2), "in".equals(r.getString(1)) ? IN : OUT, r.getLong(3), r.getLong(4));
                    TreeMap<Long, Long> into = sums.computeIfAbsent(k, x -> new TreeMap<>());
                    TrafficAggregate.spread(r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9),
                            (bucket, bytes) -> into.merge(bucket, bytes, Long::sum));
                }
            }
        } catch (SQLException e) {
            throw new IOException(dir + ": cannot read the flows: " + e.getMessage(), e);
        }
        int n = (int) (max - min + 1);
        Map<Key, Sparse> series = new LinkedHashMap<>();
        for (var e : sums.entrySet()) {
            TreeMap<Long, Long> m = e.getValue();
            int[] at = new int[m.size()];
            double[] v = new double[m.size()];
            int i = 0;
            for (var p : m.entrySet()) {
                at[i] = (int) (p.getKey() - min);
                v[i++] = mbps(p.getValue());
            }
            series.put(e.getKey(), new Sparse(at, v));
        }
        return new TrafficData(min, n, series, flows);
    }

    private static String quote(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }
}
