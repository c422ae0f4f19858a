package org.peerage.planner.routing;

import java.util.Arrays;

/**
 * Longest-prefix match over IPv4 in DIR-24-8 form (Gupta, Lin, McKeown 1998): one 2^24-entry array indexed by the
 * top 24 bits gives the route of every /24 or shorter prefix in one memory access; a /25 to /32 turns its /24 slot
 * into a pointer to a 256-entry chunk. 64 MiB plus 1 KiB per /24 holding longer prefixes, built once, read-only
 * afterwards (safe to share between threads).
 */
public final class Lpm4 {
    private final int[] top;
    private final int[] chunks;

    private Lpm4(int[] top, int[] chunks) {
        this.top = top;
        this.chunks = chunks;
    }

    /** The route id whose prefix is the longest to contain {@code address}, or -1. */
    public int lookup(int address) {
        int e = top[address >>> 8];
        if (e >= 0) {
            return e - 1;
        }
        return chunks[((~e) << 8) | (address & 0xFF)] - 1;
    }

    /** Chunks of 256 entries used by prefixes longer than /24. */
    public int chunkCount() {
        return chunks.length >>> 8;
    }

    /** Collects prefixes in any order; {@link #build()} paints them shortest first. */
    public static final class Builder {
        private int[] addresses = new int[1024];
        private int[] lengths = new int[1024];
        private int[] routes = new int[1024];
        private int size;

        /** Adds a prefix (host bits ignored); of two adds of the same prefix the later wins. */
        public void add(int address, int length, int route) {
            if (length < 0 || length > 32) {
                throw new IllegalArgumentException("IPv4 prefix length " + length);
            }
            if (size == addresses.length) {
                addresses = Arrays.copyOf(addresses, size * 2);
                lengths = Arrays.copyOf(lengths, size * 2);
                routes = Arrays.copyOf(routes, size * 2);
            }
            addresses[size] = length == 0 ? 0 : address & (-1 << (32 - length));
            lengths[size] = length;
            routes[size] = route;
            size++;
        }

        public Lpm4 build() {
            // Painted by length, then in the order added: longer prefixes overwrite the ranges of shorter ones.
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = ((long) lengths[i] << 32) | i;
            }
            Arrays.sort(order);
            int[] top = new int[1 << 24];
            int[] chunks = new int[256 * 16];
            int chunkCount = 0;
            for (long key : order) {
                int i = (int) key;
                int length = lengths[i];
                int address = addresses[i];
                int value = routes[i] + 1;
                if (length <= 24) {
                    int from = address >>> 8;
                    Arrays.fill(top, from, from + (1 << (24 - length)), value);
                    continue;
                }
                int slot = address >>> 8;
                int e = top[slot];
                int chunk;
                if (e >= 0) {
                    chunk = chunkCount++;
                    if ((chunkCount << 8) > chunks.length) {
                        chunks = Arrays.copyOf(chunks, chunks.length * 2);
                    }
                    Arrays.fill(chunks, chunk << 8, (chunk + 1) << 8, e);
                    top[slot] = ~chunk;
                } else {
                    chunk = ~e;
                }
                int from = (chunk << 8) | (address & 0xFF);
                Arrays.fill(chunks, from, from + (1 << (32 - length)), value);
            }
            return new Lpm4(top, Arrays.copyOf(chunks, chunkCount << 8));
        }
    }
}
