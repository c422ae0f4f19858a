package org.peerage.bgp.wire.open;

/**
 * FQDN (draft-walton-bgp-hostname-capability, code 73): the speaker's host and domain name, each a length octet
 * then the name. Names are read octet for octet (ISO 8859-1) so that any bytes re-encode exactly; host names are
 * ASCII in practice.
 */
public record FqdnCapability(String hostname, String domain) implements Capability {

    public FqdnCapability {
        if (!latin1(hostname) || !latin1(domain)) {
            throw new IllegalArgumentException("FQDN names must be ISO 8859-1 text");
        }
        if (2 + hostname.length() + domain.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("FQDN capability too long: " + hostname + " / " + domain);
        }
    }

    private static boolean latin1(String s) {
        return s.chars().allMatch(c -> c <= 0xFF);
    }

    @Override
    public int code() {
        return CapabilityCode.FQDN.code();
    }
}
