package org.peerage.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

/** What the benchmark's clients count: targets, the count-only Adj-RIB-In and its primitive set. */
class CountingTest {
    private static final List<PathAttribute> ATTRS = List.of(Origin.of(0));

    private static RouteTable table(String... prefixes) {
        RouteTable t = new RouteTable();
        for (String p : prefixes) t.put(Prefix.parse(p), ATTRS);
        return t;
    }

    @Test
    void eachSessionExpectsWhatTheOthersAnnounceOnceEach() {
        RouteTable a = table("10.0.0.0/8", "11.0.0.0/8");
        RouteTable b = table("11.0.0.0/8", "12.0.0.0/24");
        RouteTable c = table();
        int[] t = Expectation.targets(List.of(a, b, c), new boolean[] {true, true, true}, p -> true);
        // a: 11/8 (also from b) and 12/24; b: 10/8 and 11/8 (from a); c: all three distinct prefixes.
        assertThat(t).containsExactly(2, 2, 3);
        assertThat(Expectation.targets(List.of(a, b, c), new boolean[] {true, false, true}, p -> true))
                .containsExactly(0, -1, 2);
        assertThat(Expectation.targets(List.of(a, b, c), new boolean[] {true, true, true}, p -> p.length() <= 22))
                .containsExactly(1, 2, 2);
    }

    @Test
    void aSessionDoesNotExpectRoutesWhosePathHoldsItsOwnAs() {
        RouteTable a = table("10.0.0.0/8");
        RouteTable b = new RouteTable();
        b.put(Prefix.parse("11.0.0.0/8"), List.of(Origin.of(0), AsPath.of(List.of(AsPathSegment.sequence(3356),
                AsPathSegment.set(64509, 64601)))));
        b.put(Prefix.parse("12.0.0.0/8"), ATTRS);
        RouteTable c = table();
        boolean[] all = {true, true, true};
        // Session 0 (AS 64601) drops 11/8 (its AS in the AS_SET); the others expect it.
        assertThat(Expectation.targets(List.of(a, b, c), all, p -> true, new long[] {64601, 64602, 64603}))
                .containsExactly(1, 1, 3);
        assertThat(Expectation.targets(List.of(a, b, c), all, p -> true)).containsExactly(2, 1, 3);
    }

    @Test
    void limitKeepsTheFirstRoutesInTableOrder() {
        RouteTable t = table("10.0.0.0/8", "11.0.0.0/8", "12.0.0.0/8").limit(2);
        assertThat(t.routes().keySet()).containsExactly(Prefix.parse("10.0.0.0/8"), Prefix.parse("11.0.0.0/8"));
    }

    private static UpdateMessage announce(long firstAs, String... prefixes) {
        return new UpdateMessage(List.of(), List.of(Origin.of(0), AsPath.of(List.of(AsPathSegment.sequence(firstAs,
                3356))), NextHop.of(0xC6120001)), java.util.Arrays.stream(prefixes).map(p -> Route.of(Prefix.parse(p)))
                .toList());
    }

    private static UpdateMessage withdraw(String... prefixes) {
        return new UpdateMessage(java.util.Arrays.stream(prefixes).map(p -> Route.of(Prefix.parse(p))).toList(),
                List.of(), List.of());
    }

    @Test
    void countOnlyCountsAnnouncementsAndWithdrawalsAndIgnoresLoops() {
        AdjRibIn rib = new AdjRibIn(true, 64601);
        rib.apply(announce(64602, "10.0.0.0/8", "10.0.0.0/9", "192.0.2.0/24"), false);
        rib.apply(announce(64602, "10.0.0.0/8"), false);
        assertThat(rib.size()).isEqualTo(3);
        rib.apply(announce(64601, "198.51.100.0/24"), false); // our own AS in the path: not accepted
        assertThat(rib.size()).isEqualTo(3);
        rib.apply(withdraw("10.0.0.0/9", "203.0.113.0/24"), false);
        assertThat(rib.size()).isEqualTo(2);
        rib.apply(announce(64602, "2001:db8::/32"), false);
        assertThat(rib.size()).isEqualTo(3);
        rib.clear();
        assertThat(rib.size()).isZero();
        assertThat(new AdjRibIn().size()).isZero();
    }

    @Test
    void longSetAgreesWithAHashSet() {
        LongSet set = new LongSet();
        Set<Long> reference = new java.util.HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long k = random.nextInt(5_000) * 512L; // clustered keys, like prefixes
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(k)).isEqualTo(reference.remove(k));
            } else {
                assertThat(set.add(k)).isEqualTo(reference.add(k));
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long k = 0; k < 5_000 * 512L; k += 512) {
            assertThat(set.contains(k)).isEqualTo(reference.contains(k));
        }
    }
}
