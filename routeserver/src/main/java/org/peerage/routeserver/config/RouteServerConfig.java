package org.peerage.routeserver.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.peerage.policy.rtr.RtrCache;

/**
 * A route server's configuration, as loaded and checked by {@link ConfigLoader}.
 *
 * @param source    the file it came from (relative data paths are resolved against its folder)
 * @param vrpFiles  RPKI VRP files (rpki-client or RIPE validator JSON)
 * @param rtrCaches RPKI-to-Router caches (RFC 8210), most preferred first in use; their VRPs join the files'
 * @param irrDumps  RPSL dump files
 * @param peeringDb a PeeringDB {@code net} JSON file, or null
 * @param informationalCommunities add RS:1000:x (the RPKI state) to the routes sent to clients
 * @param http      where the HTTP API (looking glass, explain, metrics) listens, or null for none
 * @param mrtDumps  periodic RIB dumps, or null for none
 */
public record RouteServerConfig(Path source, long asn, int routerId, List<InetSocketAddress> listen,
                                FilterSettings filters, List<Path> vrpFiles, List<RtrCache> rtrCaches,
                                List<Path> irrDumps, Path peeringDb,
                                Blackholing blackholing, GracefulShutdown gracefulShutdown,
                                WellKnownPolicy wellKnownCommunities, boolean informationalCommunities,
                                InetSocketAddress http, MrtDumps mrtDumps,
                                List<ClientConfig> clients) {
    public RouteServerConfig {
        listen = List.copyOf(listen);
        vrpFiles = List.copyOf(vrpFiles);
        rtrCaches = List.copyOf(rtrCaches);
        irrDumps = List.copyOf(irrDumps);
        clients = List.copyOf(clients);
    }

    public enum BlackholePolicy {
        /** BLACKHOLE routes are ordinary routes (and the prefix length check applies to them). */
        NONE,
        /** Accepted down to /32 and /128 within the client's space and passed on with NO_EXPORT. */
        PROPAGATE_UNCHANGED,
        /** As {@link #PROPAGATE_UNCHANGED}, with NEXT_HOP set to the IXP's blackhole address. */
        REWRITE_NEXT_HOP
    }

    /**
     * RFC 7999 blackholing, per address family.
     *
     * @param announceToClients whether clients receive blackhole routes unless their own setting says otherwise
     */
    public record Blackholing(BlackholePolicy ipv4, BlackholePolicy ipv6, InetAddress nextHopIpv4,
                              InetAddress nextHopIpv6, boolean addNoExport, boolean announceToClients) {
    }

    /**
     * RFC 8326: routes carrying GRACEFUL_SHUTDOWN lose to every other path; {@code drainSeconds} &gt; 0 makes a stop
     * first re-announce every route with GRACEFUL_SHUTDOWN and wait that long, so clients move traffic before the
     * sessions close.
     */
    public record GracefulShutdown(boolean enabled, int drainSeconds) {
    }

    /** Periodic MRT RIB dumps: every {@code interval}, a gzip'd TABLE_DUMP_V2 file in {@code directory}. */
    public record MrtDumps(Path directory, java.time.Duration interval) {
    }

    /** NO_EXPORT and NO_ADVERTISE (RFC 1997): passed through to clients, or acted on by the route server. */
    public enum WellKnownPolicy { PASS, RFC1997 }
}
