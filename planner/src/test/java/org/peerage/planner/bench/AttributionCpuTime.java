package org.peerage.planner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.peerage.planner.attribution.TrafficAggregate;

/**
 * The work of {@code AttributionBenchmark.oneThread} timed by the thread's CPU time as well as the wall clock: on a
 * machine that other work keeps busy, records per CPU-second still say what the code costs (the wall clock says
 * how much of a core it got). 30 rounds of the 1,048,576-record batch per case, the first 10 left out.
 * Usage: java -cp ... org.peerage.planner.bench.AttributionCpuTime [arrival,random] [zipf,uniform]
 */
public final class AttributionCpuTime {
    private AttributionCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String orders = args.length > 0 ? args[0] : "arrival,random";
        String popularities = args.length > 1 ? args[1] : "zipf,uniform";
        for (String order : orders.split(",")) {
            for (String popularity : popularities.split(",")) {
                AttributionBenchmark.Shared s = new AttributionBenchmark.Shared();
                s.order = order;
                s.popularity = popularity;
                s.setup();
                int n = AttributionBenchmark.RECORDS;
                AttributionBenchmark.PerThread t = new AttributionBenchmark.PerThread();
                t.aggregate = new TrafficAggregate(s.attributor.table(), 1);
                int rounds = 30;
                int skip = 10;
                long[] cpu = new long[rounds - skip];
                long[] wall = new long[rounds - skip];
                for (int r = 0; r < rounds; r++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    s.attributor.attribute(s.batch, 0, n, t.remote, t.remotePath, t.direction);
                    t.aggregate.add(s.batch, 0, n, t.remotePath, t.direction);
                    long w1 = System.nanoTime();
                    long c1 = mx.getCurrentThreadCpuTime();
                    if (r >= skip) {
                        cpu[r - skip] = c1 - c0;
                        wall[r - skip] = w1 - w0;
                    }
                }
                Arrays.sort(cpu);
                Arrays.sort(wall);
                System.out.printf("%s %s: %.1f M records per CPU-second (median; %.1f to %.1f), wall clock %.1f "
                                + "M records/s (median; best %.1f)%n", order, popularity, n * 1e3 / cpu[cpu.length / 2],
                        n * 1e3 / cpu[cpu.length - 1], n * 1e3 / cpu[0], n * 1e3 / wall[wall.length / 2],
                        n * 1e3 / wall[0]);
            }
        }
    }
}
