package org.peerage.bgp.wire.open;

/** Support for 4-octet AS numbers (RFC 6793), carrying the speaker's real AS number. */
public record FourOctetAsCapability(long asn) implements Capability {

    public FourOctetAsCapability {
        // AS 0 is never a peer's AS (RFC 7607); the decoder reports it as Bad Peer AS.
        if (asn <= 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
    }

    @Override
    public int code() {
        return CapabilityCode.FOUR_OCTET_AS.code();
    }
}
