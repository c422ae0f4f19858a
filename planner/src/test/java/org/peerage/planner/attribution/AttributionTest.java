package org.peerage.planner.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.planner.routing.RoutingTable;

class AttributionTest {
    static final long T0 = 1_700_000_100_000L / 300_000 * 300_000; // a bucket boundary

    /** Our network AS64500 with 203.0.113.0/24 and 2001:db8::/32; routes via transit 3356 and peer 13335. */
    static Attributor attributor(LocalNetwork mine) {
        RoutingTable.Builder b = new RoutingTable.Builder();
        var paths = b.asPaths();
        b.add(Prefix.parse("0.0.0.0/0"), paths.intern(new int[] {3356}, "3356"));
        b.add(Prefix.parse("8.8.8.0/24"), paths.intern(new int[] {3356, 15169}, "3356 15169"));
        b.add(Prefix.parse("1.1.1.0/24"), paths.intern(new int[] {13335}, "13335"));
        b.add(Prefix.parse("2606:4700::/32"), paths.intern(new int[] {3356, 174, 13335}, "3356 174 13335"));
        b.add(Prefix.parse("198.51.100.0/24"), paths.intern(new int[] {3356, 64500}, "3356 64500"));
        return Attributor.of(b, mine);
    }

    static final LocalNetwork MINE = LocalNetwork.of(List.of(64500L), List.of(Prefix.parse("203.0.113.0/24"),
            Prefix.parse("2001:db8::/32")));

    static void flow(FlowBatch b, String src, String dst, long bytes, int rate, long start, long end) {
        FlowFields f = new FlowFields();
        byte[] s = InetText.parseAddress(src);
        byte[] d = InetText.parseAddress(dst);
        if (s.length == 4) {
            f.srcIpv4(v4(s));
            f.dstIpv4(v4(d));
        } else {
            f.srcIpv6(word(s, 0), word(s, 8));
            f.dstIpv6(word(d, 0), word(d, 8));
        }
        f.bytes = bytes;
        f.packets = 1;
        f.samplingRate = rate;
        f.startMillis = start;
        f.endMillis = end;
        b.append(f);
    }

    private static int v4(byte[] a) {
        return ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
    }

    private static long word(byte[] a, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (a[off + i] & 0xFF);
        return v;
    }

    @Test
    void directionAndRemoteRoute() {
        Attributor a = attributor(MINE);
        FlowBatch b = new FlowBatch(new Exporters());
        flow(b, "8.8.8.8", "203.0.113.5", 100, 1, T0, T0);        // in from Google via 3356
        flow(b, "203.0.113.5", "1.1.1.1", 100, 1, T0, T0);        // out to Cloudflare over the peering
        flow(b, "2606:4700::1", "2001:db8::5", 100, 1, T0, T0);   // in over IPv6
        flow(b, "203.0.113.5", "9.9.9.9", 100, 1, T0, T0);        // out, default route
        flow(b, "198.51.100.1", "8.8.8.8", 100, 1, T0, T0);       // our AS's other prefix (origin 64500): out
        flow(b, "192.0.2.1", "203.0.113.9", 100, 1, T0, T0);      // in, the source under the default route
        int[] remote = new int[b.size()];
        int[] paths = new int[b.size()];
        byte[] dir = new byte[b.size()];
        a.attribute(b, 0, b.size(), remote, paths, dir);
        for (int i = 0; i < b.size(); i++) {
            assertThat(paths[i]).isEqualTo(a.table().path(remote[i]));
        }
        var t = a.table();
        assertThat(dir).containsExactly(Attributor.IN, Attributor.OUT, Attributor.IN, Attributor.OUT,
                Attributor.OUT, Attributor.IN);
        assertThat(t.prefix(remote[0])).hasToString("8.8.8.0/24");
        assertThat(t.asPaths().nextAs(t.path(remote[0]))).isEqualTo(3356);
        assertThat(t.asPaths().originAs(t.path(remote[0]))).isEqualTo(15169);
        assertThat(t.prefix(remote[1])).hasToString("1.1.1.0/24");
        assertThat(t.prefix(remote[2])).hasToString("2606:4700::/32");
        assertThat(t.asPaths().originAs(t.path(remote[2]))).isEqualTo(13335);
        assertThat(t.prefix(remote[3])).hasToString("0.0.0.0/0");
        assertThat(t.prefix(remote[4])).hasToString("8.8.8.0/24");
        assertThat(a.isLocal(remote[4])).isFalse();
    }

    /**
     * The blocked attribution against the rule record by record: many random flows (IPv4, IPv6, no address; to and
     * from our prefixes, routed and not) over ranges that do not start or end on a block boundary.
     */
    @Test
    void everyRecordFollowsTheRule() {
        Attributor a = attributor(MINE);
        String[] addresses = {"8.8.8.8", "203.0.113.5", "1.1.1.1", "198.51.100.1", "9.9.9.9", "203.0.113.200"};
        String[] addresses6 = {"2606:4700::1", "2001:db8::5", "2001:db9::1", "2001:db8:ffff::1"};
        java.util.Random r = new java.util.Random(3);
        FlowBatch b = new FlowBatch(new Exporters());
        for (int i = 0; i < 5_000; i++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                b.append(new FlowFields()); // family 0: no addresses
            } else if (kind < 3) {
                flow(b, addresses6[r.nextInt(4)], addresses6[r.nextInt(4)], 1, 1, T0, T0);
            } else {
                flow(b, addresses[r.nextInt(6)], addresses[r.nextInt(6)], 1, 1, T0, T0);
            }
        }
        int from = 7;
        int to = b.size() - 5;
        int[] remote = new int[b.size()];
        int[] paths = new int[b.size()];
        byte[] dir = new byte[b.size()];
        a.attribute(b, from, to, remote, paths, dir);
        var t = a.table();
        for (int i = from; i < to; i++) {
            int d = route(t, b.family(i), b.dstHi(i), b.dstLo(i));
            int s = route(t, b.family(i), b.srcHi(i), b.srcLo(i));
            boolean in = a.isLocal(d) && !a.isLocal(s);
            int expected = in ? s : d;
            assertThat(dir[i]).as("record %d", i).isEqualTo(in ? Attributor.IN : Attributor.OUT);
            assertThat(remote[i]).as("record %d", i).isEqualTo(expected);
            assertThat(paths[i]).as("record %d", i)
                    .isEqualTo(expected < 0 ? TrafficAggregate.UNROUTED_PATH : t.path(expected));
        }
        assertThat(remote[from - 1]).isZero();
        assertThat(remote[to]).isZero();
    }

    private static int route(RoutingTable t, int family, long hi, long lo) {
        return family == 4 ? t.lookupIpv4((int) lo) : family == 6 ? t.lookupIpv6(hi, lo) : Attributor.UNROUTED;
    }

    @Test
    void withoutLocalNetworksEverythingIsOutboundAndUnroutedIsCounted() {
        Attributor a = attributor(LocalNetwork.of(List.of(), List.of()));
        FlowBatch b = new FlowBatch(new Exporters());
        flow(b, "8.8.8.8", "203.0.113.5", 100, 0, T0, T0);
        flow(b, "2001:db8::1", "2001:db9::1", 100, 0, T0, T0);
        int[] remote = new int[2];
        int[] paths = new int[2];
        byte[] dir = new byte[2];
        a.attribute(b, 0, 2, remote, paths, dir);
        assertThat(dir).containsExactly(Attributor.OUT, Attributor.OUT);
        assertThat(remote[1]).isEqualTo(Attributor.UNROUTED);
        assertThat(paths[1]).isEqualTo(TrafficAggregate.UNROUTED_PATH);
        TrafficAggregate agg = new TrafficAggregate(a.table(), 1000);
        agg.add(b, 0, 2, paths, dir);
        assertThat(agg.unrouted()).isEqualTo(1);
        assertThat(agg.withoutRate()).isEqualTo(2);
    }

    @Test
    void seriesPerNextOriginCandidateAndTotalScaledBySamplingRate() throws Exception {
        Attributor a = attributor(MINE);
        FlowBatch b = new FlowBatch(new Exporters());
        flow(b, "203.0.113.5", "8.8.8.8", 1000, 100, T0, T0 + 1000);
        flow(b, "203.0.113.6", "8.8.4.4", 500, 10, T0 + 300_000, T0 + 300_000); // default route, next bucket
        flow(b, "2001:db8::1", "2606:4700::1", 2000, 1, T0 + 10_000, T0 + 20_000);
        AttributionRun run = new AttributionRun(a, MINE, 1, null);
        run.accept(b);
        TrafficSeries s = run.finish();
        assertThat(s.samples()).isEqualTo(2);
        List<String> points = new ArrayList<>();
        s.forEachPoint((k, bucket, bytes) -> points.add(k.direction() + " " + k.kind().label() + " " + k.nextAs()
                + " " + k.originAs() + " " + k.asn() + " @" + (bucket - T0) / 1000 + " " + bytes));
        assertThat(points).contains(
                "1 total -1 -1 -1 @0 102000",
                "1 total -1 -1 -1 @300 5000",
                "1 next-origin 3356 15169 -1 @0 100000",
                "1 next-origin 3356 3356 -1 @300 5000",
                "1 next-origin 3356 13335 -1 @0 2000",
                "1 candidate -1 -1 3356 @0 102000",
                "1 candidate -1 -1 174 @0 2000",
                "1 candidate -1 -1 15169 @0 100000",
                "1 candidate -1 -1 13335 @0 2000",
                "1 candidate -1 -1 3356 @300 5000");
        var p95 = s.percentiles().stream().filter(p -> p.key().kind() == TrafficSeries.Kind.TOTAL).findFirst()
                .orElseThrow();
        assertThat(p95.samples()).isEqualTo(2);
        assertThat(p95.p95Bps()).isEqualTo(102000 * 8 / 300.0); // fewer than 20 samples: nothing dropped
        assertThat(p95.bytes()).isEqualTo(107000);
    }

    @Test
    void aFlowAcrossBucketsIsSpreadByTime() throws Exception {
        Attributor a = attributor(MINE);
        FlowBatch b = new FlowBatch(new Exporters());
        flow(b, "203.0.113.5", "8.8.8.8", 3000, 1, T0 + 200_000, T0 + 500_000); // 100 s, 200 s in two buckets
        AttributionRun run = new AttributionRun(a, MINE, 1, null);
        run.accept(b);
        List<Long> totals = new ArrayList<>();
        run.finish().forEachPoint((k, bucket, bytes) -> {
            if (k.kind() == TrafficSeries.Kind.TOTAL) totals.add(bytes);
        });
        assertThat(totals).containsExactly(1000L, 2000L);
    }

    @Test
    void p95DropsTheTopFivePercentWithEmptySamplesAsZero() {
        // A 30-day month: 8,640 samples; drop 432; the answer is the 8,208th smallest.
        long[] nonZero = new long[8640];
        for (int i = 0; i < nonZero.length; i++) nonZero[i] = i + 1;
        assertThat(TrafficSeries.p95(nonZero, 8640)).isEqualTo(8208);
        // Traffic in only 400 of 8,640 samples: 95 % of the month was idle, P95 is zero.
        long[] few = new long[400];
        java.util.Arrays.fill(few, 7);
        assertThat(TrafficSeries.p95(few, 8640)).isZero();
        // 500 busy samples: the 68 below the dropped 432 remain, the highest of them is the 68th smallest busy one.
        long[] some = new long[500];
        for (int i = 0; i < some.length; i++) some[i] = 1000 + i;
        assertThat(TrafficSeries.p95(some, 8640)).isEqualTo(1000 + 67);
        assertThat(TrafficSeries.p95(new long[] {5}, 1)).isEqualTo(5);
    }
}
