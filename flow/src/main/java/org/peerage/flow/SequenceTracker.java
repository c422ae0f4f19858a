package org.peerage.flow;

/**
 * Follows the sequence number of one export stream and tells the gap before each datagram: what the network or the
 * collector's socket lost. A number that goes backwards or jumps by a billion or more is a restart or reordering,
 * not loss, and restarts the count.
 */
public final class SequenceTracker {
    private long expected = -1;

    /**
     * @param sequence  the datagram's 32-bit sequence number
     * @param increment how much the next datagram's number should exceed this one (records or 1); negative when
     *                  not known, so that the next datagram's gap is not counted
     * @return the gap before this datagram, 0 on the first one
     */
    public long observe(long sequence, long increment) {
        long lost = 0;
        if (expected >= 0) {
            long gap = (sequence - expected) & 0xFFFF_FFFFL;
            if (gap < 1 << 30) {
                lost = gap;
            }
        }
        expected = increment < 0 ? -1 : (sequence + increment) & 0xFFFF_FFFFL;
        return lost;
    }

    /** The next datagram's gap cannot be known (part of this one could not be counted). */
    public void forget() {
        expected = -1;
    }
}
