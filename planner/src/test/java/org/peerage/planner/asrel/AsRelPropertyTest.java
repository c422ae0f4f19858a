package org.peerage.planner.asrel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Inference on random three-level hierarchies (four Tier-1s, twelve regionals with two Tier-1 providers each and some
 * peering among them, thirty stubs, a third multihomed, a fifth on a Tier-1), seen from every AS.
 */
class AsRelPropertyTest {
    @Property(tries = 25, seed = "20261201")
    void randomHierarchiesAreRecovered(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        Random r = new Random(seed);
        ValleyFree t = new ValleyFree();
        List<Long> tier1 = List.of(10L, 20L, 30L, 40L);
        for (int i = 0; i < tier1.size(); i++) {
            for (int j = i + 1; j < tier1.size(); j++) t.p2p(tier1.get(i), tier1.get(j));
        }
        List<Long> regional = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long as = 100 + i;
            regional.add(as);
            // Every regional buys from two Tier-1s (one in turn), so Tier-1s have the largest transit degrees,
            // as on the Internet: with regionals out-ranking Tier-1s the clique cannot be seen (the method
            // looks for it among the top ten by transit degree).
            t.p2c(tier1.get(i % 4), as);
            t.p2c(tier1.get((i % 4 + 1 + r.nextInt(3)) % 4), as);
        }
        for (int i = 0; i < 3; i++) {
            long a = regional.get(r.nextInt(12));
            long b = regional.get(r.nextInt(12));
            if (a != b && t.of(a, b) == Relationship.NONE) t.p2p(a, b);
        }
        for (int i = 0; i < 30; i++) {
            long as = 1000 + i;
            long p = r.nextInt(5) == 0 ? tier1.get(r.nextInt(4)) : regional.get(r.nextInt(12));
            t.p2c(p, as);
            long q = regional.get(r.nextInt(12));
            if (r.nextInt(3) == 0 && t.of(q, as) == Relationship.NONE) t.p2c(q, as);
        }
        List<Long> vps = new ArrayList<>(t.rel.keySet());
        AsRelationships rels = AsRelInference.infer(t.pathSet(vps, 3)).relationships();

        assertThat(rels.clique()).containsExactly(10, 20, 30, 40);
        int right = 0;
        int links = 0;
        for (List<Long> link : t.links()) {
            links++;
            Relationship got = rels.relationship(link.get(0), link.get(1));
            if (got == t.of(link.get(0), link.get(1))) right++;
            // A stub's link is never inferred as the stub providing transit.
            if (link.get(1) >= 1000) assertThat(got).isNotEqualTo(Relationship.C2P);
        }
        assertThat((double) right / links).as("share right of %d links", links).isGreaterThanOrEqualTo(0.95);
    }
}
