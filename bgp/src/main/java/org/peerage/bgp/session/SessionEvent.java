package org.peerage.bgp.session;

import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;

/** What happens to a session: operator commands, timers, TCP and received messages (RFC 4271 §8.1). */
public sealed interface SessionEvent {

    /** ManualStart (Event 1), or ManualStart_with_PassiveTcpEstablishment (Event 4) when the peer is passive. */
    record Start() implements SessionEvent {
    }

    /**
     * ManualStop (Event 2): Cease / Administrative Shutdown with an RFC 8203 message if given, or the given Cease
     * NOTIFICATION (Maximum Number of Prefixes Reached, say) and the reason to report.
     */
    record Stop(String shutdownMessage, NotificationMessage notification, String reason) implements SessionEvent {
        public Stop(String shutdownMessage) {
            this(shutdownMessage, null, "administrative shutdown");
        }
    }

    /** A timer fired (Events 9-13). */
    record TimerExpired(SessionTimer timer) implements SessionEvent {
    }

    /** The TCP connection is up, whichever side opened it (Events 16-17). */
    record TcpConnected() implements SessionEvent {
    }

    /** The TCP connection failed or closed (Event 18). */
    record TcpFailed(String reason) implements SessionEvent {
    }

    /** Events 19-28: a well-formed message arrived. */
    record OpenReceived(OpenMessage open) implements SessionEvent {
    }

    record KeepaliveReceived() implements SessionEvent {
    }

    /** An UPDATE; {@code withdrawAll} is the RFC 7606 treat-as-withdraw outcome of its decoding. */
    record UpdateReceived(UpdateMessage update, boolean withdrawAll) implements SessionEvent {
    }

    record NotificationReceived(NotificationMessage notification) implements SessionEvent {
    }

    record RouteRefreshReceived(RouteRefreshMessage refresh) implements SessionEvent {
    }

    /** A received message could not be decoded (Events 21, 22, 28): the malformation names the NOTIFICATION. */
    record MessageError(Malformation malformation) implements SessionEvent {
    }

    /** The peer's output queue overflowed: it stopped reading (Cease / Out of Resources). */
    record OutputOverflow() implements SessionEvent {
    }
}
