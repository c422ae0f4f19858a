package org.peerage.bgp.wire.open;

import java.util.List;
import org.peerage.bgp.wire.AddressFamily;

/**
 * Extended next hop encoding (RFC 8950 §3): the NLRI families for which the speaker accepts a next hop of another
 * address family, typically IPv4 routes with IPv6 next hops.
 */
public record ExtendedNextHopCapability(List<Tuple> tuples) implements Capability {
    static final int ENTRY_LENGTH = 6;

    public ExtendedNextHopCapability {
        tuples = List.copyOf(tuples);
        if (tuples.size() * ENTRY_LENGTH > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("too many extended next hop tuples: " + tuples.size());
        }
    }

    @Override
    public int code() {
        return CapabilityCode.EXTENDED_NEXT_HOP.code();
    }

    /**
     * NLRI family and next-hop AFI. The NLRI SAFI is two octets on the wire, but SAFIs are one octet, so a value
     * above 255 is malformed.
     */
    public record Tuple(AddressFamily nlri, int nextHopAfi) {
        public Tuple {
            if (nextHopAfi < 0 || nextHopAfi > 0xFFFF) {
                throw new IllegalArgumentException("next hop AFI out of range: " + nextHopAfi);
            }
        }
    }
}
