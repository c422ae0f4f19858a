package org.peerage.planner.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.planner.routing.RoutingTable;

/**
 * The windowed dense sums of {@link TrafficAggregate} against the plain definition (every record's share added to
 * a map keyed by path, direction and bucket), and merged per-thread sums against one aggregate fed everything.
 */
class TrafficAggregateTest {
    static final long T0 = 1_700_000_100_000L / 300_000 * 300_000;
    static final long HOUR = 3_600_000;

    /** 3,000 AS paths: flows draw from the first {@code paths} of them. Built once (the IPv4 index is 64 MiB). */
    static final RoutingTable TABLE = table(3_000);

    /** A table whose AS paths are numbered 0 (empty) to {@code paths - 1}. */
    static RoutingTable table(int paths) {
        RoutingTable.Builder b = new RoutingTable.Builder();
        for (int p = 1; p < paths; p++) {
            int path = b.asPaths().intern(new int[] {3356, 64_000 + p}, "3356 " + (64_000 + p));
            b.add(Prefix.parse("10." + (p >> 8) + "." + (p & 0xFF) + ".0/24"), path);
        }
        return b.build();
    }

    record Flows(FlowBatch batch, int[] path, byte[] direction) {
        int size() {
            return batch.size();
        }
    }

    /**
     * Random records. arrival: end times rising over a few hours, a tenth of them late by up to two hours (out of
     * the window); jumps: rising with gaps of hours and returns to the start; scattered: anywhere over three days.
     * Some flows cross buckets, some last days (longer than the 30-day cap too), some end before they start, some
     * have no bytes or no sampling rate, some no route.
     */
    static Flows flows(long seed, int n, int paths, String order) {
        Random r = new Random(seed);
        FlowBatch b = new FlowBatch(new Exporters(), Math.max(16, n));
        int[] path = new int[n];
        byte[] direction = new byte[n];
        FlowFields f = new FlowFields();
        long clock = T0;
        for (int i = 0; i < n; i++) {
            f.clear();
            long end = switch (order) {
                case "arrival" -> {
                    clock += r.nextInt(20_000);
                    yield r.nextInt(10) == 0 ? clock - r.nextLong(2 * HOUR) : clock;
                }
                case "jumps" -> {
                    int k = r.nextInt(200);
                    clock = k == 0 ? T0 : k == 1 ? clock + r.nextLong(5 * HOUR) : clock + r.nextInt(5_000);
                    yield clock;
                }
                default -> T0 + r.nextLong(72 * HOUR);
            };
            int d = r.nextInt(200);
            long duration = d == 0 ? r.nextLong(40L * 24 * HOUR) : d < 10 ? -r.nextInt(10_000)
                    : d < 40 ? r.nextInt(900_000) : r.nextInt(10_000);
            f.startMillis = end - duration;
            f.endMillis = end;
            f.bytes = r.nextInt(30) == 0 ? 0 : 1 + r.nextInt(1_500);
            f.packets = 1;
            f.samplingRate = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(2_000);
            b.append(f);
            // A few popular paths and a long tail, as Zipf would give.
            int p = r.nextInt(4) == 0 ? r.nextInt(paths) : r.nextInt(Math.min(paths, 8));
            path[i] = r.nextInt(25) == 0 ? TrafficAggregate.UNROUTED_PATH : p;
            direction[i] = (byte) r.nextInt(2);
        }
        return new Flows(b, path, direction);
    }

    /** The definition: each record's bytes times its rate, spread over its buckets by time, into a map. */
    static Map<Long, Long> reference(Flows flows, int defaultRate) {
        Map<Long, Long> sums = new HashMap<>();
        FlowBatch b = flows.batch();
        for (int i = 0; i < flows.size(); i++) {
            int rate = b.samplingRate(i) == 0 ? defaultRate : b.samplingRate(i);
            long bytes = b.bytes(i) * Integer.toUnsignedLong(rate);
            long start = b.startMillis(i);
            long end = Math.max(start, b.endMillis(i));
            long first = start / TrafficAggregate.BUCKET_MILLIS;
            long last = end / TrafficAggregate.BUCKET_MILLIS;
            if (last - first >= 8640) {
                first = last - 8640 + 1;
                start = first * TrafficAggregate.BUCKET_MILLIS;
            }
            long given = 0;
            for (long bucket = first; bucket <= last; bucket++) {
                long from = Math.max(start, bucket * TrafficAggregate.BUCKET_MILLIS);
                long to = Math.min(end, (bucket + 1) * TrafficAggregate.BUCKET_MILLIS);
                long share = bucket == last ? bytes - given : (long) ((double) bytes * (to - from) / (end - start));
                sums.merge(TrafficAggregate.key(flows.path()[i], flows.direction()[i], bucket), share, Long::sum);
                given += share;
            }
        }
        return sums;
    }

    static Map<Long, Long> sums(TrafficAggregate a) {
        Map<Long, Long> out = new HashMap<>();
        a.sums().forEach(out::put);
        return out;
    }

    @Provide
    Arbitrary<String> orders() {
        return Arbitraries.of("arrival", "jumps", "scattered");
    }

    @Property(tries = 150)
    void windowedSumsEqualTheDefinition(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6_000) int n,
            @ForAll @IntRange(min = 1, max = 3_000) int paths, @ForAll("orders") String order,
            @ForAll @IntRange(min = 1, max = 30) int batches) {
        RoutingTable table = TABLE;
        Flows f = flows(seed, n, paths, order);
        TrafficAggregate a = new TrafficAggregate(table, 100);
        for (int k = 0; k < batches; k++) {
            a.add(f.batch(), n * k / batches, n * (k + 1) / batches, f.path(), f.direction());
        }
        assertThat(sums(a)).isEqualTo(reference(f, 100));
        assertThat(a.records()).isEqualTo(n);
        long unrouted = 0;
        long noRate = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            unrouted += f.path()[i] == TrafficAggregate.UNROUTED_PATH ? 1 : 0;
            noRate += f.batch().samplingRate(i) == 0 ? 1 : 0;
            min = Math.min(min, f.batch().startMillis(i) / TrafficAggregate.BUCKET_MILLIS);
            max = Math.max(max, Math.max(f.batch().startMillis(i), f.batch().endMillis(i))
                    / TrafficAggregate.BUCKET_MILLIS);
        }
        assertThat(a.unrouted()).isEqualTo(unrouted);
        assertThat(a.withoutRate()).isEqualTo(noRate);
        assertThat(a.minBucket()).isEqualTo(min);
        assertThat(a.maxBucket()).isEqualTo(max);
    }

    @Property(tries = 100)
    void mergedPartsEqualOneAggregate(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4_000) int n,
            @ForAll @IntRange(min = 1, max = 2_000) int paths, @ForAll("orders") String order,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        RoutingTable table = TABLE;
        Flows f = flows(seed, n, paths, order);
        TrafficAggregate whole = new TrafficAggregate(table, 7);
        whole.add(f.batch(), 0, n, f.path(), f.direction());
        TrafficAggregate[] parts = new TrafficAggregate[threads];
        for (int k = 0; k < threads; k++) {
            parts[k] = new TrafficAggregate(table, 7);
        }
        Random r = new Random(seed);
        for (int i = 0; i < n; ) { // runs of records to a random part, as batches cut between threads
            int run = Math.min(n - i, 1 + r.nextInt(50));
            parts[r.nextInt(threads)].add(f.batch(), i, i + run, f.path(), f.direction());
            i += run;
        }
        for (int k = 1; k < threads; k++) {
            parts[0].merge(parts[k]);
        }
        assertThat(sums(parts[0])).isEqualTo(sums(whole));
        assertThat(parts[0].records()).isEqualTo(whole.records());
        assertThat(parts[0].unrouted()).isEqualTo(whole.unrouted());
        assertThat(parts[0].withoutRate()).isEqualTo(whole.withoutRate());
        assertThat(parts[0].minBucket()).isEqualTo(whole.minBucket());
        assertThat(parts[0].maxBucket()).isEqualTo(whole.maxBucket());
        LocalNetwork none = LocalNetwork.of(List.of(), List.of());
        TrafficSeries merged = TrafficSeries.of(parts[0], none);
        TrafficSeries one = TrafficSeries.of(whole, none);
        assertThat(merged.keys()).isEqualTo(one.keys());
        assertThat(merged.percentiles()).isEqualTo(one.percentiles());
    }

    @Test
    void aFlowOlderThanTheWindowAndOneOfZeroBytesStillCount() {
        RoutingTable table = TABLE;
        FlowBatch b = new FlowBatch(new Exporters());
        FlowFields f = new FlowFields();
        long[] ends = {T0, T0 + 3 * HOUR, T0 + 1000, T0 + 3 * HOUR + 1000, T0 + 2000};
        long[] bytes = {10, 20, 30, 0, 40};
        for (int i = 0; i < ends.length; i++) {
            f.clear();
            f.startMillis = f.endMillis = ends[i];
            f.bytes = bytes[i];
            f.samplingRate = 1;
            b.append(f);
        }
        TrafficAggregate a = new TrafficAggregate(table, 1);
        a.add(b, 0, b.size(), new int[] {1, 1, 1, 2, 1}, new byte[] {0, 0, 0, 1, 0});
        long early = T0 / TrafficAggregate.BUCKET_MILLIS;
        long late = early + 36;
        assertThat(sums(a)).containsOnly(
                Map.entry(TrafficAggregate.key(1, 0, early), 80L),
                Map.entry(TrafficAggregate.key(1, 0, late), 20L),
                Map.entry(TrafficAggregate.key(2, 1, late), 0L));
    }

    @Test
    void attributionRunGivesTheSameSeriesWithAnyNumberOfThreads() throws Exception {
        Attributor attributor = AttributionTest.attributor(AttributionTest.MINE);
        String[] remote = {"8.8.8.8", "1.1.1.1", "9.9.9.9", "198.51.100.7", "192.0.2.1"};
        Random r = new Random(5);
        FlowBatch b = new FlowBatch(new Exporters());
        for (int i = 0; i < 50_000; i++) {
            String mine = "203.0.113." + r.nextInt(256);
            String other = remote[r.nextInt(remote.length)];
            long end = AttributionTest.T0 + i * 100L + r.nextInt(60_000);
            boolean in = r.nextBoolean();
            AttributionTest.flow(b, in ? other : mine, in ? mine : other, 1 + r.nextInt(1500), r.nextInt(3) * 100,
                    end - r.nextInt(400_000), end);
        }
        List<Object> expected = null;
        for (int threads : new int[] {1, 2, 3}) {
            AttributionRun run = new AttributionRun(attributor, AttributionTest.MINE, 10, null, threads);
            run.accept(b);
            run.accept(b); // twice: the pool is reused
            TrafficSeries s = run.finish();
            List<Object> got = new ArrayList<>();
            got.add(run.aggregate().records());
            got.add(run.aggregate().withoutRate());
            got.add(s.keys());
            got.add(s.percentiles());
            s.forEachPoint((k, bucket, bytes) -> got.add(k + " " + bucket + " " + bytes));
            if (expected == null) {
                expected = got;
                assertThat(run.aggregate().records()).isEqualTo(100_000);
            } else {
                assertThat(got).as("%d threads", threads).isEqualTo(expected);
            }
        }
    }
}
