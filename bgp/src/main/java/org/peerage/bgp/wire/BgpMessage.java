package org.peerage.bgp.wire;

/** A decoded BGP message. Implementations are immutable values. */
public interface BgpMessage {
    MessageType type();
}
