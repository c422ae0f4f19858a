package org.peerage.planner.asrel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPathSegment;

/** Relationship inference on paths generated from topologies whose relationships are known. */
class AsRelInferenceTest {
    /**
     * Three Tier-1s peering in a clique; regional transit networks below them, some multihomed, three pairs of them
     * peering; a second level of transit; stubs, multihomed stubs and stubs bought directly from a Tier-1.
     */
    static ValleyFree topology() {
        ValleyFree t = new ValleyFree()
                .p2p(10, 20).p2p(20, 30).p2p(10, 30)
                .p2c(10, 100, 400, 500, 5000, 5001, 5006)
                .p2c(20, 100, 200, 600, 5002, 5004, 5005)
                .p2c(30, 200, 300, 400, 700, 5003, 6000)
                .p2p(100, 200).p2p(300, 400).p2p(500, 600)
                .p2c(100, 1000, 1001, 1100, 4001)
                .p2c(1100, 1002, 1003)
                .p2c(200, 2000, 3000, 2100)
                .p2c(2100, 2001, 6000)
                .p2c(300, 3000, 3001, 2100)
                .p2c(400, 4000, 4001)
                .p2c(500, 5500, 5501)
                .p2c(600, 6600, 6601)
                .p2c(700, 7700, 7701);
        return t;
    }

    static final List<Long> VANTAGE_POINTS = List.of(10L, 20L, 30L, 100L, 200L, 300L, 400L, 1000L, 2001L, 6000L,
            5500L, 1002L, 700L);

    @Test
    void recoversEveryRelationshipOfAValleyFreeTopology() {
        ValleyFree truth = topology();
        PathSet paths = truth.pathSet(VANTAGE_POINTS, 4);
        AsRelInference.Result result = AsRelInference.infer(paths);
        AsRelationships rels = result.relationships();

        assertThat(rels.clique()).containsExactly(10, 20, 30);
        assertThat(result.poisonedPaths()).isZero();
        List<String> wrong = new ArrayList<>();
        for (List<Long> link : truth.links()) {
            Relationship expected = truth.of(link.get(0), link.get(1));
            Relationship got = rels.relationship(link.get(0), link.get(1));
            if (expected != got) wrong.add(link + " expected " + expected + " got " + got);
        }
        assertThat(wrong).isEmpty();
        assertThat(rels.size()).isEqualTo(truth.links().size());
        assertThat(rels.p2pCount()).isEqualTo(6);
        assertThat(rels.providers(4001)).containsExactly(100, 400);
        assertThat(rels.customers(2100)).containsExactly(2001, 6000);
        assertThat(rels.peers(100)).containsExactly(200);
        assertThat(result.ases()).isEqualTo(truth.rel.size());
        assertThat(result.ranking().asns()).startsWith(10, 20, 30).hasSize(truth.rel.size());
    }

    @Test
    void cliqueOnlyAmongTheTopAndPoisonedPathsDiscarded() {
        ValleyFree truth = topology();
        PathSet paths = truth.pathSet(VANTAGE_POINTS, 4);
        // A poisoned path: AS 1000 inserted a clique AS behind itself to keep it from taking the route.
        paths.add(true, 300, 30, 200, 2100, 20, 1000);
        AsRelInference.Result result = AsRelInference.infer(paths);
        assertThat(result.poisonedPaths()).isEqualTo(1);
        assertThat(result.relationships().relationship(2100, 20)).isEqualTo(Relationship.NONE);
        assertThat(result.relationships().relationship(20, 100)).isEqualTo(Relationship.P2C);
    }

    @Test
    void givenCliqueIsUsed() {
        PathSet paths = topology().pathSet(VANTAGE_POINTS, 4);
        AsRelInference.Result result = AsRelInference.infer(paths,
                AsRelInference.Options.DEFAULTS.withClique(10, 20, 30, 4_000_000));
        assertThat(result.relationships().clique()).containsExactly(10, 20, 30);
        assertThat(result.relationships().relationship(10, 20)).isEqualTo(Relationship.P2P);
        assertThat(result.linksPerStep().get(AsRelInference.Step.CLIQUE)).isEqualTo(3);
    }

    @Test
    void stubOfACliqueAsSeenOnlyFromTheStubIsACustomer() {
        // AS 9000 is seen only as a VP with a default-free view through AS 30: step 6 makes it 30's customer.
        ValleyFree truth = topology();
        PathSet paths = truth.pathSet(VANTAGE_POINTS, 4);
        paths.add(true, 9000, 30, 300, 3001);
        paths.add(true, 9000, 30, 10, 100, 1000);
        AsRelationships rels = AsRelInference.infer(paths).relationships();
        assertThat(rels.relationship(30, 9000)).isEqualTo(Relationship.P2C);
        assertThat(rels.step(index(rels, 30, 9000))).isEqualTo(AsRelInference.Step.STUB_CLIQUE.number);
    }

    private static int index(AsRelationships rels, long a, long b) {
        for (int i = 0; i < rels.size(); i++) {
            if (rels.first(i) == Math.min(a, b) && rels.second(i) == Math.max(a, b)) return i;
        }
        return -1;
    }

    @Test
    void customerCones() {
        ValleyFree truth = topology();
        PathSet paths = truth.pathSet(VANTAGE_POINTS, 4);
        AsRelationships rels = AsRelInference.infer(paths).relationships();
        CustomerCones recursive = CustomerCones.recursive(rels);
        assertThat(recursive.members(100)).containsExactly(1000, 1001, 1002, 1003, 1100, 4001);
        assertThat(recursive.size(100)).isEqualTo(7);
        assertThat(recursive.contains(10, 1003)).isTrue();
        assertThat(recursive.contains(10, 200)).isFalse();
        assertThat(recursive.contains(1000, 1000)).isTrue();
        assertThat(recursive.size(1000)).isEqualTo(1);
        assertThat(recursive.members(2100)).containsExactly(2001, 6000);

        CustomerCones observed = CustomerCones.providerPeerObserved(paths, rels);
        assertThat(observed.members(100)).containsExactly(1000, 1001, 1002, 1003, 1100, 4001);
        assertThat(observed.members(30)).contains(200, 2100, 6000, 3000).doesNotContain(100, 10);
        for (long as : rels.ases()) {
            for (long m : observed.members(as)) {
                assertThat(recursive.contains(as, m)).as("AS%d in the recursive cone of AS%d", m, as).isTrue();
            }
        }

        PrefixOrigins origins = new PrefixOrigins.Builder()
                .add(Prefix.parse("192.0.2.0/24"), 1002)
                .add(Prefix.parse("198.51.100.0/24"), 100)
                .add(Prefix.parse("203.0.113.0/24"), 2000)
                .add(Prefix.parse("2001:db8::/32"), 4001)
                .add(Prefix.parse("2001:db8::/32"), 400)
                .build();
        assertThat(recursive.prefixes(100, origins)).extracting(Prefix::toString)
                .containsExactly("192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32");
        assertThat(recursive.prefixes(400, origins)).extracting(Prefix::toString).containsExactly("2001:db8::/32");
        assertThat(origins.originsOf(Prefix.parse("2001:db8::/32"))).containsExactly(4001, 400);
    }

    @Test
    void serialOneAndTwoRoundTrip() throws Exception {
        AsRelationships rels = AsRelInference.infer(topology().pathSet(VANTAGE_POINTS, 4)).relationships();
        for (boolean serial2 : new boolean[] {false, true}) {
            StringWriter out = new StringWriter();
            AsRelFiles.write(rels, out, serial2, List.of("source: test"));
            String text = out.toString();
            assertThat(text).startsWith("# source: test\n# inferred clique: 10 20 30\n");
            assertThat(text).contains(serial2 ? "\n10|100|-1|bgp\n" : "\n10|100|-1\n");
            assertThat(text).contains(serial2 ? "\n100|200|0|bgp\n" : "\n100|200|0\n");
            AsRelationships back = AsRelFiles.read(new StringReader(text));
            assertThat(back.size()).isEqualTo(rels.size());
            assertThat(back.clique()).containsExactly(rels.clique());
            for (int i = 0; i < rels.size(); i++) {
                assertThat(back.relationship(rels.first(i), rels.second(i))).isEqualTo(rels.relationship(i));
                assertThat(back.source(i)).isEqualTo(serial2 ? "bgp" : null);
            }
            StringWriter again = new StringWriter();
            AsRelFiles.write(back, again, serial2, List.of("source: test"));
            assertThat(again.toString()).isEqualTo(text);
        }
    }

    @Test
    void readsCaidaStyleFilesAndRejectsBadLines() throws Exception {
        String caida = """
                # source:topology|BGP|20140501|routeviews|route-views2
                # inferred clique: 174 3356
                # IXP ASes: 6695
                174|3356|0
                3356|4200000|-1
                174|1|-1|bgp
                4200000|1|0|mlp
                """;
        AsRelationships rels = AsRelFiles.read(new StringReader(caida));
        assertThat(rels.clique()).containsExactly(174, 3356);
        assertThat(rels.relationship(4_200_000, 3356)).isEqualTo(Relationship.C2P);
        assertThat(rels.relationship(1, 174)).isEqualTo(Relationship.C2P);
        assertThat(rels.relationship(1, 4_200_000)).isEqualTo(Relationship.P2P);
        assertThat(rels.relationship(1, 3356)).isEqualTo(Relationship.NONE);
        assertThat(rels.source(index(rels, 1, 4_200_000))).isEqualTo("mlp");
        assertThatThrownBy(() -> AsRelFiles.read(new StringReader("1|2|1\n")))
                .hasMessageContaining("line 1").hasMessageContaining("neither -1");
        assertThatThrownBy(() -> AsRelFiles.read(new StringReader("# x\n1|two|0\n"))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> AsRelFiles.read(new StringReader("1|2|0\n2|1|-1\n")))
                .hasMessageContaining("two relationships");
    }

    @Test
    void conesFileRoundTrip() throws Exception {
        PathSet paths = topology().pathSet(VANTAGE_POINTS, 4);
        AsRelationships rels = AsRelInference.infer(paths).relationships();
        CustomerCones cones = CustomerCones.providerPeerObserved(paths, rels);
        StringWriter out = new StringWriter();
        AsRelFiles.writeCones(cones, out, List.of("provider-peer observed customer cones"));
        String text = out.toString();
        assertThat(text).contains("\n100 1000 1001 1002 1003 1100 4001\n").contains("\n1000\n");
        CustomerCones back = AsRelFiles.readCones(new StringReader(text));
        assertThat(back.count()).isEqualTo(cones.count());
        for (long as : rels.ases()) assertThat(back.members(as)).containsExactly(cones.members(as));
        // A cone AS listed among its own members (as some files do) is the same cone.
        CustomerCones self = AsRelFiles.readCones(new StringReader("7 7 8 9\n"));
        assertThat(self.members(7)).containsExactly(8, 9);
        assertThat(self.size(7)).isEqualTo(3);
        assertThat(CustomerCones.of(Map.of(7L, new long[] {9, 8, 8})).members(7)).containsExactly(8, 9);
    }

    @Test
    void sanitising() {
        PathSanitizer s = new PathSanitizer(java.util.Set.of(6695L));
        int[] out = new int[64];
        assertThat(clean(s, out, 10, 10, 20, 20, 20, 30)).containsExactly(10, 20, 30);
        assertThat(s.prependsRemoved()).isEqualTo(3);
        assertThat(clean(s, out, 10, 6695, 20)).containsExactly(10, 20);
        assertThat(clean(s, out, 10, 20, 30, 20)).isNull();
        assertThat(s.lastVerdict()).isEqualTo(PathSanitizer.Verdict.LOOP);
        assertThat(clean(s, out, 10, 64512, 30)).isNull();
        assertThat(s.lastVerdict()).isEqualTo(PathSanitizer.Verdict.BOGON);
        assertThat(clean(s, out, 10, 20, (int) 4_200_000_001L)).isNull();
        assertThat(clean(s, out, 10, 23456, 30)).isNull();
        assertThat(clean(s, out, 64496, 30)).isNull();
        assertThat(clean(s, out, 0, 30)).isNull();
        assertThat(clean(s, out, 10, 10)).isNull();
        assertThat(s.lastVerdict()).isEqualTo(PathSanitizer.Verdict.TOO_SHORT);
        assertThat(clean(s, out, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 3)).isNull();
        assertThat(s.lastVerdict()).isEqualTo(PathSanitizer.Verdict.LOOP);
        assertThat(clean(s, out, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)).hasSize(19);
        // 4-octet AS numbers beyond 2^31 that are not private stay.
        assertThat(clean(s, out, 10, (int) 3_000_000_000L)).containsExactly(10, (int) 3_000_000_000L);

        int n = s.sanitize(List.of(AsPathSegment.sequence(10, 20), AsPathSegment.set(30, 40)), out);
        assertThat(n).isNegative();
        assertThat(s.lastVerdict()).isEqualTo(PathSanitizer.Verdict.AS_SET);
        n = s.sanitize(List.of(new AsPathSegment(org.peerage.bgp.wire.attr.SegmentType.AS_CONFED_SEQUENCE,
                new int[] {65001}), AsPathSegment.sequence(10, 10, 20)), out);
        assertThat(n).isEqualTo(2);
        assertThat(s.count(PathSanitizer.Verdict.KEPT)).isEqualTo(5);
    }

    private static int[] clean(PathSanitizer s, int[] out, int... path) {
        int n = s.sanitize(path, path.length, out);
        return n < 0 ? null : java.util.Arrays.copyOf(out, n);
    }

    @Test
    void pathSetKeepsEachPathOnce() {
        PathSet set = new PathSet();
        assertThat(set.add(true, 10, 20, 30)).isTrue();
        assertThat(set.add(false, 10, 20, 30)).isFalse();
        assertThat(set.add(false, 10, 20)).isTrue();
        for (int i = 0; i < 10_000; i++) set.add(false, 1, 2 + i, 3 + i);
        assertThat(set.size()).isEqualTo(10_002);
        assertThat(set.offered()).isEqualTo(10_003);
        assertThat(set.asn(1, 1)).isEqualTo(20);
        assertThat(set.length(2)).isEqualTo(3);
        assertThat(set.add(false, 1, 2, 3)).isFalse();
    }
}
