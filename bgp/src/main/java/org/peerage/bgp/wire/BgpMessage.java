package org.peerage.bgp.wire;

/** A decoded BGP message: one of the five types of RFC 4271 §4 and RFC 2918. Implementations are immutable values. */
public sealed interface BgpMessage
        permits OpenMessage, UpdateMessage, NotificationMessage, KeepaliveMessage, RouteRefreshMessage {
    MessageType type();
}
