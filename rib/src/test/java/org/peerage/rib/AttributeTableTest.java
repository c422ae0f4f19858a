package org.peerage.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

class AttributeTableTest {
    private static List<PathAttribute> attrs(long med, long... path) {
        return List.of(Origin.of(Origin.EGP), AsPath.of(List.of(AsPathSegment.sequence(path),
                AsPathSegment.set(7, 8))), NextHop.of(0x0A000001), MultiExitDisc.of(med), Communities.of(1, 2));
    }

    /**
     * Interning and releasing at random against a plain map of content to id and count: a held set keeps its id
     * and is found by content through growth and the shifting of removals, a released one is gone.
     */
    @Test
    void holdsWhatAMapWouldThroughGrowthAndRemovals() {
        AttributeTable t = new AttributeTable();
        java.util.Map<Long, Integer> ids = new java.util.HashMap<>();
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(4271);
        for (int step = 0; step < 200_000; step++) {
            long med = random.nextInt(step < 100_000 ? 6_000 : 300);
            Integer held = counts.get(med);
            if (held != null && random.nextInt(3) == 0) {
                t.release(ids.get(med));
                if (held == 1) {
                    counts.remove(med);
                    ids.remove(med);
                } else {
                    counts.put(med, held - 1);
                }
                continue;
            }
            int id = t.intern(attrs(med, 64601, 3356));
            if (held != null) assertThat(id).as("med %d is held under its id", med).isEqualTo(ids.get(med));
            ids.put(med, id);
            counts.merge(med, 1, Integer::sum);
        }
        assertThat(t.size()).isEqualTo(ids.size());
        ids.forEach((med, id) -> {
            assertThat(t.references(id)).isEqualTo(counts.get(med));
            assertThat(t.attributes(id)).isEqualTo(attrs(med, 64601, 3356));
        });
    }

    @Test
    void equalSetsShareOneIdAndTheirReferencesAreCounted() {
        AttributeTable t = new AttributeTable();
        int a = t.intern(attrs(5, 64601, 3356));
        int b = t.intern(attrs(5, 64601, 3356));
        int c = t.intern(attrs(6, 64601, 3356));
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.references(a)).isEqualTo(2);
        t.release(a);
        assertThat(t.size()).isEqualTo(2);
        t.release(a);
        assertThat(t.size()).isEqualTo(1);
        // The freed id is reused for the next new set, and the old content is no longer found under it.
        int serialBefore = t.serial(a);
        int d = t.intern(attrs(9, 1));
        assertThat(d).isEqualTo(a);
        assertThat(t.serial(d)).as("a reused id tells caches it holds another set").isNotEqualTo(serialBefore);
        assertThat(t.attributes(d)).isEqualTo(attrs(9, 1));
        assertThat(t.intern(attrs(5, 64601, 3356))).isNotEqualTo(a);
    }

    @Test
    void decisionFieldsAreReadOnceFromTheAttributes() {
        AttributeTable t = new AttributeTable();
        int id = t.intern(attrs(70, 64601, 3356, 15169));
        assertThat(t.pathLength(id)).isEqualTo(4); // three in sequence, the set counts one
        assertThat(t.origin(id)).isEqualTo(Origin.EGP);
        assertThat(t.med(id)).isEqualTo(70);
        
        assertThat(t.neighborAs(id)).isEqualTo(64601);
        int bare = t.intern(List.of());
        assertThat(t.origin(bare)).isEqualTo(Origin.INCOMPLETE);
        assertThat(t.med(bare)).isZero();
    }
}
