package org.peerage.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SlotSetTest {
    @Test
    void pollsInOrderFromTheCursorAndWraps() {
        SlotSet s = new SlotSet();
        s.add(5);
        s.add(700);
        s.add(63);
        assertThat(s.add(63)).as("a slot is held once").isFalse();
        assertThat(s.poll()).isEqualTo(5);
        s.add(1);
        assertThat(s.poll()).isEqualTo(63);
        assertThat(s.poll()).isEqualTo(700);
        assertThat(s.poll()).as("wraps to the start").isEqualTo(1);
        assertThat(s.poll()).isEqualTo(-1);
        assertThat(s.isEmpty()).isTrue();
    }

    @Property
    void pollsEverySlotAddedExactlyOnce(@ForAll @Size(max = 200) List<@IntRange(max = 5000) Integer> slots) {
        SlotSet s = new SlotSet();
        slots.forEach(s::add);
        List<Integer> out = new ArrayList<>();
        for (int x = s.poll(); x >= 0; x = s.poll()) out.add(x);
        assertThat(out).containsExactlyElementsOf(new TreeSet<>(slots));
        assertThat(s.size()).isZero();
    }
}
