package org.peerage.policy.irr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;

class PrefixSetTest {
    private static RouteObject r(String prefix, long origin, String source) {
        return new RouteObject(Prefix.parse(prefix), origin, source);
    }

    private static final PrefixSet SET = PrefixSet.of(List.of(r("192.0.2.0/24", 1, "RIPE"), r("192.0.2.0/24", 2, "RADB"),
            r("198.51.100.0/22", 1, "RIPE"), r("2001:db8::/32", 1, "RIPE"), r("192.0.2.0/24", 1, "RIPE")));

    @Test
    void exactAndOrLonger() {
        assertThat(SET.containsExact(Prefix.parse("192.0.2.0/24"))).isTrue();
        assertThat(SET.containsExact(Prefix.parse("192.0.2.0/25"))).isFalse();
        assertThat(SET.containsOrLonger(Prefix.parse("198.51.101.0/24"), 24)).isTrue();
        assertThat(SET.containsOrLonger(Prefix.parse("198.51.101.0/25"), 24)).as("longer than allowed").isFalse();
        assertThat(SET.containsOrLonger(Prefix.parse("198.51.100.0/21"), 24)).as("less specific").isFalse();
        assertThat(SET.containsOrLonger(Prefix.parse("2001:db8:1::/48"), 48)).isTrue();
        assertThat(SET.containsOrLonger(Prefix.parse("2001:db9::/48"), 48)).isFalse();
    }

    @Test
    void sizeCountsPrefixesAndEvidenceKeepsEveryObject() {
        assertThat(SET.size()).isEqualTo(3);
        assertThat(SET.covering(Prefix.parse("192.0.2.128/25")))
                .containsExactly(r("192.0.2.0/24", 1, "RIPE"), r("192.0.2.0/24", 2, "RADB"));
        assertThat(SET.prefixes(false)).containsExactly(Prefix.parse("192.0.2.0/24"), Prefix.parse("198.51.100.0/22"));
        assertThat(SET.prefixes(true)).containsExactly(Prefix.parse("2001:db8::/32"));
        assertThat(PrefixSet.empty().size()).isZero();
    }
}
