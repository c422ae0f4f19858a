package org.peerage.bgp.wire.open;

/** Extended message (RFC 8654): the speaker accepts messages up to 65,535 bytes. No value. */
public record ExtendedMessageCapability() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.EXTENDED_MESSAGE.code();
    }
}
