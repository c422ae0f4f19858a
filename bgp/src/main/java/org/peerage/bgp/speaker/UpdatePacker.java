package org.peerage.bgp.speaker;

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
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Packs prefixes that share attributes into as few UPDATEs as the maximum message length allows, encoded once:
 * IPv4 in the NLRI field with a NEXT_HOP, IPv6 in MP_REACH_NLRI (RFC 4760).
 */
public final class UpdatePacker {
    private static final int MP_REACH_FLAGS = AttributeType.MP_REACH_NLRI.category().flags()
            | AttributeFlags.EXTENDED_LENGTH;

    private UpdatePacker() {
    }

    /**
     * Encoded UPDATE messages announcing {@code prefixes} (all of one family) with {@code attributes} and the next
     * hop (4 bytes for IPv4; 16 or 32 for IPv6).
     */
    public static List<byte[]> pack(List<PathAttribute> attributes, List<Prefix> prefixes, byte[] nextHop,
                                    CodecContext ctx) {
        if (prefixes.isEmpty()) {
            return List.of();
        }
        boolean ipv6 = prefixes.getFirst().isIpv6();
        AddressFamily family = ipv6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
        boolean addPath = ctx.addPath(family);
        List<PathAttribute> base = new ArrayList<>(attributes);
        if (!ipv6) {
            base.add(NextHop.of(org.peerage.bgp.wire.WireReader.i32(nextHop, 0)));
            base.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
        }
        WireWriter w = new WireWriter(256);
        AttributeEncoder.encode(w, base, ctx);
        int fixed = BgpMessageCodec.HEADER_LENGTH + 4 + w.position()
                + (ipv6 ? 4 + 3 + 1 + nextHop.length + 1 : 0);
        List<byte[]> out = new ArrayList<>();
        for (List<Route> batch : chunk(prefixes, fixed, addPath, ctx.maxMessageLength())) {
            out.add(encode(base, batch, ipv6, nextHop, ctx));
        }
        return out;
    }

    /**
     * Splits prefixes into batches whose NLRI, added to {@code fixedBytes} of message, fit {@code maxLength}; with
     * ADD-PATH each route gets path identifier 1.
     */
    public static List<List<Route>> chunk(List<Prefix> prefixes, int fixedBytes, boolean addPath, int maxLength) {
        List<List<Route>> out = new ArrayList<>();
        List<Route> batch = new ArrayList<>();
        int size = fixedBytes;
        for (Prefix p : prefixes) {
            int bytes = 1 + p.byteCount() + (addPath ? 4 : 0);
            if (size + bytes > maxLength && !batch.isEmpty()) {
                out.add(batch);
                batch = new ArrayList<>();
                size = fixedBytes;
            }
            batch.add(addPath ? new Route(p, 1) : Route.of(p));
            size += bytes;
        }
        if (!batch.isEmpty()) out.add(batch);
        return out;
    }

    private static byte[] encode(List<PathAttribute> base, List<Route> routes, boolean ipv6, byte[] nextHop,
                                 CodecContext ctx) {
        UpdateMessage u;
        if (ipv6) {
            List<PathAttribute> attrs = new ArrayList<>(base);
            attrs.add(new MpReachNlri(MP_REACH_FLAGS, AddressFamily.IPV6_UNICAST, nextHop, 0, routes, null, false));
            attrs.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
            u = new UpdateMessage(List.of(), attrs, List.of());
        } else {
            u = new UpdateMessage(List.of(), base, routes);
        }
        return BgpMessageCodec.encode(u, ctx);
    }
}
