package org.peerage.bgp.wire.attr;

import org.peerage.bgp.wire.InetText;

/** ORIGINATOR_ID (RFC 4456 §8): the router ID of the route's originator in the cluster. */
public record OriginatorId(int flags, int id) implements PathAttribute {
    public static OriginatorId of(int id) {
        return new OriginatorId(AttributeType.ORIGINATOR_ID.category().flags(), id);
    }

    @Override
    public int typeCode() {
        return AttributeType.ORIGINATOR_ID.code();
    }

    @Override
    public String toString() {
        return InetText.formatIpv4(id);
    }
}
