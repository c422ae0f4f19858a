package org.peerage.routeserver;

import java.util.List;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.filter.RejectReason;

/**
 * One path as a looking glass lists it.
 *
 * @param fromId      the announcing session's id ({@link ClientView#id()})
 * @param rejected    the import check that refused it, or null when accepted
 * @param rpki        valid, not-found, invalid or not-checked
 * @param primary     the best accepted path of its prefix
 * @param sinceMillis when the announcing session came up (paths carry no timestamp of their own, to stay small)
 */
public record RouteEntry(Prefix prefix, String fromId, long fromAs, String fromAddress,
                         List<PathAttribute> attributes, RejectReason rejected, String rpki, boolean blackhole,
                         boolean primary, long sinceMillis) {
}
