package org.peerage.planner.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LongLongMapTest {
    static Map<Long, Long> contents(LongLongMap m) {
        Map<Long, Long> out = new HashMap<>();
        m.forEach(out::put);
        return out;
    }

    /** Block adds equal one-at-a-time adds, also when the map grows in the middle of a block. */
    @Property(tries = 200)
    void addAllEqualsAddOneAtATime(@ForAll long seed, @ForAll @IntRange(min = 0, max = 20_000) int n,
            @ForAll @IntRange(min = 1, max = 100_000) int distinct, @ForAll @IntRange(min = 1, max = 64) int expected) {
        Random r = new Random(seed);
        long[] keys = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = r.nextInt(distinct) * 0x1_0000_0001L; // spread over the key bits, never EMPTY
            values[i] = r.nextInt(3) == 0 ? 0 : r.nextLong();
        }
        LongLongMap one = new LongLongMap(expected);
        Map<Long, Long> plain = new HashMap<>();
        for (int i = 0; i < n; i++) {
            one.add(keys[i], values[i]);
            plain.merge(keys[i], values[i], Long::sum);
        }
        LongLongMap block = new LongLongMap(expected);
        int cut = n == 0 ? 0 : r.nextInt(n + 1);
        block.addAll(keys, values, cut);
        long[] restKeys = java.util.Arrays.copyOfRange(keys, cut, n);
        long[] restValues = java.util.Arrays.copyOfRange(values, cut, n);
        block.addAll(restKeys, restValues, restKeys.length);
        assertThat(contents(one)).isEqualTo(plain);
        assertThat(contents(block)).isEqualTo(plain);
        assertThat(block.size()).isEqualTo(plain.size());
        for (Map.Entry<Long, Long> e : plain.entrySet()) {
            assertThat(block.get(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
