package org.peerage.registry.model;

import java.util.List;

/**
 * An exchange where both networks have ports. {@code viaRouteServers}: both peer with the exchange's route servers,
 * so they exchange routes there without a bilateral session (unless either filters the other).
 */
public record SharedExchange(Exchange exchange, List<Membership> first, List<Membership> second,
        boolean viaRouteServers) {
    public SharedExchange {
        first = List.copyOf(first);
        second = List.copyOf(second);
    }
}
