package org.peerage.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;

class PrefixIndexTest {

    record Op(boolean add, Prefix prefix) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        // A small address space, so that adds and removes meet the same prefixes often.
        Arbitrary<Prefix> prefixes = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(16, 24), Arbitraries.of(false, true)).as((n, len, v6) -> v6
                ? Prefix.parse(String.format("2001:db8:%x::/%d", n, len + 24))
                : Prefix.parse(String.format("10.%d.0.0/%d", n, len)));
        return Combinators.combine(Arbitraries.of(true, true, false), prefixes).as(Op::new).list().ofMaxSize(3000);
    }

    @Property(tries = 50)
    void behavesLikeAMapFromPrefixToSlot(@ForAll("operations") List<Op> ops) {
        PrefixIndex index = new PrefixIndex();
        Map<Prefix, Integer> model = new HashMap<>();
        for (Op op : ops) {
            if (op.add()) {
                int slot = index.add(op.prefix());
                Integer before = model.putIfAbsent(op.prefix(), slot);
                if (before != null) assertThat(slot).isEqualTo(before);
            } else {
                Integer before = model.remove(op.prefix());
                assertThat(index.remove(op.prefix())).isEqualTo(before == null ? -1 : before);
            }
        }
        assertThat(index.size()).isEqualTo(model.size());
        for (var e : model.entrySet()) {
            assertThat(index.get(e.getKey())).isEqualTo(e.getValue());
            assertThat(index.prefix(e.getValue())).isEqualTo(e.getKey());
        }
        assertThat(model.values()).doesNotHaveDuplicates();
    }

    @Test
    void hostBitsDoNotMakeADifferentPrefix() {
        PrefixIndex index = new PrefixIndex();
        int slot = index.add(Prefix.of(false, 8, new byte[] {10}));
        assertThat(index.get(Prefix.parse("10.0.0.0/8"))).isEqualTo(slot);
        byte[] withHostBits = {(byte) 0x20, 0x01, 0x0d, (byte) 0xb8, (byte) 0xff};
        int v6 = index.add(Prefix.of(true, 33, withHostBits));
        assertThat(index.get(Prefix.parse("2001:db8:8000::/33"))).isEqualTo(v6);
        assertThat(index.get(Prefix.parse("10.0.0.0/9"))).isEqualTo(-1);
    }

    @Test
    void growsPastItsInitialCapacity() {
        PrefixIndex index = new PrefixIndex();
        for (int i = 0; i < 100_000; i++) {
            index.add(Prefix.parse(String.format("%d.%d.%d.0/24", 1 + i / 65536, (i / 256) % 256, i % 256)));
        }
        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.get(Prefix.parse("2.134.159.0/24"))).isEqualTo(99_999);
    }
}
