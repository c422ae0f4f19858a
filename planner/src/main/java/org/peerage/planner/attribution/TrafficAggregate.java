package org.peerage.planner.attribution;

import org.peerage.flow.FlowBatch;
import org.peerage.planner.routing.RoutingTable;

/**
 * Traffic summed per direction, AS path of the remote route, and 5-minute bucket, in bytes scaled by the sampling
 * rate. A flow that spans buckets is spread over them in proportion to the time it spent in each. Everything
 * coarser (per next-hop and origin AS, per candidate network, totals) is derived from these sums afterwards, so the
 * hot loop does one update per flow. Flows come roughly in time order, so the sums of the latest bucket are kept in
 * a dense array indexed by path and direction (a few MiB, mostly in cache); older buckets, and the latest when a
 * newer one begins, go to a hash map.
 */
public final class TrafficAggregate {
    public static final long BUCKET_MILLIS = 300_000;
    /** Path slot of flows whose remote address has no route. */
    public static final int UNROUTED_PATH = (1 << 30) - 1;
    /** Flows longer than this are spread over this many buckets at most (30 days), the rest going to the last. */
    private static final long MAX_SPREAD = 8640;

    private final RoutingTable table;
    private final int defaultRate;
    private final LongLongMap sums = new LongLongMap(1 << 16);
    /** Sums of {@link #currentBucket} by path * 2 + direction; the unrouted path has the last pair. */
    private final long[] current;
    private int[] touched = new int[1024];
    private int touchedCount;
    private long currentBucket = -1;
    private final int unroutedIndex;
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
        this.current = new long[2 * (unroutedIndex + 1)];
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

    /** Adds records {@code [from, to)} with the attribution {@link Attributor} gave them. */
    public void add(FlowBatch b, int from, int to, int[] remotePath, byte[] direction) {
        // The counters live in locals for the loop: the JIT keeps them in registers.
        long min = minBucket;
        long max = maxBucket;
        long bucketNow = currentBucket;
        long noRate = 0;
        long noRoute = 0;
        long[] dense = current;
        for (int i = from; i < to; i++) {
            int rate = b.samplingRate(i);
            if (rate == 0) {
                rate = defaultRate;
                noRate++;
            }
            long bytes = b.bytes(i) * Integer.toUnsignedLong(rate);
            int path = remotePath[i];
            int pathIndex = path;
            if (path == UNROUTED_PATH) {
                noRoute++;
                pathIndex = unroutedIndex;
            }
            long start = b.startMillis(i);
            long end = Math.max(start, b.endMillis(i));
            long last = end / BUCKET_MILLIS;
            long first = start >= last * BUCKET_MILLIS ? last : start / BUCKET_MILLIS; // one division mostly
            min = Math.min(min, first);
            max = Math.max(max, last);
            if (first != last) {
                spread(path, direction[i], start, end, first, last, bytes);
                continue;
            }
            if (first != bucketNow) {
                if (first < bucketNow) {
                    sums.add(key(path, direction[i], first), bytes);
                    continue;
                }
                flushCurrent();
                bucketNow = currentBucket = first;
            }
            int slot = 2 * pathIndex + direction[i];
            long sum = dense[slot];
            if (sum == 0) {
                touch(slot);
            }
            dense[slot] = sum + bytes;
        }
        minBucket = min;
        maxBucket = max;
        withoutRate += noRate;
        unrouted += noRoute;
        records += to - from;
    }

    private void touch(int slot) {
        if (touchedCount == touched.length) {
            touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = slot;
    }

    /** Moves the dense sums of the current bucket into the map. */
    private void flushCurrent() {
        for (int k = 0; k < touchedCount; k++) {
            int slot = touched[k];
            int pathIndex = slot >>> 1;
            int path = pathIndex == unroutedIndex ? UNROUTED_PATH : pathIndex;
            sums.add(key(path, slot & 1, currentBucket), current[slot]);
            current[slot] = 0;
        }
        touchedCount = 0;
    }

    private void spread(int path, int direction, long start, long end, long first, long last, long bytes) {
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
            sums.add(key(path, direction, bucket), share);
            given += share;
        }
    }

    public RoutingTable table() {
        return table;
    }

    /** Every (path, direction, bucket) sum; the dense current bucket is folded in first. */
    LongLongMap sums() {
        flushCurrent();
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
