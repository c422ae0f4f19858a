package org.peerage.bgp.transport;

import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;

/** What a session tells its owner. Called on the session's event loop thread; must not block. */
public interface SessionListener {
    default void stateChanged(PeerSession session, SessionState from, SessionState to) {
    }

    default void up(PeerSession session, Negotiated negotiated) {
    }

    default void down(PeerSession session, SessionAction.Down down) {
    }

    default void update(PeerSession session, UpdateMessage update, boolean withdrawAll) {
    }

    /** A malformation milder than a reset (RFC 7606 attribute discard or treat-as-withdraw), for the log. */
    default void malformed(PeerSession session, Malformation malformation) {
    }

    default void refresh(PeerSession session, RouteRefreshMessage request) {
    }

    /** The output queue drained below its low-water mark: more UPDATEs may be sent. */
    default void writable(PeerSession session) {
    }
}
