package org.peerage.bgp.wire.attr;

import org.peerage.bgp.wire.InetText;

/** AS4_AGGREGATOR (RFC 6793 §3): the true 4-octet aggregator AS beside an AGGREGATOR holding AS_TRANS. */
public record As4Aggregator(int flags, long asn, int address) implements PathAttribute {
    public As4Aggregator {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS4_AGGREGATOR AS " + asn);
        }
    }

    public static As4Aggregator of(long asn, int address) {
        return new As4Aggregator(AttributeType.AS4_AGGREGATOR.category().flags(), asn, address);
    }

    @Override
    public int typeCode() {
        return AttributeType.AS4_AGGREGATOR.code();
    }

    @Override
    public String toString() {
        return asn + " " + InetText.formatIpv4(address);
    }
}
