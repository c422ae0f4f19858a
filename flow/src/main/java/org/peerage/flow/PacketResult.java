package org.peerage.flow;

/**
 * What decoding one export datagram gave: decoders report damage as a value, never as an exception. Records from
 * the parts of a damaged datagram before the damage are kept (and counted in {@link Malformed#records()}).
 */
public sealed interface PacketResult {

    FlowProtocol protocol();

    /** Flow records appended to the batch. */
    int records();

    /**
     * A datagram decoded whole.
     *
     * @param templates        templates and options templates learnt or withdrawn
     * @param optionRecords    options data records (sampling rates, system init time) applied
     * @param waitingTemplate  data sets skipped because their template is not known (yet)
     * @param skipped          samples or records of kinds the collector does not use (sFlow counter samples)
     * @param lost             the sequence gap before this datagram: records for NetFlow v5 and IPFIX, datagrams
     *                         for NetFlow v9 and sFlow; 0 on the first datagram or after a restart
     */
    record Decoded(FlowProtocol protocol, int records, int templates, int optionRecords, int waitingTemplate,
                   int skipped, long lost) implements PacketResult {
    }

    /**
     * A damaged datagram.
     *
     * @param protocol null when the version is unknown
     * @param offset   byte offset of the damage in the datagram
     */
    record Malformed(FlowProtocol protocol, Malformation reason, int offset, String detail, int records)
            implements PacketResult {
        @Override
        public String toString() {
            return reason.text() + " at byte " + offset + (detail.isEmpty() ? "" : ": " + detail);
        }
    }
}
