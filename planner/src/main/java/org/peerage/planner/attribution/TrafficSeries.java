package org.peerage.planner.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.planner.routing.AsPaths;

/**
 * The 5-minute series derived from a {@link TrafficAggregate}: per direction and (next-hop AS, origin AS), per
 * direction and candidate network (every AS on the remote route's path but our own: each could be peered with to
 * carry that traffic), and per direction in total; and the 95th percentile of each over the observed period.
 */
public final class TrafficSeries {
    public enum Kind {
        NEXT_ORIGIN("next-origin"),
        CANDIDATE("candidate"),
        TOTAL("total");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One series. AS numbers are unsigned; {@link #NONE} where the kind has none or the traffic had no route.
     * The empty path (a route originated by the table's own router) has next and origin AS 0.
     */
    public record Key(int direction, Kind kind, long nextAs, long originAs, long asn) {
        public static final long NONE = -1;
    }

    /** The 95th percentile of one series and its context. */
    public record Percentile(Key key, int samples, double p95Bps, double maxBps, double meanBps, long bytes) {
    }

    /** One 5-minute sample of a series. */
    public interface PointVisitor {
        void point(Key key, long bucketStartMillis, long bytes);
    }

    private final List<Key> keys = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();
    private final LongLongMap points = new LongLongMap(1 << 16);
    private final long firstBucket;
    private final int buckets;

    private TrafficSeries(long firstBucket, int buckets) {
        this.firstBucket = firstBucket;
        this.buckets = buckets;
    }

    private int id(Key k) {
        Integer id = ids.get(k);
        if (id == null) {
            id = keys.size();
            keys.add(k);
            ids.put(k, id);
        }
        return id;
    }

    public static TrafficSeries of(TrafficAggregate a, LocalNetwork mine) {
        if (a.records() == 0 || a.minBucket() > a.maxBucket()) {
            return new TrafficSeries(0, 0);
        }
        TrafficSeries s = new TrafficSeries(a.minBucket(), (int) (a.maxBucket() - a.minBucket() + 1));
        AsPaths paths = a.table().asPaths();
        Map<Long, int[]> targets = new HashMap<>(); // (path, direction) -> the series it feeds
        // In key order, so that series ids (and the order of keys() and percentiles()) do not depend on how the
        // sums were gathered: one aggregate or several merged, in whatever order the records came.
        LongLongMap sums = a.sums();
        long[] sorted = new long[sums.size()];
        int[] n = {0};
        sums.forEach((key, bytes) -> sorted[n[0]++] = key);
        Arrays.sort(sorted);
        for (long key : sorted) {
            long bytes = sums.get(key);
            int path = TrafficAggregate.pathOf(key);
            int direction = TrafficAggregate.directionOf(key);
            int[] into = targets.computeIfAbsent(((long) path << 1) | direction,
                    k -> s.targets(paths, path, direction, mine));
            long offset = TrafficAggregate.bucketOf(key) - s.firstBucket;
            for (int id : into) {
                s.points.add(((long) id << 32) | offset, bytes);
            }
        }
        return s;
    }

    private int[] targets(AsPaths paths, int path, int direction, LocalNetwork mine) {
        List<Integer> out = new ArrayList<>();
        out.add(id(new Key(direction, Kind.TOTAL, Key.NONE, Key.NONE, Key.NONE)));
        if (path == TrafficAggregate.UNROUTED_PATH) {
            out.add(id(new Key(direction, Kind.NEXT_ORIGIN, Key.NONE, Key.NONE, Key.NONE)));
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
        out.add(id(new Key(direction, Kind.NEXT_ORIGIN, Integer.toUnsignedLong(paths.nextAs(path)),
                Integer.toUnsignedLong(paths.originAs(path)), Key.NONE)));
        int[] seen = new int[paths.length(path)];
        int n = 0;
        for (int i = 0; i < paths.length(path); i++) {
            int asn = paths.asn(path, i);
            boolean repeat = mine.isLocalAs(asn);
            for (int j = 0; j < n && !repeat; j++) {
                repeat = seen[j] == asn;
            }
            if (!repeat) {
                seen[n++] = asn;
                out.add(id(new Key(direction, Kind.CANDIDATE, Key.NONE, Key.NONE, Integer.toUnsignedLong(asn))));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Number of 5-minute samples in the observed period (first to last bucket with traffic). */
    public int samples() {
        return buckets;
    }

    public long firstBucketMillis() {
        return firstBucket * TrafficAggregate.BUCKET_MILLIS;
    }

    public List<Key> keys() {
        return List.copyOf(keys);
    }

    private long[] sortedPointKeys() {
        long[] k = new long[points.size()];
        int[] n = {0};
        points.forEach((key, value) -> k[n[0]++] = key);
        Arrays.sort(k);
        return k;
    }

    /** Every non-empty sample, by series then time. */
    public void forEachPoint(PointVisitor v) {
        for (long k : sortedPointKeys()) {
            v.point(keys.get((int) (k >>> 32)), (firstBucket + (k & 0xFFFF_FFFFL)) * TrafficAggregate.BUCKET_MILLIS,
                    points.get(k));
        }
    }

    /**
     * The 95th percentile of every series: its 5-minute rates over the period, empty samples counting as zero,
     * sorted; the top 5 % (rounded down) dropped; the highest remaining one (peering-economics.md; 8,640 samples
     * in a 30-day month, of which 432 are dropped).
     */
    public List<Percentile> percentiles() {
        long[] sorted = sortedPointKeys();
        List<Percentile> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int id = (int) (sorted[i] >>> 32);
            int j = i;
            while (j < sorted.length && (int) (sorted[j] >>> 32) == id) {
                j++;
            }
            long[] values = new long[j - i];
            long total = 0;
            for (int k = i; k < j; k++) {
                values[k - i] = points.get(sorted[k]);
                total += values[k - i];
            }
            Arrays.sort(values);
            out.add(new Percentile(keys.get(id), buckets, bps(p95(values, buckets)), bps(values[values.length - 1]),
                    total * 8.0 / (buckets * (double) (TrafficAggregate.BUCKET_MILLIS / 1000)), total));
            i = j;
        }
        return out;
    }

    /** The 95th percentile of {@code samples} values of which {@code nonZero} (sorted ascending) are not zero. */
    static long p95(long[] nonZero, int samples) {
        int rank = samples - samples / 20 - 1; // 0-based, ascending, after dropping the top 5 % rounded down
        int zeros = samples - nonZero.length;
        return rank < zeros ? 0 : nonZero[rank - zeros];
    }

    static double bps(long bytesIn5Minutes) {
        return bytesIn5Minutes * 8.0 / (TrafficAggregate.BUCKET_MILLIS / 1000);
    }
}
