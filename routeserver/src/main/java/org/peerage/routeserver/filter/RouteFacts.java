package org.peerage.routeserver.filter;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.SegmentType;

/**
 * What the import checks read of one attribute set, extracted once per UPDATE (not per prefix): the AS path flat,
 * its first and origin AS, the next hop, the communities.
 *
 * @param asns          every AS of the path in order, AS_SET members included
 * @param firstAs       the left-most AS if the path starts with an AS_SEQUENCE, else -1
 * @param originAs      the right-most AS if the path ends with an AS_SEQUENCE, else -1 (an AS_SET origin is none:
 *                      RFC 6811 §2)
 * @param sequence      the path as AS_SEQUENCE hops, or null if it holds an AS_SET (ASPA needs a plain path)
 * @param nextHop       NEXT_HOP or MP_REACH_NLRI next hop (global address only), or null
 */
public record RouteFacts(long[] asns, int pathLength, long firstAs, long originAs, long[] sequence, byte[] nextHop,
                         int[] communities, int[] largeCommunities) {

    public static RouteFacts of(List<PathAttribute> attributes) {
        long[] asns = new long[0];
        int pathLength = 0;
        long first = -1;
        long origin = -1;
        long[] sequence = new long[0];
        byte[] nextHop = null;
        int[] communities = new int[0];
        int[] large = new int[0];
        for (PathAttribute a : attributes) {
            switch (a) {
                case AsPath p -> {
                    pathLength = p.pathLength();
                    List<AsPathSegment> segments = p.segments();
                    int n = 0;
                    for (AsPathSegment s : segments) n += s.size();
                    asns = new long[n];
                    int i = 0;
                    boolean plain = true;
                    for (AsPathSegment s : segments) {
                        for (int k = 0; k < s.size(); k++) asns[i++] = s.asn(k);
                        if (s.type() != SegmentType.AS_SEQUENCE) plain = false;
                    }
                    sequence = plain ? asns : null;
                    if (!segments.isEmpty()) {
                        AsPathSegment head = segments.getFirst();
                        AsPathSegment tail = segments.getLast();
                        if (head.type() == SegmentType.AS_SEQUENCE) first = head.asn(0);
                        if (tail.type() == SegmentType.AS_SEQUENCE) origin = tail.asn(tail.size() - 1);
                    }
                }
                case NextHop h -> nextHop = new byte[] {(byte) (h.address() >>> 24), (byte) (h.address() >>> 16),
                        (byte) (h.address() >>> 8), (byte) h.address()};
                case MpReachNlri m -> {
                    byte[] nh = m.nextHop();
                    // 32 bytes: global then link-local (RFC 2545 §3); the global one is the client's address.
                    nextHop = nh.length == 32 ? Arrays.copyOf(nh, 16) : nh;
                }
                case Communities c -> communities = c.values();
                case LargeCommunities l -> large = l.triples();
                default -> { }
            }
        }
        return new RouteFacts(asns, pathLength, first, origin, sequence, nextHop, communities, large);
    }

    public boolean hasCommunity(int community) {
        for (int c : communities) {
            if (c == community) return true;
        }
        return false;
    }
}
