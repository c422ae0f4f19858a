package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.AttributeFlags;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.speaker.UpdatePacker;

/**
 * Encodes what a route server sends, transparently (RFC 7947 §2.2): the stored attributes unchanged — no AS
 * prepended, NEXT_HOP and MED as received — with IPv6 routes in an MP_REACH_NLRI rebuilt around the stored next hop.
 * Prefixes sharing attributes are packed up to the message size limit.
 */
final class ExportBuilder {
    private static final int MP_FLAGS = AttributeType.MP_REACH_NLRI.category().flags() | AttributeFlags.EXTENDED_LENGTH;
    private static final int MP_UNREACH_FLAGS = AttributeType.MP_UNREACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;

    private ExportBuilder() {
    }

    /** UPDATEs announcing {@code prefixes} (one family) with the stored attributes. */
    static List<byte[]> announce(List<PathAttribute> stored, List<Prefix> prefixes, CodecContext ctx) {
        if (prefixes.isEmpty()) return List.of();
        boolean ipv6 = prefixes.getFirst().isIpv6();
        AddressFamily family = ipv6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
        List<PathAttribute> base = new ArrayList<>(stored.size());
        byte[] nextHop6 = null;
        for (PathAttribute a : stored) {
            if (a instanceof MpReachNlri m) nextHop6 = m.nextHop();
            else base.add(a);
        }
        WireWriter w = new WireWriter(256);
        AttributeEncoder.encode(w, base, ctx);
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + w.position() + (ipv6 ? 9 + nextHop6.length : 0);
        List<byte[]> out = new ArrayList<>();
        for (List<Route> batch : UpdatePacker.chunk(prefixes, fixed, ctx.addPath(family), ctx.maxMessageLength())) {
            out.add(encode(base, nextHop6, batch, ipv6, ctx));
        }
        return out;
    }

    private static byte[] encode(List<PathAttribute> base, byte[] nextHop6, List<Route> routes, boolean ipv6,
                                 CodecContext ctx) {
        if (!ipv6) {
            return BgpMessageCodec.encode(new UpdateMessage(List.of(), base, routes), ctx);
        }
        List<PathAttribute> attrs = new ArrayList<>(base);
        attrs.add(new MpReachNlri(MP_FLAGS, AddressFamily.IPV6_UNICAST, nextHop6, 0, routes, null, false));
        attrs.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
        return BgpMessageCodec.encode(new UpdateMessage(List.of(), attrs, List.of()), ctx);
    }

    /** UPDATEs withdrawing {@code prefixes} (one family). */
    static List<byte[]> withdraw(List<Prefix> prefixes, CodecContext ctx) {
        if (prefixes.isEmpty()) return List.of();
        boolean ipv6 = prefixes.getFirst().isIpv6();
        AddressFamily family = ipv6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + (ipv6 ? 7 : 0);
        List<byte[]> out = new ArrayList<>();
        for (List<Route> batch : UpdatePacker.chunk(prefixes, fixed, ctx.addPath(family), ctx.maxMessageLength())) {
            out.add(encodeWithdraw(batch, ipv6, ctx));
        }
        return out;
    }

    private static byte[] encodeWithdraw(List<Route> routes, boolean ipv6, CodecContext ctx) {
        UpdateMessage u = ipv6
                ? new UpdateMessage(List.of(), List.of(new MpUnreachNlri(MP_UNREACH_FLAGS, AddressFamily.IPV6_UNICAST, routes,
                        null)), List.of())
                : new UpdateMessage(routes, List.of(), List.of());
        return BgpMessageCodec.encode(u, ctx);
    }
}
