package org.peerage.bgp.wire.attr;

import org.peerage.bgp.wire.InetText;

/** NEXT_HOP (RFC 4271 §5.1.3): an IPv4 address held as an int. */
public record NextHop(int flags, int address) implements PathAttribute {
    public static NextHop of(int address) {
        return new NextHop(AttributeType.NEXT_HOP.category().flags(), address);
    }

    @Override
    public int typeCode() {
        return AttributeType.NEXT_HOP.code();
    }

    @Override
    public String toString() {
        return InetText.formatIpv4(address);
    }
}
