package org.peerage.rib;

import java.util.Arrays;

/**
 * A set of prefix slots as a bitset, taken out in ascending order from a moving cursor: a receiver's pending work,
 * so that repeated changes to one prefix while the receiver cannot keep up cost one bit, not a queue entry.
 */
public final class SlotSet {
    private long[] words = new long[16];
    private int size;
    private int cursor;

    public boolean add(int slot) {
        int w = slot >>> 6;
        if (w >= words.length) {
            // A quarter more, not double: a set per receiver, and with a hundred receivers the slack adds up.
            words = Arrays.copyOf(words, Math.max(w + 1, words.length + (words.length >> 2) + 16));
        }
        long bit = 1L << slot;
        if ((words[w] & bit) != 0) return false;
        words[w] |= bit;
        size++;
        return true;
    }

    public void addAll(int[] slots) {
        for (int s : slots) add(s);
    }

    /** Adds every slot below {@code limit}. */
    public void addRange(int limit) {
        for (int s = 0; s < limit; s++) add(s);
    }

    public boolean contains(int slot) {
        int w = slot >>> 6;
        return w < words.length && (words[w] & 1L << slot) != 0;
    }

    /** Removes and returns the next slot at or after the cursor (wrapping), or -1 when empty. */
    public int poll() {
        if (size == 0) return -1;
        int w = cursor >>> 6;
        long masked = w < words.length ? words[w] & (-1L << cursor) : 0;
        while (masked == 0) {
            w = w + 1 >= words.length ? 0 : w + 1;
            masked = words[w];
        }
        int slot = (w << 6) + Long.numberOfTrailingZeros(masked);
        words[w] &= ~(1L << slot);
        size--;
        cursor = slot + 1;
        return slot;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        Arrays.fill(words, 0);
        size = 0;
        cursor = 0;
    }
}
