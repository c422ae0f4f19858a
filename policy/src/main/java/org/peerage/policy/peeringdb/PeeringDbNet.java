package org.peerage.policy.peeringdb;

/**
 * The parts of a PeeringDB {@code net} record a route server uses.
 *
 * @param infoPrefixes4        the network's announced IPv4 prefix count (max-prefix guidance); 0 when not given
 * @param neverViaRouteServers the network asks to be reached by bilateral peering only
 * @param irrAsSet             the AS-SET(s) the network registers, as written ("AS-FOO", "RIPE::AS-FOO AS-BAR"), or ""
 */
public record PeeringDbNet(long asn, String name, int infoPrefixes4, int infoPrefixes6, boolean neverViaRouteServers,
                           String irrAsSet) {
}
