package org.peerage.routeserver.export;

import org.peerage.bgp.wire.attr.Communities;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * What export decisions read of an attribute set, computed once per set: its control communities, the RFC 1997
 * well-known communities on it, and whether its next hop is IPv6 (an IPv4 route then needs RFC 8950 at the
 * receiver).
 */
public record AttributeInfo(int serial, ExportControl control, boolean noExport, boolean noAdvertise,
                            boolean ipv6NextHop) {

    public static AttributeInfo of(int serial, RouteFacts f, long rsAsn) {
        return new AttributeInfo(serial, ExportControl.of(f, rsAsn), f.hasCommunity(Communities.NO_EXPORT),
                f.hasCommunity(Communities.NO_ADVERTISE), f.nextHop() != null && f.nextHop().length == 16);
    }
}
