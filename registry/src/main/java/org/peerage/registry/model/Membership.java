package org.peerage.registry.model;

import java.util.List;

/**
 * A network's port on an exchange LAN (netixlan): its addresses, speed in Mbps, and whether it peers with the
 * route servers. {@code sources} lists where it is known from; a port both PeeringDB and the IXP's IX-F export
 * list (same AS and addresses) appears once, with PeeringDB's values.
 */
public record Membership(long id, List<String> sources, long exchangeId, String exchangeName, long ixlanId, long asn,
        String networkName, String ipv4, String ipv6, Boolean routeServerPeer, Long speedMbps, Boolean operational) {
    public Membership {
        sources = List.copyOf(sources);
    }

    /** Below 1 Gbps: a port a layer-2 reseller sells as a fraction of its own (IMC 2018). */
    public boolean isFractional() {
        return speedMbps != null && speedMbps > 0 && speedMbps < 1000;
    }
}
