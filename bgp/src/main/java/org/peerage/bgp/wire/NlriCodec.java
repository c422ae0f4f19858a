package org.peerage.bgp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The prefix list encoding shared by the NLRI and Withdrawn Routes fields and MP_(UN)REACH_NLRI (RFC 4271 §4.3,
 * RFC 4760 §5), with the ADD-PATH path identifier in front of each prefix when negotiated (RFC 7911 §3).
 */
public final class NlriCodec {
    private NlriCodec() {
    }

    /** Decoded prefixes, or the reason they could not be (the caller turns it into a Malformation). */
    public record Parsed(List<Route> routes, String error, int errorOffset) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed decode(byte[] buf, int off, int len, boolean ipv6, boolean addPath) {
        int max = ipv6 ? 128 : 32;
        int end = off + len;
        int pos = off;
        List<Route> routes = new ArrayList<>();
        while (pos < end) {
            long pathId = Route.NO_PATH_ID;
            if (addPath) {
                if (end - pos < 5) {
                    return new Parsed(routes, "truncated ADD-PATH NLRI: " + (end - pos) + " bytes left", pos);
                }
                pathId = WireReader.u32(buf, pos);
                pos += 4;
            }
            int length = buf[pos] & 0xFF;
            if (length > max) {
                return new Parsed(routes, "prefix length " + length + " exceeds " + max, pos);
            }
            int bytes = (length + 7) / 8;
            if (pos + 1 + bytes > end) {
                return new Parsed(routes, "prefix /" + length + " needs " + bytes + " bytes, only " + (end - pos - 1)
                        + " left", pos);
            }
            routes.add(new Route(Prefix.wire(ipv6, length, buf, pos + 1), pathId));
            pos += 1 + bytes;
        }
        return new Parsed(routes, null, -1);
    }

    public static void encode(WireWriter out, List<Route> routes, boolean addPath) {
        for (Route r : routes) {
            if (addPath) {
                out.u32(r.hasPathId() ? r.pathId() : 0);
            }
            out.prefix(r.prefix());
        }
    }
}
