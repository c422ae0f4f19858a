package org.peerage.routeserver.config;

import java.net.InetAddress;
import java.util.List;

/**
 * One route-server client (arouteserver's names where they exist): one BGP session per address.
 *
 * @param password          TCP MD5 password, or null
 * @param passive           wait for the client to connect (arouteserver's default), rather than connecting out too
 * @param port              the client's BGP port when connecting out (179)
 * @param addPath           send every allowed path with ADD-PATH (RFC 7911), if the client also negotiates it
 * @param extendedNextHop   offer IPv4 routes with IPv6 next hops (RFC 8950)
 * @param announceBlackholes send this client blackhole routes (RFC 7999)
 * @param gracefulShutdown  honour GRACEFUL_SHUTDOWN (RFC 8326) on this client's routes
 */
public record ClientConfig(long asn, List<InetAddress> ips, String description, String password, boolean passive,
                           int port, int holdTime, boolean gtsm, boolean addPath, boolean extendedNextHop,
                           boolean announceBlackholes, boolean gracefulShutdown, FilterSettings filters) {
    public ClientConfig {
        ips = List.copyOf(ips);
    }

    /** Name used in logs and the looking glass: AS and description. */
    public String label() {
        return "AS" + asn + (description == null || description.isEmpty() ? "" : " (" + description + ")");
    }
}
