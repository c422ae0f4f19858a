package org.peerage.interop.speaker;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.wire.InetText;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.Ports;

/**
 * Both ends of one session between peerage and a daemon: addresses, ports, AS numbers and who connects. The daemon
 * side becomes a {@link DaemonPeer} ({@link #daemonPeer()}), the peerage side a {@link PeerConfig} and
 * {@link SessionOptions}. Exactly one side is active: the daemon is passive when peerage connects, and the other way
 * round (GoBGP, when active, waits 5-10 s before its first connect).
 *
 * <p>AS numbers default to 4-octet private ones that appear nowhere in the shared full table (whose paths hold
 * several 42000000xx ASes): daemons drop routes whose path holds their own AS.
 */
record Link(String name, long peerageAs, String peerageAddress, int peeragePort, long daemonAs, String daemonAddress,
            int daemonPort, boolean peeragePassive) {

    static final long PEERAGE_AS = 4_211_110_002L;
    static final long DAEMON_AS = 4_211_110_001L;

    /** An IPv4 session between two fresh loopback addresses. */
    static Link ipv4(String name, boolean peeragePassive) {
        return ipv4(name, PEERAGE_AS, DAEMON_AS, peeragePassive);
    }

    static Link ipv4(String name, long peerageAs, long daemonAs, boolean peeragePassive) {
        String peerage = Ports.loopbackAddress();
        String daemon = Ports.loopbackAddress();
        return new Link(name, peerageAs, peerage, Ports.freePort(peerage), daemonAs, daemon, Ports.freePort(daemon),
                peeragePassive);
    }

    /** An IPv6 session over ::1 (the only IPv6 loopback address), distinct ports. */
    static Link ipv6(String name, boolean peeragePassive) {
        return new Link(name, PEERAGE_AS, "::1", Ports.freePort("::1"), DAEMON_AS, "::1", Ports.freePort("::1"),
                peeragePassive);
    }

    /** Another peerage session to the same daemon address and port, from a fresh loopback address. */
    Link sibling(String name, long peerageAs) {
        String peerage = Ports.loopbackAddress();
        return new Link(name, peerageAs, peerage, Ports.freePort(peerage), daemonAs, daemonAddress, daemonPort,
                peeragePassive);
    }

    boolean ipv6Transport() {
        return peerageAddress.contains(":");
    }

    /** Our BGP identifier: the IPv4 address, or one derived from the port on ::1. */
    int routerId() {
        String id = ipv6Transport() ? "10.254." + (peeragePort >> 8) + "." + (peeragePort & 0xff) : peerageAddress;
        byte[] b = InetText.parseAddress(id);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    /** The daemon's side: it listens on daemonAddress:daemonPort, peerage listens (when passive) on peeragePort. */
    DaemonPeer.Builder daemonPeer() {
        return DaemonPeer.builder()
                .local(daemonAs, daemonAddress, daemonPort)
                .remote(peerageAs, peerageAddress, peeragePort)
                .passive(!peeragePassive);
    }

    /** Peerage's side: quick reconnects (1 s retry, idle hold 1-2 s), hold time 90 s proposed (the daemon's wins). */
    PeerConfig peerConfig() {
        return PeerConfig.of(peerageAs, routerId(), daemonAs).withPassive(peeragePassive)
                .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), true);
    }

    SessionOptions options() {
        return SessionOptions.of(new InetSocketAddress(address(daemonAddress), daemonPort), address(peerageAddress));
    }

    /** Where peerage listens when passive. */
    InetSocketAddress listenAddress() {
        return new InetSocketAddress(address(peerageAddress), peeragePort);
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
