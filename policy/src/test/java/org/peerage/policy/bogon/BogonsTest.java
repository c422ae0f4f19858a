package org.peerage.policy.bogon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;

class BogonsTest {
    private static Prefix p(String s) {
        return Prefix.parse(s);
    }

    @Test
    void defaultPrefixTable() {
        BogonPrefixes b = BogonPrefixes.defaults();
        assertThat(b.match(p("10.1.2.0/24"))).isEqualTo(p("10.0.0.0/8"));
        assertThat(b.match(p("100.127.0.0/16"))).isEqualTo(p("100.64.0.0/10"));
        assertThat(b.match(p("100.128.0.0/16"))).isNull();
        assertThat(b.match(p("172.31.255.0/24"))).isEqualTo(p("172.16.0.0/12"));
        assertThat(b.match(p("172.32.0.0/16"))).isNull();
        assertThat(b.match(p("198.19.0.0/16"))).isEqualTo(p("198.18.0.0/15"));
        assertThat(b.match(p("0.0.0.0/0"))).as("a default route is not inside a bogon").isNull();
        assertThat(b.match(p("224.0.0.0/3"))).as("wider than the entry").isNull();
        assertThat(b.match(p("239.1.0.0/16"))).isEqualTo(p("224.0.0.0/4"));
        assertThat(b.match(p("255.255.255.255/32"))).isEqualTo(p("240.0.0.0/4"));
        assertThat(b.match(p("193.0.0.0/21"))).isNull();
        assertThat(b.match(p("2001:db8:1::/48"))).isEqualTo(p("2001:db8::/32"));
        assertThat(b.match(p("2002:c000:0200::/48"))).isEqualTo(p("2002::/16"));
        assertThat(b.match(p("2001:2::/48"))).isEqualTo(p("2001:2::/48"));
        assertThat(b.match(p("2001:4:112::/48"))).as("AS112, global").isNull();
        assertThat(b.match(p("2001:7f8::/32"))).as("IXP space is fine").isNull();
        assertThat(b.match(p("fe80::/64"))).isEqualTo(p("fe80::/10"));
        assertThat(b.matchEntry(p("192.168.1.0/24")).reason()).contains("RFC 1918");
        assertThat(b.entries()).allSatisfy(e -> assertThat(e.reason()).containsPattern("RFC \\d+"));
    }

    @Test
    void configuredPrefixes() {
        BogonPrefixes b = BogonPrefixes.of(List.of(p("192.0.2.0/24"), p("2001:db8::/32")));
        assertThat(b.match(p("192.0.2.128/25"))).isEqualTo(p("192.0.2.0/24"));
        assertThat(b.match(p("10.0.0.0/8"))).isNull();
    }

    @Test
    void defaultAsTable() {
        BogonAsns b = BogonAsns.defaults();
        long[] bogons = {0, 23456, 64496, 64511, 64512, 65534, 65535, 65536, 65551, 65552, 131071, 4200000000L,
                4294967294L, 4294967295L};
        long[] fine = {1, 3333, 23455, 23457, 64495, 131072, 196608, 4199999999L};
        for (long asn : bogons) {
            assertThat(b.isBogon(asn)).as("AS%d", asn).isTrue();
        }
        for (long asn : fine) {
            assertThat(b.isBogon(asn)).as("AS%d", asn).isFalse();
            assertThat(b.why(asn)).isNull();
        }
        assertThat(b.why(23456)).isEqualTo("AS_TRANS, RFC 6793");
        assertThat(b.why(64700)).isEqualTo("private use, RFC 6996");
        assertThat(b.why(65540)).isEqualTo("documentation, RFC 5398");
    }

    @Test
    void overlappingRangesAreRefused() {
        assertThatThrownBy(() -> BogonAsns.of(List.of(new BogonAsns.Range(1, 10, "a"), new BogonAsns.Range(5, 20, "b"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
