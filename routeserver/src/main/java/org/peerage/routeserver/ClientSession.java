package org.peerage.routeserver;

import java.time.Duration;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.rib.SlotSet;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.export.AdjRibOut;
import org.peerage.routeserver.export.CommonSent;
import org.peerage.routeserver.export.Receiver;
import org.peerage.routeserver.filter.ClientPolicy;
import org.peerage.routeserver.filter.RejectReason;

/**
 * One BGP session with one address of a client, and what the route server keeps about it. Fields other than the
 * volatile ones belong to the RIB thread.
 */
final class ClientSession implements Receiver {
    final int index;
    ClientConfig config;
    final String address;
    PeerSession session;
    ClientPolicy policy;
    Negotiated negotiated;
    final AdjRibOut out;
    /** Slots whose export this receiver still needs (it could not keep up, or its full table is on the way). */
    final SlotSet dirty = new SlotSet();
    /** End-of-RIB follows once {@link #dirty} has drained after the session came up. */
    boolean eorPending;
    boolean drainScheduled;
    /** Set when max-prefix closes the session with action restart: the session starts again after this. */
    Duration restartAfter;
    /** A reload changed how the session is made: once the old one is down, one with this configuration starts. */
    ClientConfig replacement;
    /** A reload removed the client: the session is stopped and never started again. */
    boolean removed;

    /** Paths held from this client per family (index 0 IPv4, 1 IPv6), and of those the accepted ones. */
    final long[] held = new long[2];
    final long[] accepted = new long[2];
    /** Paths held per reject reason (verdict byte). */
    final long[] filtered = new long[RejectReason.values().length + 1];
    final boolean[] maxPrefixWarned = new boolean[2];
    /** The session is being torn down for max-prefix: its further UPDATEs are ignored. */
    boolean tearingDown;
    long updatesReceived;
    /** UPDATEs and session events handed over by the network thread, not taken in yet (RouteServer.takeIn). */
    final java.util.concurrent.ConcurrentLinkedQueue<Object> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final java.util.concurrent.atomic.AtomicBoolean inboxScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    long routesSent;

    volatile long stateSinceMillis = System.currentTimeMillis();
    volatile String lastError = "";

    ClientSession(int index, ClientConfig config, String address, CommonSent commonSent) {
        this.index = index;
        this.out = new AdjRibOut(commonSent);
        this.config = config;
        this.address = address;
    }

    String name() {
        return "AS" + config.asn() + " " + address;
    }

    /** A URL-safe identifier, as a looking glass names the session: AS3333_192_0_2_11. */
    String id() {
        return "AS" + config.asn() + "_" + address.replace('.', '_').replace(':', '_');
    }

    void resetCounts() {
        java.util.Arrays.fill(held, 0);
        java.util.Arrays.fill(accepted, 0);
        java.util.Arrays.fill(filtered, 0);
        java.util.Arrays.fill(maxPrefixWarned, false);
    }

    void count(int delta, boolean ipv6, int verdict) {
        int f = ipv6 ? 1 : 0;
        held[f] += delta;
        if (verdict == 0) accepted[f] += delta;
        else filtered[verdict] += delta;
    }

    @Override
    public long asn() {
        return config.asn();
    }

    @Override
    public boolean announceBlackholes() {
        return config.announceBlackholes();
    }

    @Override
    public boolean extendedNextHop() {
        return negotiated != null && negotiated.extendedNextHop();
    }

    @Override
    public boolean receives(boolean ipv6) {
        return negotiated != null && negotiated.families().contains(family(ipv6));
    }

    @Override
    public boolean addPath(boolean ipv6) {
        return negotiated != null && negotiated.addPathSend().contains(family(ipv6));
    }

    @Override
    public AdjRibOut adjRibOut() {
        return out;
    }

    static AddressFamily family(boolean ipv6) {
        return ipv6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
    }
}
