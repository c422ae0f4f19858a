package org.peerage.interop.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One BGP session of a daemon: who it is (local AS, router id, address and listening port) and whom it peers with.
 *
 * <p>A daemon may be given several peers; they must then agree on {@code localAs}, {@code routerId} and
 * {@code localPort} (GoBGP, FRR and ExaBGP listen on one port for all addresses), and the {@code routes} of all of them
 * are originated once and advertised to every peer.
 *
 * <p>Families: IPv4 unicast over IPv4 transport, IPv6 unicast over IPv6 transport, and IPv6 unicast over IPv4 transport
 * too when {@code ipv6} is set (IPv6 routes then carry their explicit IPv6 next hop). The transport follows the
 * addresses: IPv6 means {@code ::1}, the only IPv6 loopback address on an unconfigured Linux host.
 *
 * @param passive wait for the peer to connect instead of connecting to it
 * @param md5Password TCP MD5 signature key (RFC 2385), null for none
 * @param routeServerClient the daemon treats this peer as a route-server client: no own AS prepended, next hop and
 *     MED kept (BIRD {@code rs client}, GoBGP {@code route-server-client}, FRR {@code route-server-client}, OpenBGPD
 *     {@code transparent-as} with next hop no-modify); ExaBGP ignores it
 */
public record DaemonPeer(
        long localAs,
        String routerId,
        String localAddress,
        int localPort,
        String remoteAddress,
        int remotePort,
        long remoteAs,
        boolean passive,
        String md5Password,
        AddPath addPath,
        boolean ipv6,
        Duration holdTime,
        List<StaticRoute> routes,
        boolean routeServerClient) {

    public static final Duration DEFAULT_HOLD_TIME = Duration.ofSeconds(9);

    public DaemonPeer {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (StaticRoute.isIpv6(localAddress) != StaticRoute.isIpv6(remoteAddress)) {
            throw new IllegalArgumentException("local " + localAddress + " and remote " + remoteAddress + " differ in family");
        }
        if (localPort <= 1024 || remotePort <= 1024) {
            throw new IllegalArgumentException("ports must be unprivileged: " + localPort + ", " + remotePort);
        }
        routerId = routerId != null ? routerId : defaultRouterId(localAddress, localPort);
        addPath = addPath == null ? AddPath.NONE : addPath;
        holdTime = holdTime == null ? DEFAULT_HOLD_TIME : holdTime;
        routes = List.copyOf(routes == null ? List.of() : routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when the session runs over IPv6 ({@code ::1}). */
    public boolean ipv6Transport() {
        return StaticRoute.isIpv6(remoteAddress);
    }

    /** Whether IPv4 unicast is negotiated: on IPv4 transport. */
    public boolean negotiatesIpv4() {
        return !ipv6Transport();
    }

    /** Whether IPv6 unicast is negotiated: asked for, or implied by an IPv6 transport. */
    public boolean negotiatesIpv6() {
        return ipv6 || ipv6Transport();
    }

    /** "ipv4" and/or "ipv6": the unicast families negotiated, in that order. */
    public List<String> families() {
        List<String> families = new ArrayList<>();
        if (negotiatesIpv4()) {
            families.add("ipv4");
        }
        if (negotiatesIpv6()) {
            families.add("ipv6");
        }
        return families;
    }

    public long holdSeconds() {
        return holdTime.toSeconds();
    }

    /** Keepalive interval the harness configures: a third of the hold time, at least one second. */
    public long keepaliveSeconds() {
        return Math.max(1, holdTime.toSeconds() / 3);
    }

    /**
     * The same session seen from the other end: addresses, ports and ASes swapped, passive flipped, ADD-PATH
     * direction mirrored, same password, families and hold time; no routes, not a route-server client; router id
     * derived from the remote address.
     */
    public DaemonPeer mirrored() {
        return new DaemonPeer(remoteAs, null, remoteAddress, remotePort, localAddress, localPort, localAs, !passive,
                md5Password, addPath.mirrored(), ipv6, holdTime, List.of(), false);
    }

    public DaemonPeer withRoutes(List<StaticRoute> routes) {
        return toBuilder().routes(routes).build();
    }

    public DaemonPeer withMd5Password(String md5Password) {
        return toBuilder().md5Password(md5Password).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.localAs = localAs;
        b.routerId = routerId;
        b.localAddress = localAddress;
        b.localPort = localPort;
        b.remoteAddress = remoteAddress;
        b.remotePort = remotePort;
        b.remoteAs = remoteAs;
        b.passive = passive;
        b.md5Password = md5Password;
        b.addPath = addPath;
        b.ipv6 = ipv6;
        b.holdTime = holdTime;
        b.routes = new ArrayList<>(routes);
        b.routeServerClient = routeServerClient;
        return b;
    }

    /** IPv4 local address, or a 10.255.x.y id derived from the port for IPv6-only daemons. */
    static String defaultRouterId(String localAddress, int localPort) {
        return StaticRoute.isIpv6(localAddress) ? "10.255." + (localPort >> 8) + "." + (localPort & 0xff) : localAddress;
    }

    public static final class Builder {
        private long localAs;
        private String routerId;
        private String localAddress;
        private int localPort;
        private String remoteAddress;
        private int remotePort;
        private long remoteAs;
        private boolean passive;
        private String md5Password;
        private AddPath addPath = AddPath.NONE;
        private boolean ipv6;
        private Duration holdTime = DEFAULT_HOLD_TIME;
        private List<StaticRoute> routes = new ArrayList<>();
        private boolean routeServerClient;

        /** This daemon: its AS, the address it binds to and the port it listens on. */
        public Builder local(long as, String address, int port) {
            this.localAs = as;
            this.localAddress = address;
            this.localPort = port;
            return this;
        }

        /** The neighbour: its AS, address and listening port. */
        public Builder remote(long as, String address, int port) {
            this.remoteAs = as;
            this.remoteAddress = address;
            this.remotePort = port;
            return this;
        }

        public Builder routerId(String routerId) {
            this.routerId = routerId;
            return this;
        }

        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        public Builder md5Password(String md5Password) {
            this.md5Password = md5Password;
            return this;
        }

        public Builder addPath(AddPath addPath) {
            this.addPath = addPath;
            return this;
        }

        public Builder ipv6(boolean ipv6) {
            this.ipv6 = ipv6;
            return this;
        }

        public Builder holdTime(Duration holdTime) {
            this.holdTime = holdTime;
            return this;
        }

        public Builder routes(List<StaticRoute> routes) {
            this.routes = new ArrayList<>(routes);
            return this;
        }

        public Builder route(StaticRoute route) {
            this.routes.add(route);
            return this;
        }

        public Builder routeServerClient(boolean routeServerClient) {
            this.routeServerClient = routeServerClient;
            return this;
        }

        public DaemonPeer build() {
            return new DaemonPeer(localAs, routerId, localAddress, localPort, remoteAddress, remotePort, remoteAs,
                    passive, md5Password, addPath, ipv6, holdTime, routes, routeServerClient);
        }
    }
}
