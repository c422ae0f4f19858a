package org.peerage.bgp.speaker;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.WireReader;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.AttributeFlags;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Packs routes that share attributes into as few UPDATEs as the maximum message length allows, encoded once:
 * IPv4 with an IPv4 next hop in the NLRI field with a NEXT_HOP; IPv6, and IPv4 with an IPv6 next hop (RFC 8950),
 * in MP_REACH_NLRI (RFC 4760). Withdrawals likewise, in the withdrawn-routes field or MP_UNREACH_NLRI.
 */
public final class UpdatePacker {
    private static final int MP_REACH_FLAGS = AttributeType.MP_REACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;
    private static final int MP_UNREACH_FLAGS = AttributeType.MP_UNREACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;

    private UpdatePacker() {
    }

    /**
     * Encoded UPDATEs announcing {@code prefixes} (all of one family) with {@code attributes} and the next hop; with
     * ADD-PATH each route gets path identifier 1 (one path per prefix).
     */
    public static List<byte[]> pack(List<PathAttribute> attributes, List<Prefix> prefixes, byte[] nextHop,
                                    CodecContext ctx) {
        if (prefixes.isEmpty()) {
            return List.of();
        }
        boolean addPath = ctx.addPath(family(prefixes.getFirst().isIpv6()));
        List<Route> routes = new ArrayList<>(prefixes.size());
        for (Prefix p : prefixes) routes.add(addPath ? new Route(p, 1) : Route.of(p));
        return packRoutes(attributes, routes, nextHop, ctx);
    }

    /**
     * Encoded UPDATEs announcing {@code routes} (all of one family; with their path identifiers when the family has
     * ADD-PATH in {@code ctx}) with {@code attributes} (no next hop among them) and the next hop: 4 bytes, or 16 or
     * 32 for IPv6 and for IPv4 routes over RFC 8950.
     */
    public static List<byte[]> packRoutes(List<PathAttribute> attributes, List<Route> routes, byte[] nextHop,
                                          CodecContext ctx) {
        if (routes.isEmpty()) {
            return List.of();
        }
        boolean ipv6 = routes.getFirst().prefix().isIpv6();
        AddressFamily family = family(ipv6);
        boolean multiprotocol = ipv6 || nextHop.length != 4;
        List<PathAttribute> base = new ArrayList<>(attributes);
        if (!multiprotocol) {
            base.add(NextHop.of(WireReader.i32(nextHop, 0)));
            base.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
        }
        WireWriter w = new WireWriter(256);
        AttributeEncoder.encode(w, base, ctx);
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + w.position()
                + (multiprotocol ? 4 + 3 + 1 + nextHop.length + 1 : 0);
        List<byte[]> out = new ArrayList<>();
        for (List<Route> batch : chunk(routes, fixed, ctx.addPath(family), ctx.maxMessageLength())) {
            UpdateMessage u;
            if (multiprotocol) {
                List<PathAttribute> attrs = new ArrayList<>(base);
                attrs.add(new MpReachNlri(MP_REACH_FLAGS, family, nextHop, 0, batch, null, false));
                attrs.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
                u = new UpdateMessage(List.of(), attrs, List.of());
            } else {
                u = new UpdateMessage(List.of(), base, batch);
            }
            out.add(BgpMessageCodec.encode(u, ctx));
        }
        return out;
    }

    /**
     * Encoded UPDATEs withdrawing {@code routes} (all of one family): IPv4 in the withdrawn-routes field unless
     * {@code multiprotocol}, which puts them in MP_UNREACH_NLRI (as for routes announced there over RFC 8950).
     */
    public static List<byte[]> withdraw(List<Route> routes, boolean multiprotocol, CodecContext ctx) {
        if (routes.isEmpty()) {
            return List.of();
        }
        boolean ipv6 = routes.getFirst().prefix().isIpv6();
        AddressFamily family = family(ipv6);
        boolean mp = ipv6 || multiprotocol;
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + (mp ? 7 : 0);
        List<byte[]> out = new ArrayList<>();
        for (List<Route> batch : chunk(routes, fixed, ctx.addPath(family), ctx.maxMessageLength())) {
            UpdateMessage u = mp
                    ? new UpdateMessage(List.of(), List.of(new MpUnreachNlri(MP_UNREACH_FLAGS, family, batch, null)),
                            List.of())
                    : new UpdateMessage(batch, List.of(), List.of());
            out.add(BgpMessageCodec.encode(u, ctx));
        }
        return out;
    }

    /** Splits routes into batches whose NLRI, added to {@code fixedBytes} of message, fit {@code maxLength}. */
    static List<List<Route>> chunk(List<Route> routes, int fixedBytes, boolean addPath, int maxLength) {
        List<List<Route>> out = new ArrayList<>();
        List<Route> batch = new ArrayList<>();
        int size = fixedBytes;
        for (Route r : routes) {
            int bytes = 1 + r.prefix().byteCount() + (addPath ? 4 : 0);
            if (size + bytes > maxLength && !batch.isEmpty()) {
                out.add(batch);
                batch = new ArrayList<>();
                size = fixedBytes;
            }
            batch.add(r);
            size += bytes;
        }
        if (!batch.isEmpty()) out.add(batch);
        return out;
    }

    private static AddressFamily family(boolean ipv6) {
        return ipv6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
    }
}
