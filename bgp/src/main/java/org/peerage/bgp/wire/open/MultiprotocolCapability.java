package org.peerage.bgp.wire.open;

import org.peerage.bgp.wire.AddressFamily;

/**
 * Multiprotocol extensions (RFC 4760 §8): the speaker can carry this address family.
 *
 * @param reserved the octet between AFI and SAFI; sent as 0 and ignored on receipt, kept for exact re-encoding
 */
public record MultiprotocolCapability(AddressFamily family, int reserved) implements Capability {

    public MultiprotocolCapability {
        if (reserved < 0 || reserved > 0xFF) {
            throw new IllegalArgumentException("reserved octet out of range: " + reserved);
        }
    }

    public static MultiprotocolCapability of(AddressFamily family) {
        return new MultiprotocolCapability(family, 0);
    }

    @Override
    public int code() {
        return CapabilityCode.MULTIPROTOCOL.code();
    }
}
