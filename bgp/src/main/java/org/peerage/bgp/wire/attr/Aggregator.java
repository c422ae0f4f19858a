package org.peerage.bgp.wire.attr;

import org.peerage.bgp.wire.InetText;

/** AGGREGATOR (RFC 4271 §5.1.7): AS (2 or 4 octets by session) and IPv4 address. */
public record Aggregator(int flags, long asn, int address) implements PathAttribute {
    public Aggregator {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AGGREGATOR AS " + asn);
        }
    }

    public static Aggregator of(long asn, int address) {
        return new Aggregator(AttributeType.AGGREGATOR.category().flags(), asn, address);
    }

    @Override
    public int typeCode() {
        return AttributeType.AGGREGATOR.code();
    }

    @Override
    public String toString() {
        return asn + " " + InetText.formatIpv4(address);
    }
}
