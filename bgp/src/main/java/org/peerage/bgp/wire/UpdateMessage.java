package org.peerage.bgp.wire;

import java.util.List;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * UPDATE (RFC 4271 §4.3): IPv4 withdrawn routes, path attributes in received order, IPv4 NLRI. Routes of other
 * families travel inside the MP_REACH_NLRI and MP_UNREACH_NLRI attributes.
 */
public record UpdateMessage(List<Route> withdrawn, List<PathAttribute> attributes, List<Route> nlri)
        implements BgpMessage {

    public UpdateMessage {
        withdrawn = List.copyOf(withdrawn);
        attributes = List.copyOf(attributes);
        nlri = List.copyOf(nlri);
    }

    /** The IPv4 unicast End-of-RIB marker: an UPDATE with nothing in it (RFC 4724 §2). */
    public static UpdateMessage endOfRib() {
        return new UpdateMessage(List.of(), List.of(), List.of());
    }

    /** The End-of-RIB marker of another family: an MP_UNREACH_NLRI with no withdrawn routes. */
    public static UpdateMessage endOfRib(AddressFamily family) {
        if (family.equals(AddressFamily.IPV4_UNICAST)) {
            return endOfRib();
        }
        return new UpdateMessage(List.of(), List.of(MpUnreachNlri.of(family, List.of())), List.of());
    }

    @Override
    public MessageType type() {
        return MessageType.UPDATE;
    }

    /** The first attribute of the type, or null. */
    public PathAttribute attribute(AttributeType type) {
        for (PathAttribute a : attributes) {
            if (a.typeCode() == type.code()) return a;
        }
        return null;
    }

    public MpReachNlri mpReach() {
        return (MpReachNlri) attribute(AttributeType.MP_REACH_NLRI);
    }

    public MpUnreachNlri mpUnreach() {
        return (MpUnreachNlri) attribute(AttributeType.MP_UNREACH_NLRI);
    }

    /** The family whose End-of-RIB marker this is, or null if it is not one. */
    public AddressFamily endOfRibFamily() {
        if (!withdrawn.isEmpty() || !nlri.isEmpty()) {
            return null;
        }
        if (attributes.isEmpty()) {
            return AddressFamily.IPV4_UNICAST;
        }
        if (attributes.size() == 1 && attributes.getFirst() instanceof MpUnreachNlri u && u.withdrawn().isEmpty()
                && u.opaqueNlri().length == 0) {
            return u.family();
        }
        return null;
    }

    /** True if the message announces any route, in the NLRI field or in MP_REACH_NLRI. */
    public boolean hasReachable() {
        MpReachNlri mp = mpReach();
        return !nlri.isEmpty() || (mp != null && (!mp.nlri().isEmpty() || mp.opaqueNlri().length > 0));
    }
}
