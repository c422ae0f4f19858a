package org.peerage.policy.rtr.pdu;

/** Outcome of decoding one PDU from a byte stream: wait for more bytes, a PDU, or a malformed PDU. */
public sealed interface PduResult {

    /** The buffer holds no complete PDU yet; at least {@code missing} more bytes are needed. */
    record NeedMore(int missing) implements PduResult {
    }

    /** A PDU of {@code length} bytes, header included. */
    record Decoded(Pdu pdu, int length) implements PduResult {
    }

    /**
     * The bytes are not a PDU the router can accept. {@code code} and {@code reason} are what the Error Report sent
     * back says; {@code pdu} is the offending PDU as far as it had arrived (at least its header), to encapsulate.
     */
    record Malformed(ErrorCode code, String reason, byte[] pdu) implements PduResult {
        public Malformed {
            pdu = pdu.clone();
        }

        @Override
        public byte[] pdu() {
            return pdu.clone();
        }
    }
}
