package org.peerage.planner.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Longest-prefix match over IPv6. Prefixes up to /64 (all of a DFZ table but a handful) become disjoint ranges of
 * the upper 64 bits, each with the route of its longest covering prefix: a binary search in primitive arrays,
 * narrowed by a 65,536-entry index on the top 16 bits and, in the /16s that hold many ranges (2001::/16,
 * 2a00::/16...), a 256-entry index on the next 8 bits. Longer prefixes are looked up first by exact match per length
 * (there are few). Read-only once built.
 */
public final class Lpm6 {
    private final long[] starts; // sign-flipped, so that signed comparison orders them as unsigned
    private final int[] owners;
    private final int[] firstOfTop16; // 65,537 entries
    private final int[] secondLevel; // per /16: the block of its 257-entry index on bits 16-23, or -1
    private final int[] firstOfNext8; // blocks of 257 entries
    private final int[] longLengths; // lengths > 64 present, longest first
    private final Map<Long128, Integer> longPrefixes;

    private record Long128(long hi, long lo, int length) {
    }

    private Lpm6(long[] starts, int[] owners, int[] firstOfTop16, int[] secondLevel, int[] firstOfNext8,
                 int[] longLengths, Map<Long128, Integer> longs) {
        this.starts = starts;
        this.owners = owners;
        this.firstOfTop16 = firstOfTop16;
        this.secondLevel = secondLevel;
        this.firstOfNext8 = firstOfNext8;
        this.longLengths = longLengths;
        this.longPrefixes = longs;
    }

    public int lookup(long hi, long lo) {
        if (longLengths.length > 0) {
            for (int length : longLengths) {
                long mask = length == 128 ? -1L : ~(-1L >>> (length - 64));
                Integer r = longPrefixes.get(new Long128(hi, lo & mask, length));
                if (r != null) {
                    return r;
                }
            }
        }
        int top = (int) (hi >>> 48);
        int first = firstOfTop16[top];
        int after = firstOfTop16[top + 1];
        int block = secondLevel[top];
        if (block >= 0) {
            int next8 = block + (int) ((hi >>> 40) & 0xFF);
            first = firstOfNext8[next8];
            after = firstOfNext8[next8 + 1];
        }
        int from = Math.max(first - 1, 0);
        int to = after - 1; // the answer, the last range starting at or below the address, lies in [from, to]
        long key = hi ^ Long.MIN_VALUE;
        if (to < 0 || starts[from] > key) {
            return -1;
        }
        while (from < to) {
            int mid = (from + to + 1) >>> 1;
            if (starts[mid] <= key) {
                from = mid;
            } else {
                to = mid - 1;
            }
        }
        return owners[from];
    }

    public static final class Builder {
        /** A /16 with more ranges than this gets a second index level. */
        private static final int SECOND_LEVEL_ABOVE = 16;
        private final List<long[]> prefixes = new ArrayList<>(); // {hi, lo, length, route, order}

        public void add(long hi, long lo, int length, int route) {
            if (length < 0 || length > 128) {
                throw new IllegalArgumentException("IPv6 prefix length " + length);
            }
            long maskHi = length >= 64 ? -1L : length == 0 ? 0 : ~(-1L >>> length);
            long maskLo = length <= 64 ? 0 : length == 128 ? -1L : ~(-1L >>> (length - 64));
            prefixes.add(new long[] {hi & maskHi, lo & maskLo, length, route, prefixes.size()});
        }

        public Lpm6 build() {
            Map<Long128, Integer> longs = new HashMap<>();
            List<long[]> short64 = new ArrayList<>();
            for (long[] p : prefixes) {
                if (p[2] > 64) {
                    longs.put(new Long128(p[0], p[1], (int) p[2]), (int) p[3]);
                } else {
                    short64.add(p);
                }
            }
            int[] longLengths = longs.keySet().stream().mapToInt(Long128::length).distinct()
                    .map(x -> -x).sorted().map(x -> -x).toArray();
            // Containing prefixes before contained ones: by start, then shorter first, then later-added last.
            short64.sort((a, b) -> {
                int c = Long.compareUnsigned(a[0], b[0]);
                if (c != 0) return c;
                c = Long.compare(a[2], b[2]);
                return c != 0 ? c : Long.compare(a[4], b[4]);
            });
            Ranges r = new Ranges();
            long[] stackEnd = new long[65];
            int[] stackRoute = new int[65];
            int depth = 0;
            for (long[] p : short64) {
                long start = p[0];
                long end = p[2] == 0 ? -1L : p[2] == 64 ? start : start | (-1L >>> p[2]);
                while (depth > 0 && Long.compareUnsigned(stackEnd[depth - 1], start) < 0) {
                    long closed = stackEnd[--depth];
                    if (closed != -1L) {
                        r.emit(closed + 1, depth > 0 ? stackRoute[depth - 1] : -1);
                    }
                }
                r.emit(start, (int) p[3]);
                if (depth > 0 && stackEnd[depth - 1] == end) {
                    stackRoute[depth - 1] = (int) p[3]; // the same prefix again: the later one wins
                } else {
                    stackEnd[depth] = end;
                    stackRoute[depth] = (int) p[3];
                    depth++;
                }
            }
            while (depth > 0) {
                long closed = stackEnd[--depth];
                if (closed != -1L) {
                    r.emit(closed + 1, depth > 0 ? stackRoute[depth - 1] : -1);
                }
            }
            long[] starts = Arrays.copyOf(r.starts, r.size);
            for (int i = 0; i < starts.length; i++) {
                starts[i] ^= Long.MIN_VALUE;
            }
            int[] first = new int[65537];
            int k = 0;
            for (int top = 0; top <= 65536; top++) {
                while (k < r.size && (top == 65536 || (r.starts[k] >>> 48) < top)) {
                    k++;
                }
                first[top] = k;
            }
            int[] second = new int[65536];
            Arrays.fill(second, -1);
            int[] next8 = new int[0];
            int blocks = 0;
            for (int top = 0; top < 65536; top++) {
                if (first[top + 1] - first[top] <= SECOND_LEVEL_ABOVE) {
                    continue;
                }
                next8 = Arrays.copyOf(next8, (blocks + 1) * 257);
                int base = blocks++ * 257;
                second[top] = base;
                int j = first[top];
                for (int b8 = 0; b8 <= 256; b8++) {
                    while (j < first[top + 1] && (b8 == 256 || ((r.starts[j] >>> 40) & 0xFF) < b8)) {
                        j++;
                    }
                    next8[base + b8] = j;
                }
            }
            return new Lpm6(starts, Arrays.copyOf(r.owners, r.size), first, second, next8, longLengths, longs);
        }
    }

    /** Range starts (unsigned order) and their routes; a start equal to the previous one replaces it. */
    private static final class Ranges {
        long[] starts = new long[1024];
        int[] owners = new int[1024];
        int size;

        void emit(long start, int owner) {
            if (size > 0 && starts[size - 1] == start) {
                owners[size - 1] = owner;
                return;
            }
            if (size > 0 && owners[size - 1] == owner) {
                return; // same route continues
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                owners = Arrays.copyOf(owners, size * 2);
            }
            starts[size] = start;
            owners[size] = owner;
            size++;
        }
    }
}
