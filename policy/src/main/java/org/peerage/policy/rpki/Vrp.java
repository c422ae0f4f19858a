package org.peerage.policy.rpki;

import org.peerage.bgp.wire.Prefix;

/**
 * A validated ROA payload: {@code asn} may originate {@code prefix} and its more specifics up to {@code maxLength}.
 *
 * @param trustAnchor the trust anchor the ROA was validated under, as the validator names it ("ripe", "apnic", ...)
 * @param expires     when the validated ROA stops being valid, in epoch seconds; 0 when the source does not say
 */
public record Vrp(Prefix prefix, int maxLength, long asn, String trustAnchor, long expires) {
    public Vrp {
        int max = prefix.isIpv6() ? 128 : 32;
        if (maxLength < prefix.length() || maxLength > max) {
            throw new IllegalArgumentException("maxLength " + maxLength + " outside " + prefix.length() + ".." + max
                    + " for " + prefix);
        }
        if (asn < 0 || asn > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
    }

    @Override
    public String toString() {
        return prefix + "-" + maxLength + " AS" + asn;
    }
}
