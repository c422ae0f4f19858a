package org.peerage.bgp.wire.attr;

/** Only to Customer, OTC (RFC 9234 §5): the AS that first marked the route for customers only. */
public record OnlyToCustomer(int flags, long asn) implements PathAttribute {
    public OnlyToCustomer {
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("OTC AS " + asn);
        }
    }

    public static OnlyToCustomer of(long asn) {
        return new OnlyToCustomer(AttributeType.ONLY_TO_CUSTOMER.category().flags(), asn);
    }

    @Override
    public int typeCode() {
        return AttributeType.ONLY_TO_CUSTOMER.code();
    }
}
