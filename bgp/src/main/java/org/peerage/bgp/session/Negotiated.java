package org.peerage.bgp.session;

import java.util.Set;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.open.BgpRole;
import org.peerage.bgp.wire.open.GracefulRestartCapability;

/**
 * What two speakers agreed on in their OPEN messages (RFC 4271 §4.2, RFC 5492 and each capability's RFC).
 *
 * @param holdTime         negotiated hold time in seconds; 0 means no keepalives and no hold timer
 * @param addPathReceive   families in which the peer sends us path identifiers
 * @param addPathSend      families in which we send path identifiers
 * @param peerGracefulRestart the peer's graceful restart capability (we are the helper), or null
 * @param peerRole         the peer's RFC 9234 role, or null
 * @param extendedNextHop  both sides take IPv4 unicast routes with IPv6 next hops (RFC 8950)
 */
public record Negotiated(OpenMessage sent, OpenMessage received, long peerAs, int peerId, int holdTime,
                         boolean fourOctetAs, Set<AddressFamily> families, Set<AddressFamily> addPathReceive,
                         Set<AddressFamily> addPathSend, boolean extendedMessages, boolean routeRefresh,
                         boolean enhancedRouteRefresh, GracefulRestartCapability peerGracefulRestart,
                         BgpRole peerRole, boolean extendedNextHop) {

    public Negotiated {
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
    }

    /** Keepalive interval: one third of the hold time (RFC 4271 §10), or none. */
    public int keepaliveTime() {
        return holdTime / 3;
    }

    private int maxLength() {
        return extendedMessages ? CodecContext.EXTENDED_MAX_LENGTH : CodecContext.STANDARD_MAX_LENGTH;
    }

    /** How to decode what the peer sends. */
    public CodecContext receiveContext() {
        return new CodecContext(fourOctetAs, addPathReceive, maxLength());
    }

    /** How to encode what we send. */
    public CodecContext sendContext() {
        return new CodecContext(fourOctetAs, addPathSend, maxLength());
    }
}
