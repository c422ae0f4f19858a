package org.peerage.routeserver;

import java.net.InetSocketAddress;
import java.util.List;

/** A route server's configuration, as loaded and checked by {@link ConfigLoader}. */
public record RouteServerConfig(long asn, int routerId, List<InetSocketAddress> listen, boolean filtersEnabled,
                                List<ClientConfig> clients) {
    public RouteServerConfig {
        listen = List.copyOf(listen);
        clients = List.copyOf(clients);
    }
}
