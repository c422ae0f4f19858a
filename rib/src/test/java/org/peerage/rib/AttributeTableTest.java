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
