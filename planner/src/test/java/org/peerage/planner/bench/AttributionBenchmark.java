package org.peerage.planner.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.peerage.bgp.wire.Prefix;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.planner.attribution.AttributionRun;
import org.peerage.planner.attribution.Attributor;
import org.peerage.planner.attribution.LocalNetwork;
import org.peerage.planner.attribution.TrafficAggregate;

/**
 * Attribution of decoded flow records: both addresses matched on the 1,000,000-prefix table, direction decided,
 * traffic added to its (direction, AS path, 5-minute bucket) sum. One batch of 1,048,576 records; a third of them
 * to our prefix (inbound), the rest outbound. {@code order=arrival}: records in the order a collector receives them
 * (flow end times rising over an hour); {@code order=random}: end times scattered over a whole day, the worst case
 * for the aggregation. {@code popularity=zipf}: remote prefixes drawn with Zipf(1) popularity (a few networks carry
 * most traffic, as on the Internet); {@code uniform}: every prefix alike, the worst case for caches.
 * {@code oneThread}: one thread; {@code twoThreads}: two threads, each its own copy of the work (the score is their
 * total); {@code oneBatchSplitOverTwoThreads}: {@link AttributionRun} with two threads, each batch cut in two.
 * Every invocation adds the same batch again, so the sums keep growing over the same hour (or day) of buckets.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseCompactObjectHeaders"})
public class AttributionBenchmark {
    static final int RECORDS = 1 << 20;

    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"arrival", "random"})
        String order;

        @Param({"zipf", "uniform"})
        String popularity;

        Attributor attributor;
        LocalNetwork mine;
        FlowBatch batch;

        @Setup
        public void setup() throws Exception {
            BenchTables.Table t = BenchTables.ipv4();
            // Rebuild with our prefix added: 100.64.0.0/16 (not in the table), AS 64500.
            mine = LocalNetwork.of(List.of(64500L), List.of(Prefix.parse("100.64.0.0/16")));
            org.peerage.planner.routing.RoutingTable.Builder b = new org.peerage.planner.routing.RoutingTable.Builder();
            var table = t.routes();
            for (int r = 0; r < table.size(); r++) {
                int path = table.path(r);
                var paths = table.asPaths();
                int[] asns = new int[paths.length(path)];
                for (int i = 0; i < asns.length; i++) asns[i] = paths.asn(path, i);
                b.add(table.prefix(r), b.asPaths().intern(asns, paths.text(path)));
            }
            attributor = Attributor.of(b, mine);
            batch = new FlowBatch(new Exporters(), RECORDS);
            Random r = new Random(11);
            int prefixes = t.addresses().length;
            int[] rank = new int[prefixes]; // popularity rank -> prefix, shuffled so that popular ones are scattered
            for (int i = 0; i < prefixes; i++) rank[i] = i;
            for (int i = prefixes - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int x = rank[i];
                rank[i] = rank[j];
                rank[j] = x;
            }
            FlowFields f = new FlowFields();
            long day = 1_700_000_000_000L;
            for (int i = 0; i < RECORDS; i++) {
                f.clear();
                int local = 0x64400000 | (r.nextInt() >>> 16);
                int remote = popularity.equals("uniform") ? BenchTables.inside(t, r)
                        : BenchTables.inside(t, rank[Math.min(prefixes - 1, (int) Math.pow(prefixes, r.nextDouble()) - 1)], r);
                boolean inbound = i % 3 == 0;
                f.srcIpv4(inbound ? remote : local);
                f.dstIpv4(inbound ? local : remote);
                f.bytes = 64 + r.nextInt(1400);
                f.packets = 1 + r.nextInt(10);
                f.samplingRate = 1000;
                long end = order.equals("arrival") ? day + 3_600_000L * i / RECORDS
                        : day + (long) r.nextInt(86_400) * 1000;
                f.startMillis = end - r.nextInt(10_000);
                f.endMillis = end;
                batch.append(f);
            }
        }
    }

    @State(Scope.Thread)
    public static class PerThread {
        int[] remote = new int[RECORDS];
        int[] remotePath = new int[RECORDS];
        byte[] direction = new byte[RECORDS];
        TrafficAggregate aggregate;

        @Setup
        public void setup(Shared s) {
            aggregate = new TrafficAggregate(s.attributor.table(), 1);
        }
    }

    /** One batch cut in two, attributed by the caller and a pool thread into their own sums (as the CLI does). */
    @State(Scope.Thread)
    public static class Split {
        AttributionRun run;

        @Setup
        public void setup(Shared s) {
            run = new AttributionRun(s.attributor, s.mine, 1, null, 2);
        }

        @TearDown
        public void tearDown() throws Exception {
            run.finish();
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public AttributionRun oneBatchSplitOverTwoThreads(Shared s, Split t) throws Exception {
        t.run.accept(s.batch);
        return t.run;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public TrafficAggregate oneThread(Shared s, PerThread t) {
        s.attributor.attribute(s.batch, 0, RECORDS, t.remote, t.remotePath, t.direction);
        t.aggregate.add(s.batch, 0, RECORDS, t.remotePath, t.direction);
        return t.aggregate;
    }

    /** Both cores, each attributing its own batch (the score is the sum over the two threads). */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(RECORDS)
    public TrafficAggregate twoThreads(Shared s, PerThread t) {
        s.attributor.attribute(s.batch, 0, RECORDS, t.remote, t.remotePath, t.direction);
        t.aggregate.add(s.batch, 0, RECORDS, t.remotePath, t.direction);
        return t.aggregate;
    }
}
