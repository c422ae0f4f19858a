package org.peerage.policy.irr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;

/** Hand-checked cases; the tests of `peerage irr expand` compare the same code against bgpq4 itself. */
class Bgpq4TreeTest {
    private static List<Prefix> ps(String... p) {
        return Stream.of(p).map(Prefix::parse).toList();
    }

    private static String cisco(boolean aggregate, String... p) {
        return Bgpq4Format.CISCO.prefixList("NN", false, Bgpq4Tree.entries(ps(p), false, aggregate));
    }

    @Test
    void plainListIsSortedByAddressThenLengthWithoutDuplicates() {
        assertThat(cisco(false, "10.0.1.0/24", "10.0.0.0/24", "10.0.0.0/16", "10.0.0.0/24")).isEqualTo("""
                no ip prefix-list NN
                ip prefix-list NN permit 10.0.0.0/16
                ip prefix-list NN permit 10.0.0.0/24
                ip prefix-list NN permit 10.0.1.0/24
                """);
    }

    @Test
    void siblingHalvesMergeIntoARange() {
        assertThat(cisco(true, "10.0.0.0/24", "10.0.1.0/24")).isEqualTo("""
                no ip prefix-list NN
                ip prefix-list NN permit 10.0.0.0/23 ge 24 le 24
                """);
        assertThat(cisco(true, "10.0.0.0/23", "10.0.0.0/24", "10.0.1.0/24")).isEqualTo("""
                no ip prefix-list NN
                ip prefix-list NN permit 10.0.0.0/23 le 24
                """);
        assertThat(cisco(true, "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24")).isEqualTo("""
                no ip prefix-list NN
                ip prefix-list NN permit 10.0.0.0/22 ge 24 le 24
                """);
    }

    @Test
    void emptyListsAsBgpq4PrintsThem() {
        assertThat(Bgpq4Format.CISCO.prefixList("X", true, List.of())).isEqualTo("""
                no ipv6 prefix-list X
                ! generated prefix-list X is empty
                ipv6 prefix-list X deny ::/0
                """);
        assertThat(Bgpq4Format.JSON.prefixList("NN", false, List.of())).isEqualTo("{ \"NN\": [\n] }\n");
        assertThat(Bgpq4Format.BIRD.prefixList("NN", false, List.of())).isEmpty();
    }

    @Test
    void asLists() {
        long[] asns = java.util.stream.LongStream.rangeClosed(1, 9).toArray();
        assertThat(Bgpq4Format.JSON.asList("NN", asns)).isEqualTo("{\"NN\": [\n  1,2,3,4,5,6,7,8,\n  9\n]}\n");
        assertThat(Bgpq4Format.BIRD.asList("NN", asns)).isEqualTo("NN = [\n    1, 2, 3, 4, 5, 6, 7, 8,\n    9\n];\n");
        assertThat(Bgpq4Format.BIRD.asList("NN", new long[0])).isEqualTo("NN = [];\n");
        assertThat(Bgpq4Format.CISCO.asList("NN", new long[] {1, 64500})).isEqualTo("AS1\nAS64500\n");
    }
}
