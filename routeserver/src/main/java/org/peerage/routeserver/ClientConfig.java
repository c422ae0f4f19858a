package org.peerage.routeserver;

import java.net.InetAddress;
import java.util.List;

/**
 * One route-server client (arouteserver's names where they exist).
 *
 * @param ips      the client's addresses on the peering LAN; one session each
 * @param password TCP MD5 password, or null
 * @param passive  wait for the client to connect (arouteserver's default), rather than connecting out too
 */
public record ClientConfig(long asn, List<InetAddress> ips, String description, String password, boolean passive,
                           int holdTime) {
    public ClientConfig {
        ips = List.copyOf(ips);
    }
}
