package org.peerage.flow;

/**
 * Follows the sequence number of one export stream and tells the gap before each datagram: what the network or the
 * collector's socket lost. A number that goes backwards or jumps by a billion or more is a restart or reordering,
 * not loss, and restarts the count.
 */
public final class SequenceTracker {
    private long expected = -1;
    private long last = -1;
    private long lastRecords;
    private boolean inclusive;

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

    /**
     * For IPFIX, whose sequence number counts data records: RFC 7011 numbers a message by the records sent before
     * it, some exporters (softflowd) by the records up to and including it. Each exporter is taken at its own
     * convention, recognized from consecutive messages.
     *
     * @param records this message's data records, or negative when not all could be counted
     */
    public long observeRecords(long sequence, long records) {
        long lost = 0;
        if (last >= 0 && records >= 0) {
            long before = (sequence - last - lastRecords) & 0xFFFF_FFFFL;
            long including = (sequence - last - records) & 0xFFFF_FFFFL;
            if (before == 0) {
                inclusive = false;
            } else if (including == 0) {
                inclusive = true;
            }
            long gap = inclusive ? including : before;
            if (gap < 1 << 30) {
                lost = gap;
            }
        }
        last = records < 0 ? -1 : sequence;
        lastRecords = records;
        return lost;
    }

    /** The next datagram's gap cannot be known (part of this one could not be counted). */
    public void forget() {
        expected = -1;
        last = -1;
    }
}
