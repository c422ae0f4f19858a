package org.peerage.bgp.wire.attr;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Route;

/**
 * MP_UNREACH_NLRI (RFC 4760 §4). Withdrawn routes of IP families are parsed; others are kept as {@code opaqueNlri}.
 * An MP_UNREACH_NLRI with no withdrawn routes is the End-of-RIB marker of its family (RFC 4724 §2).
 */
public record MpUnreachNlri(int flags, AddressFamily family, List<Route> withdrawn, byte[] opaqueNlri)
        implements PathAttribute {
    public MpUnreachNlri {
        withdrawn = List.copyOf(withdrawn);
        opaqueNlri = opaqueNlri == null ? new byte[0] : opaqueNlri.clone();
    }

    public static MpUnreachNlri of(AddressFamily family, List<Route> withdrawn) {
        return new MpUnreachNlri(AttributeType.MP_UNREACH_NLRI.category().flags(), family, withdrawn, null);
    }

    @Override
    public int typeCode() {
        return AttributeType.MP_UNREACH_NLRI.code();
    }

    @Override
    public byte[] opaqueNlri() {
        return opaqueNlri.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MpUnreachNlri m && m.flags == flags && m.family.equals(family)
                && m.withdrawn.equals(withdrawn) && Arrays.equals(m.opaqueNlri, opaqueNlri);
    }

    @Override
    public int hashCode() {
        return (family.hashCode() * 31 + withdrawn.hashCode()) * 31 + flags;
    }

    @Override
    public String toString() {
        return "MP_UNREACH_NLRI " + family + " " + withdrawn;
    }
}
