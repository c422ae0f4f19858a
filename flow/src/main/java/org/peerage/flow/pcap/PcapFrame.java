package org.peerage.flow.pcap;

/**
 * One captured frame.
 *
 * @param timestampNanos capture time, nanoseconds since the epoch
 * @param linkType       LINKTYPE_ code of the interface it was captured on
 * @param data           the captured bytes (possibly fewer than {@code originalLength})
 * @param offset         byte offset of the frame's record in the (decompressed) capture file
 */
public record PcapFrame(long timestampNanos, int linkType, byte[] data, int originalLength, long offset) {
}
