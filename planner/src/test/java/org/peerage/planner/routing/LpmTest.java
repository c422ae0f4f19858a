package org.peerage.planner.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Both lookup structures against a brute-force longest match over random tables. */
class LpmTest {
    private record P4(int address, int length, int route) {
        boolean contains(int a) {
            return length == 0 || (a >>> (32 - length)) == (address >>> (32 - length));
        }
    }

    private record P6(long hi, long lo, int length, int route) {
        boolean contains(long h, long l) {
            if (length <= 64) {
                return length == 0 || (h >>> (64 - length)) == (hi >>> (64 - length));
            }
            return h == hi && (length == 128 ? l == lo : (l >>> (128 - length)) == (lo >>> (128 - length)));
        }
    }

    private static int brute4(List<P4> table, int a) {
        int best = -1;
        int bestLength = -1;
        for (P4 p : table) {
            if (p.contains(a) && p.length >= bestLength) { // a later equal prefix replaces the earlier
                best = p.route;
                bestLength = p.length;
            }
        }
        return best;
    }

    private static int brute6(List<P6> table, long h, long l) {
        int best = -1;
        int bestLength = -1;
        for (P6 p : table) {
            if (p.contains(h, l) && p.length >= bestLength) {
                best = p.route;
                bestLength = p.length;
            }
        }
        return best;
    }

    @Property(tries = 60)
    void ipv4MatchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int size) {
        Random r = new Random(seed);
        List<P4> table = new ArrayList<>();
        Lpm4.Builder b = new Lpm4.Builder();
        int base = r.nextInt();
        for (int i = 0; i < size; i++) {
            int length = r.nextInt(33);
            // Addresses near one another so that prefixes nest and overlap.
            int address = base ^ (r.nextInt() >>> r.nextInt(32));
            int masked = length == 0 ? 0 : address & (-1 << (32 - length));
            table.add(new P4(masked, length, i));
            b.add(address, length, i);
        }
        Lpm4 lpm = b.build();
        for (int k = 0; k < 2000; k++) {
            int a = k % 2 == 0 ? base ^ (r.nextInt() >>> r.nextInt(32)) : r.nextInt();
            assertThat(lpm.lookup(a)).as("address %08x", a).isEqualTo(brute4(table, a));
        }
    }

    @Property(tries = 60)
    void ipv6MatchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int size) {
        Random r = new Random(seed);
        List<P6> table = new ArrayList<>();
        Lpm6.Builder b = new Lpm6.Builder();
        long baseHi = r.nextLong();
        long baseLo = r.nextLong();
        for (int i = 0; i < size; i++) {
            int length = r.nextInt(10) == 0 ? 65 + r.nextInt(64) : r.nextInt(65);
            long hi = baseHi ^ (r.nextLong() >>> r.nextInt(64));
            long lo = baseLo ^ (r.nextLong() >>> r.nextInt(64));
            long mh = length >= 64 ? -1L : length == 0 ? 0 : ~(-1L >>> length);
            long ml = length <= 64 ? 0 : length == 128 ? -1L : ~(-1L >>> (length - 64));
            table.add(new P6(hi & mh, lo & ml, length, i));
            b.add(hi, lo, length, i);
        }
        Lpm6 lpm = b.build();
        for (int k = 0; k < 2000; k++) {
            P6 near = table.get(r.nextInt(table.size()));
            long h = k % 3 == 0 ? r.nextLong() : near.hi() ^ (r.nextLong() >>> (1 + r.nextInt(63)));
            long l = k % 3 == 2 ? near.lo() : r.nextLong();
            assertThat(lpm.lookup(h, l)).as("address %016x%016x", h, l).isEqualTo(brute6(table, h, l));
        }
    }

    @Test
    void edges() {
        Lpm4.Builder b = new Lpm4.Builder();
        b.add(0, 0, 7);
        b.add(0x0A000000, 8, 1);
        b.add(0x0A010203, 32, 2);
        b.add(0xFFFFFFFF, 32, 3);
        Lpm4 lpm = b.build();
        assertThat(lpm.lookup(0x0A010203)).isEqualTo(2);
        assertThat(lpm.lookup(0x0A010202)).isEqualTo(1);
        assertThat(lpm.lookup(0x0B000000)).isEqualTo(7);
        assertThat(lpm.lookup(0xFFFFFFFF)).isEqualTo(3);
        assertThat(lpm.lookup(0xFFFFFFFE)).isEqualTo(7);
        assertThat(lpm.chunkCount()).isEqualTo(2);
        assertThat(new Lpm4.Builder().build().lookup(1)).isEqualTo(-1);

        Lpm6.Builder b6 = new Lpm6.Builder();
        b6.add(0x2001_0db8_0000_0000L, 0, 32, 1);
        b6.add(-1L, -1L, 128, 2);
        b6.add(0, 0, 0, 0);
        Lpm6 l6 = b6.build();
        assertThat(l6.lookup(0x2001_0db8_1234_0000L, 5)).isEqualTo(1);
        assertThat(l6.lookup(-1L, -1L)).isEqualTo(2);
        assertThat(l6.lookup(-1L, -2L)).isEqualTo(0);
        assertThat(new Lpm6.Builder().build().lookup(1, 1)).isEqualTo(-1);
    }
}
