package org.peerage.planner.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.peerage.planner.routing.RoutingTable;

/**
 * IPv4 longest-prefix match on a 1,000,000-prefix table (addresses inside routed prefixes, and uniform ones), and
 * IPv6 on the real IPv6 table of 2015.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseCompactObjectHeaders"})
public class LpmBenchmark {
    static final int LOOKUPS = 1 << 20;

    RoutingTable table;
    int[] routed = new int[LOOKUPS];
    int[] uniform = new int[LOOKUPS];
    RoutingTable table6;
    long[] routed6Hi = new long[LOOKUPS];
    long[] routed6Lo = new long[LOOKUPS];

    @Setup
    public void setup() throws Exception {
        BenchTables.Table t = BenchTables.ipv4();
        table = t.routes();
        Random r = new Random(7);
        for (int i = 0; i < LOOKUPS; i++) {
            routed[i] = BenchTables.inside(t, r);
            uniform[i] = r.nextInt();
        }
        BenchTables.Table6 t6 = BenchTables.ipv6();
        table6 = t6.routes();
        for (int i = 0; i < LOOKUPS; i++) {
            routed6Hi[i] = BenchTables.inside(t6, r);
            routed6Lo[i] = r.nextLong();
        }
    }

    /** IPv6: the real IPv6 prefixes of 2015 (about 27,700), addresses inside them. */
    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public int ipv6RoutedAddresses() {
        int sum = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            sum += table6.lookupIpv6(routed6Hi[i], routed6Lo[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public int routedAddresses() {
        int sum = 0;
        for (int a : routed) {
            sum += table.lookupIpv4(a);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(LOOKUPS)
    public int uniformAddresses() {
        int sum = 0;
        for (int a : uniform) {
            sum += table.lookupIpv4(a);
        }
        return sum;
    }
}
