package org.peerage.bgp.wire.attr;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Route;

/**
 * MP_REACH_NLRI (RFC 4760 §3). The next hop is kept as raw bytes: 4 (IPv4), 16 (IPv6 global), 32 (global and
 * link-local) or, with RFC 8950, an IPv6 next hop for IPv4 NLRI. NLRI of IP families are parsed into routes; those
 * of other families are kept as {@code opaqueNlri}.
 *
 * <p>In MRT TABLE_DUMP_V2 RIB entries the attribute is abbreviated to the next hop alone (RFC 6396 §4.3.4):
 * {@code abbreviated} is then true, the family is the RIB's, and there are no NLRI.
 *
 * @param reserved the octet after the next hop (formerly the SNPA count), kept for exact re-encoding
 */
public record MpReachNlri(int flags, AddressFamily family, byte[] nextHop, int reserved, List<Route> nlri,
                          byte[] opaqueNlri, boolean abbreviated) implements PathAttribute {
    public MpReachNlri {
        nextHop = nextHop.clone();
        nlri = List.copyOf(nlri);
        opaqueNlri = opaqueNlri == null ? new byte[0] : opaqueNlri.clone();
        if (nextHop.length > 255) {
            throw new IllegalArgumentException("next hop of " + nextHop.length + " bytes");
        }
    }

    public static MpReachNlri of(AddressFamily family, byte[] nextHop, List<Route> nlri) {
        return new MpReachNlri(AttributeType.MP_REACH_NLRI.category().flags(), family, nextHop, 0, nlri, null, false);
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_REACH_NLRI.code();
    }

    @Override
    public byte[] nextHop() {
        return nextHop.clone();
    }

    @Override
    public byte[] opaqueNlri() {
        return opaqueNlri.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MpReachNlri m && m.flags == flags && m.family.equals(family)
                && Arrays.equals(m.nextHop, nextHop) && m.reserved == reserved && m.nlri.equals(nlri)
                && Arrays.equals(m.opaqueNlri, opaqueNlri) && m.abbreviated == abbreviated;
    }

    @Override
    public int hashCode() {
        return ((family.hashCode() * 31 + Arrays.hashCode(nextHop)) * 31 + nlri.hashCode()) * 31 + flags;
    }

    @Override
    public String toString() {
        return "MP_REACH_NLRI " + family + " next-hop " + Arrays.toString(nextHop) + " " + nlri;
    }
}
