package org.peerage.routeserver.export;

import org.peerage.bgp.wire.attr.Communities;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * What export decisions read of an attribute set, computed once per set: its control communities, the RFC 1997
 * well-known communities on it, and whether its next hop is IPv6 (an IPv4 route then needs RFC 8950 at the
 * receiver). Sets without control communities share one of eight instances.
 */
public record AttributeInfo(ExportControl control, boolean noExport, boolean noAdvertise, boolean ipv6NextHop) {
    private static final AttributeInfo[] PLAIN = new AttributeInfo[8];

    static {
        for (int i = 0; i < PLAIN.length; i++) {
            PLAIN[i] = new AttributeInfo(ExportControl.PLAIN, (i & 1) != 0, (i & 2) != 0, (i & 4) != 0);
        }
    }

    public static AttributeInfo of(RouteFacts f, long rsAsn) {
        ExportControl control = ExportControl.of(f, rsAsn);
        boolean noExport = f.hasCommunity(Communities.NO_EXPORT);
        boolean noAdvertise = f.hasCommunity(Communities.NO_ADVERTISE);
        boolean ipv6NextHop = f.nextHop() != null && f.nextHop().length == 16;
        if (control.isPlain()) return PLAIN[(noExport ? 1 : 0) | (noAdvertise ? 2 : 0) | (ipv6NextHop ? 4 : 0)];
        return new AttributeInfo(control, noExport, noAdvertise, ipv6NextHop);
    }
}
