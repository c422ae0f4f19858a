package org.peerage.policy.rpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PrefixBits;

class VrpTableTest {
    private static Vrp vrp(String prefix, int maxLength, long asn) {
        return new Vrp(Prefix.parse(prefix), maxLength, asn, "test", 0);
    }

    private static final VrpTable TABLE = VrpTable.of(List.of(
            vrp("193.0.0.0/21", 21, 3333),
            vrp("193.0.24.0/22", 26, 3333),
            vrp("10.0.0.0/8", 8, 0),
            vrp("2001:610::/32", 48, 1103),
            vrp("2001:67c:2e8::/48", 48, 3333)));

    @Test
    void rfc6811TruthTableIpv4() {
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/21"), 3333)).isEqualTo(RovState.VALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/21"), 3334)).as("wrong origin").isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/22"), 3333)).as("too specific").isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.8.0/21"), 3333)).as("uncovered").isEqualTo(RovState.NOT_FOUND);
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/20"), 3333)).as("less specific than the VRP")
                .isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void maxLengthIsInclusive() {
        assertThat(TABLE.validate(Prefix.parse("193.0.27.192/26"), 3333)).isEqualTo(RovState.VALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.27.192/27"), 3333)).isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.24.0/22"), 3333)).isEqualTo(RovState.VALID);
    }

    @Test
    void rfc6811TruthTableIpv6() {
        assertThat(TABLE.validate(Prefix.parse("2001:610::/32"), 1103)).isEqualTo(RovState.VALID);
        assertThat(TABLE.validate(Prefix.parse("2001:610:ff00::/48"), 1103)).isEqualTo(RovState.VALID);
        assertThat(TABLE.validate(Prefix.parse("2001:610:ff00::/49"), 1103)).isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("2001:67c:2e8::/48"), 1103)).isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("2001:67c:2e9::/48"), 3333)).isEqualTo(RovState.NOT_FOUND);
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/21"), 3333)).isEqualTo(RovState.VALID);
    }

    @Test
    void longIpv6PrefixesAcrossTheSixtyFourBitBoundary() {
        VrpTable t = VrpTable.of(List.of(vrp("2001:db8::/64", 128, 64500), vrp("2001:db8::ff00:0/104", 128, 64501),
                vrp("2001:db8::1/128", 128, 64502)));
        assertThat(t.validate(Prefix.parse("2001:db8::ff00:0/112"), 64501)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:db8::ff00:0/112"), 64500)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:db8::1/128"), 64502)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("2001:db8::1/128"), 64503)).isEqualTo(RovState.INVALID);
        assertThat(t.validate(Prefix.parse("2001:db8:0:1::/64"), 64500)).isEqualTo(RovState.NOT_FOUND);
        assertThat(t.covering(Prefix.parse("2001:db8::1/128"))).extracting(Vrp::asn).containsExactly(64500L, 64502L);
    }

    @Test
    void onlyTheCoveringVrpMustMatchNotEveryOne() {
        VrpTable t = VrpTable.of(List.of(vrp("192.0.2.0/24", 24, 64500), vrp("192.0.0.0/16", 24, 64501)));
        assertThat(t.validate(Prefix.parse("192.0.2.0/24"), 64500)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("192.0.2.0/24"), 64501)).isEqualTo(RovState.VALID);
        assertThat(t.validate(Prefix.parse("192.0.2.0/24"), 64502)).isEqualTo(RovState.INVALID);
    }

    @Test
    void asZeroVrpsAndAsSetOriginsNeverMatch() {
        assertThat(TABLE.validate(Prefix.parse("10.1.0.0/16"), 0)).isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("10.0.0.0/8"), 0)).isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.0.0/21"), -1)).as("AS_SET origin").isEqualTo(RovState.INVALID);
        assertThat(TABLE.validate(Prefix.parse("193.0.8.0/21"), -1)).isEqualTo(RovState.NOT_FOUND);
    }

    @Test
    void coveringListsTheEvidenceShortestFirst() {
        VrpTable t = VrpTable.of(List.of(vrp("192.0.2.0/24", 24, 64500), vrp("192.0.0.0/16", 24, 64501),
                vrp("192.0.3.0/24", 24, 64502)));
        assertThat(t.covering(Prefix.parse("192.0.2.0/25"))).extracting(Vrp::asn).containsExactly(64501L, 64500L);
        assertThat(t.covering(Prefix.parse("198.51.100.0/24"))).isEmpty();
        assertThat(t.covering(Prefix.parse("192.0.2.0/24")).get(1)).isEqualTo(vrp("192.0.2.0/24", 24, 64500));
    }

    @Test
    void duplicatePayloadsAreKeptOnceWithTheLongestExpiry() {
        VrpTable t = VrpTable.of(List.of(new Vrp(Prefix.parse("192.0.2.0/24"), 24, 64500, "ripe", 100),
                new Vrp(Prefix.parse("192.0.2.0/24"), 24, 64500, "ripe (RRDP prefetch)", 300),
                new Vrp(Prefix.parse("192.0.2.0/24"), 25, 64500, "ripe", 100)));
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.toList().get(0)).isEqualTo(new Vrp(Prefix.parse("192.0.2.0/24"), 24, 64500, "ripe", 300));
    }

    @Test
    void vrpRefusesAMaxLengthOutsideItsPrefix() {
        assertThatThrownBy(() -> vrp("192.0.2.0/24", 23, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vrp("192.0.2.0/24", 33, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changedCoverageNamesAddedRemovedAndChangedPrefixes() {
        VrpTable before = VrpTable.of(List.of(vrp("192.0.2.0/24", 24, 1), vrp("198.51.100.0/24", 24, 2),
                vrp("203.0.113.0/24", 24, 3), vrp("2001:db8::/32", 48, 4)));
        VrpTable after = VrpTable.of(List.of(vrp("192.0.2.0/24", 24, 1), vrp("198.51.100.0/24", 25, 2),
                vrp("2001:db8::/32", 48, 4), vrp("2001:db8::/32", 48, 5), vrp("100.64.0.0/10", 24, 6)));
        assertThat(VrpTable.changedCoverage(before, after)).containsExactly(Prefix.parse("100.64.0.0/10"),
                Prefix.parse("198.51.100.0/24"), Prefix.parse("203.0.113.0/24"), Prefix.parse("2001:db8::/32"));
        assertThat(VrpTable.changedCoverage(before, before)).isEmpty();
        assertThat(VrpTable.changedCoverage(VrpTable.empty(), after)).hasSize(4);
    }

    @Property(tries = 300)
    void validateEqualsABruteForceScanOverAllVrps(@ForAll("tables") List<Vrp> vrps, @ForAll("routes") Prefix route,
            @ForAll("origins") long origin) {
        assertThat(VrpTable.of(vrps).validate(route, origin)).isEqualTo(bruteForce(vrps, route, origin));
    }

    @Property(tries = 100)
    void changedCoverageFindsEveryRouteWhoseStateChanged(@ForAll("tables") List<Vrp> a, @ForAll("tables") List<Vrp> b,
            @ForAll("routeLists") List<Prefix> routes, @ForAll("origins") long origin) {
        var changed = VrpTable.changedCoverage(VrpTable.of(a), VrpTable.of(b));
        for (Prefix r : routes) {
            if (bruteForce(a, r, origin) != bruteForce(b, r, origin)) {
                assertThat(changed.stream().anyMatch(c -> covers(c, r))).as("%s changed state", r).isTrue();
            }
        }
    }

    static RovState bruteForce(List<Vrp> vrps, Prefix route, long origin) {
        boolean covered = false;
        for (Vrp v : vrps) {
            if (covers(v.prefix(), route)) {
                covered = true;
                if (origin > 0 && v.asn() == origin && route.length() <= v.maxLength()) {
                    return RovState.VALID;
                }
            }
        }
        return covered ? RovState.INVALID : RovState.NOT_FOUND;
    }

    static boolean covers(Prefix outer, Prefix inner) {
        if (outer.isIpv6() != inner.isIpv6() || outer.length() > inner.length()) {
            return false;
        }
        int n = outer.length();
        return PrefixBits.maskHi(PrefixBits.hi(outer), n) == PrefixBits.maskHi(PrefixBits.hi(inner), n)
                && PrefixBits.maskLo(PrefixBits.lo(outer), n) == PrefixBits.maskLo(PrefixBits.lo(inner), n);
    }

    /** Prefixes drawn from a small space (two /16s, one /32 of IPv6) so that VRPs and routes overlap often. */
    static Arbitrary<Prefix> prefixes() {
        Arbitrary<Prefix> v4 = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(14, 32)).as((b, low, len) -> {
                    int addr = (192 << 24) | (b << 16) | low;
                    return PrefixBits.toPrefix(false, PrefixBits.maskHi((long) addr << 32, len), 0, len);
                });
        Arbitrary<Prefix> v6 = Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.integers().between(28, 64)).as((low, len) -> PrefixBits.toPrefix(true,
                PrefixBits.maskHi(0x2001_0db8_0000_0000L | low, len), 0, len));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, v4), net.jqwik.api.Tuple.of(1, v6));
    }

    @Provide
    Arbitrary<List<Vrp>> tables() {
        Arbitrary<Vrp> vrp = Combinators.combine(prefixes(), Arbitraries.integers().between(0, 8),
                Arbitraries.longs().between(0, 4)).as((p, extra, asn) ->
                new Vrp(p, Math.min(p.length() + extra, p.isIpv6() ? 128 : 32), asn, "ta", 0));
        return vrp.list().ofMaxSize(40).map(ArrayList::new);
    }

    @Provide
    Arbitrary<Prefix> routes() {
        return prefixes();
    }

    @Provide
    Arbitrary<List<Prefix>> routeLists() {
        return prefixes().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Long> origins() {
        return Arbitraries.longs().between(-1, 4);
    }
}
