package org.peerage.planner.attribution;

import java.util.Arrays;
import org.peerage.flow.FlowBatch;
import org.peerage.planner.routing.RoutingTable;

/**
 * Traffic summed per direction, AS path of the remote route, and 5-minute bucket, in bytes scaled by the sampling
 * rate. A flow that spans buckets is spread over them in proportion to the time it spent in each. Everything
 * coarser (per next-hop and origin AS, per candidate network, totals) is derived from these sums afterwards, so the
 * hot loop does one update per flow.
 *
 * <p>Flows come roughly in time order, so the sums of the {@value #WINDOW} newest buckets (80 minutes) are kept
 * dense: each (path, direction) pair gets a small series id the first time it has traffic, and a bucket's sums are
 * one {@code long[]} indexed by series id (a column; bucket mod {@value #WINDOW} picks it). A record in the window
 * costs one array read for its series id and one add, with no hashing and no allocation. When a newer bucket pushes
 * one out of the window, its sums go to a hash map (one entry per series that had traffic in it). A record older
 * than the window goes to the map directly: such adds are queued and made 1,024 at a time, the map reading their
 * slots ahead so that the cache misses overlap. Memory: 8 bytes per column (16) per series that had traffic.
 *
 * <p>Not thread-safe: give each thread its own and {@link #merge} them at the end (sums are exact, so the merged
 * result equals what one aggregate fed every record would hold).
 */
public final class TrafficAggregate {
    public static final long BUCKET_MILLIS = 300_000;
    /** Path slot of flows whose remote address has no route. */
    public static final int UNROUTED_PATH = (1 << 30) - 1;
    /** Flows longer than this are spread over this many buckets at most (30 days), the rest going to the last. */
    private static final long MAX_SPREAD = 8640;
    /** Buckets summed densely: the newest one with traffic and the ones before it (a power of two). */
    static final int WINDOW = 16;
    private static final int COLUMN_MASK = WINDOW - 1;

    private final RoutingTable table;
    private final int defaultRate;
    private final int unroutedIndex;
    /** Sums outside the window, by {@link #key}. */
    private final LongLongMap sums = new LongLongMap(1 << 16);
    /** Adds to {@link #sums} not made yet: they are made a block at a time ({@link LongLongMap#addAll}). */
    private final long[] pendingKeys = new long[1024];
    private final long[] pendingBytes = new long[1024];
    private int pending;
    /** Per slot (path index * 2 + direction; the unrouted path has the last pair): its series id + 1, or 0. */
    private final int[] seriesOf;
    /** Per series id: its slot. */
    private int[] slotOf = new int[1024];
    private int seriesCount;
    /** Per column (bucket mod WINDOW): the sums of that bucket by series id; all as long as {@link #slotOf}. */
    private final long[][] columns = new long[WINDOW][];
    /** Per column: the series ids whose sum in it went from 0 to something (a series may appear twice). */
    private final int[][] touched = new int[WINDOW][];
    private final int[] touchedCount = new int[WINDOW];
    /** The newest bucket of the window; the window holds buckets (newest - WINDOW, newest]. */
    private long newest = Long.MIN_VALUE / 2;
    private long minBucket = Long.MAX_VALUE;
    private long maxBucket = Long.MIN_VALUE;
    private long records;
    private long unrouted;
    private long withoutRate;

    /** @param defaultRate the sampling rate of records whose exporter announced none (0 in the record) */
    public TrafficAggregate(RoutingTable table, int defaultRate) {
        this.table = table;
        this.defaultRate = Math.max(1, defaultRate);
        this.unroutedIndex = table.asPaths().count();
        this.seriesOf = new int[2 * (unroutedIndex + 1)];
        for (int c = 0; c < WINDOW; c++) {
            columns[c] = new long[slotOf.length];
            touched[c] = new int[256];
        }
    }

    static long key(int path, int direction, long bucket) {
        return ((long) path << 33) | ((long) direction << 32) | bucket;
    }

    static int pathOf(long key) {
        return (int) (key >>> 33);
    }

    static int directionOf(long key) {
        return (int) (key >>> 32) & 1;
    }

    static long bucketOf(long key) {
        return key & 0xFFFF_FFFFL;
    }

    private long keyOfSlot(int slot, long bucket) {
        int pathIndex = slot >>> 1;
        return key(pathIndex == unroutedIndex ? UNROUTED_PATH : pathIndex, slot & 1, bucket);
    }

    /** Adds records {@code [from, to)} with the attribution {@link Attributor} gave them. */
    public void add(FlowBatch b, int from, int to, int[] remotePath, byte[] direction) {
        // The counters live in locals for the loop: the JIT keeps them in registers.
        long min = minBucket;
        long max = maxBucket;
        long top = newest;
        long noRate = 0;
        long noRoute = 0;
        int[] ids = seriesOf;
        for (int i = from; i < to; i++) {
            int rate = b.samplingRate(i);
            if (rate == 0) {
                rate = defaultRate;
                noRate++;
            }
            long bytes = b.bytes(i) * Integer.toUnsignedLong(rate);
            int pathIndex = remotePath[i];
            if (pathIndex == UNROUTED_PATH) {
                noRoute++;
                pathIndex = unroutedIndex;
            }
            int slot = 2 * pathIndex + direction[i];
            long start = b.startMillis(i);
            long end = Math.max(start, b.endMillis(i));
            long last = end / BUCKET_MILLIS;
            long first = start >= last * BUCKET_MILLIS ? last : start / BUCKET_MILLIS; // one division mostly
            min = Math.min(min, first);
            max = Math.max(max, last);
            if (first != last) {
                spread(start, end, first, last, bytes, (bucket, share) -> addAt(slot, bucket, share));
                top = newest;
                continue;
            }
            if (last > top) {
                advance(last);
                top = last;
            }
            if (last <= top - WINDOW || bytes == 0) { // zero bytes would leave no trace in a column
                defer(keyOfSlot(slot, last), bytes);
                continue;
            }
            int id = ids[slot] - 1;
            if (id < 0) {
                id = newSeries(slot);
            }
            int c = (int) last & COLUMN_MASK;
            long[] column = columns[c];
            long sum = column[id];
            if (sum == 0) {
                touch(c, id);
            }
            column[id] = sum + bytes;
        }
        minBucket = min;
        maxBucket = max;
        withoutRate += noRate;
        unrouted += noRoute;
        records += to - from;
    }

    /** Adds to one bucket's sum, in the window when the bucket is in it (moving the window up if newer). */
    private void addAt(int slot, long bucket, long bytes) {
        if (bucket > newest) {
            advance(bucket);
        }
        if (bucket <= newest - WINDOW || bytes == 0) {
            defer(keyOfSlot(slot, bucket), bytes);
            return;
        }
        int id = seriesOf[slot] - 1;
        if (id < 0) {
            id = newSeries(slot);
        }
        int c = (int) bucket & COLUMN_MASK;
        long sum = columns[c][id];
        if (sum == 0) {
            touch(c, id);
        }
        columns[c][id] = sum + bytes;
    }

    private int newSeries(int slot) {
        int id = seriesCount++;
        if (id == slotOf.length) {
            int capacity = id * 2;
            slotOf = Arrays.copyOf(slotOf, capacity);
            for (int c = 0; c < WINDOW; c++) {
                columns[c] = Arrays.copyOf(columns[c], capacity);
            }
        }
        slotOf[id] = slot;
        seriesOf[slot] = id + 1;
        return id;
    }

    private void touch(int c, int id) {
        int n = touchedCount[c];
        if (n == touched[c].length) {
            touched[c] = Arrays.copyOf(touched[c], n * 2);
        }
        touched[c][n] = id;
        touchedCount[c] = n + 1;
    }

    /** Makes {@code bucket} the newest of the window: the buckets that leave it go to the map. */
    private void advance(long bucket) {
        long lastLeaving = Math.min(newest, bucket - WINDOW);
        for (long leaving = newest - WINDOW + 1; leaving <= lastLeaving; leaving++) {
            flush(leaving);
        }
        newest = bucket;
    }

    /** Moves the dense sums of one bucket of the window into the map. */
    private void flush(long bucket) {
        int c = (int) bucket & COLUMN_MASK;
        long[] column = columns[c];
        int[] ids = touched[c];
        for (int k = 0, n = touchedCount[c]; k < n; k++) {
            int id = ids[k];
            long sum = column[id];
            defer(keyOfSlot(slotOf[id], bucket), sum); // even 0: the entry says the series had a flow
            column[id] = 0;
        }
        touchedCount[c] = 0;
    }

    private void defer(long key, long bytes) {
        int n = pending;
        pendingKeys[n] = key;
        pendingBytes[n] = bytes;
        pending = ++n;
        if (n == pendingKeys.length) {
            addPending();
        }
    }

    private void addPending() {
        sums.addAll(pendingKeys, pendingBytes, pending);
        pending = 0;
    }

    /** Receives one 5-minute bucket's share of a flow's bytes. */
    @FunctionalInterface
    public interface BucketShare {
        void add(long bucket, long bytes);
    }

    /**
     * Spreads a flow's bytes over the buckets {@code first..last} it covers, by time (the last bucket takes the
     * remainder, so no byte is lost to rounding); a flow longer than 30 days keeps its newest 30. Everything that
     * rebuilds these sums from flows (the plan's traffic reader) spreads with this, so that its totals are these.
     */
    public static void spread(long start, long end, long first, long last, long bytes, BucketShare into) {
        if (last - first >= MAX_SPREAD) {
            first = last - MAX_SPREAD + 1;
            start = first * BUCKET_MILLIS;
        }
        long duration = end - start;
        long given = 0;
        for (long bucket = first; bucket <= last; bucket++) {
            long from = Math.max(start, bucket * BUCKET_MILLIS);
            long to = Math.min(end, (bucket + 1) * BUCKET_MILLIS);
            long share = bucket == last ? bytes - given : (long) ((double) bytes * (to - from) / duration);
            into.add(bucket, share);
            given += share;
        }
    }

    /**
     * Adds another aggregate's sums and counts to this one (the other is left as it was, its window folded into
     * its map). Both must be over the same table.
     */
    public void merge(TrafficAggregate other) {
        if (other.table != table) {
            throw new IllegalArgumentException("aggregates over different routing tables");
        }
        other.sums().forEach(sums::add);
        minBucket = Math.min(minBucket, other.minBucket);
        maxBucket = Math.max(maxBucket, other.maxBucket);
        records += other.records;
        unrouted += other.unrouted;
        withoutRate += other.withoutRate;
    }

    public RoutingTable table() {
        return table;
    }

    /** Every (path, direction, bucket) sum; the dense window is folded in first. */
    LongLongMap sums() {
        for (long bucket = newest - WINDOW + 1; bucket <= newest; bucket++) {
            flush(bucket);
        }
        addPending();
        return sums;
    }

    /** The first 5-minute bucket with traffic (epoch milliseconds / 300,000), or Long.MAX_VALUE when empty. */
    public long minBucket() {
        return minBucket;
    }

    public long maxBucket() {
        return maxBucket;
    }

    public long records() {
        return records;
    }

    public long unrouted() {
        return unrouted;
    }

    /** Records whose exporter announced no sampling rate (scaled by the default rate). */
    public long withoutRate() {
        return withoutRate;
    }
}
