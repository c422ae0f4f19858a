package org.peerage.bgp.wire;

/** KEEPALIVE: the header alone (RFC 4271 §4.4). */
public enum KeepaliveMessage implements BgpMessage {
    INSTANCE;

    @Override
    public MessageType type() {
        return MessageType.KEEPALIVE;
    }
}
