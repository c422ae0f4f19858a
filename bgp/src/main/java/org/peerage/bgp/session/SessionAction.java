package org.peerage.bgp.session;

import java.time.Duration;
import org.peerage.bgp.wire.BgpMessage;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;

/** What the FSM asks its driver to do; the transition function itself touches no socket and no clock. */
public sealed interface SessionAction {

    /** Open a TCP connection to the peer (unless it is passive). */
    record Connect() implements SessionAction {
    }

    /** Close the TCP connection, after flushing what was queued (a NOTIFICATION, say). */
    record Disconnect() implements SessionAction {
    }

    record Send(BgpMessage message) implements SessionAction {
    }

    record StartTimer(SessionTimer timer, Duration after) implements SessionAction {
    }

    record StopTimer(SessionTimer timer) implements SessionAction {
    }

    /** The session reached Established with what was negotiated. */
    record Up(Negotiated negotiated) implements SessionAction {
    }

    /**
     * The session left Established or failed to get there: drop the peer's routes (unless graceful restart keeps
     * them, which the owner decides from {@code negotiated}).
     */
    record Down(String reason, NotificationMessage sent, NotificationMessage received, Negotiated negotiated)
            implements SessionAction {
    }

    /** Hand a received UPDATE to the RIB; {@code withdrawAll} applies RFC 7606 treat-as-withdraw. */
    record Deliver(UpdateMessage update, boolean withdrawAll) implements SessionAction {
    }

    /** The peer asked for our routes again (RFC 2918, RFC 7313). */
    record Refresh(RouteRefreshMessage request) implements SessionAction {
    }
}
