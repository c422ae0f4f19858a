package org.peerage.interop.speaker;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.interop.daemon.Origin;

/**
 * One path in a peerage session's Adj-RIB-In, in the spellings of {@link org.peerage.interop.daemon.DaemonRoute}
 * (AS_SET members inlined), with the attributes as stored kept in {@code attributes}.
 *
 * @param pathId the ADD-PATH path identifier, null without ADD-PATH
 */
record ReceivedRoute(String session, Prefix prefix, Long pathId, List<Long> asPath, String nextHop, Origin origin,
                     List<String> communities, List<String> largeCommunities, List<String> extCommunities, Long med,
                     List<PathAttribute> attributes) {

    static ReceivedRoute of(String session, Prefix prefix, long pathId, List<PathAttribute> attributes) {
        List<Long> asPath = new ArrayList<>();
        String nextHop = null;
        Origin origin = null;
        List<String> communities = new ArrayList<>();
        List<String> large = new ArrayList<>();
        List<String> ext = new ArrayList<>();
        Long med = null;
        for (PathAttribute a : attributes) {
            switch (a) {
                case AsPath p -> asPath.addAll(asns(p));
                case NextHop n -> nextHop = InetText.formatIpv4(n.address());
                case MpReachNlri m -> nextHop = InetText.format(java.util.Arrays.copyOf(m.nextHop(),
                        m.nextHop().length >= 16 ? 16 : m.nextHop().length));
                case org.peerage.bgp.wire.attr.Origin o -> origin = Origin.values()[o.value()];
                case Communities c -> {
                    for (int v : c.values()) {
                        communities.add(Routes.community(v));
                    }
                }
                case LargeCommunities l -> {
                    for (int i = 0; i < l.size(); i++) {
                        large.add(l.globalAdmin(i) + ":" + l.localData1(i) + ":" + l.localData2(i));
                    }
                }
                case ExtendedCommunities e -> {
                    for (long v : e.values()) {
                        ext.add(Routes.extCommunity(v));
                    }
                }
                case MultiExitDisc m -> med = m.value();
                default -> {
                }
            }
        }
        return new ReceivedRoute(session, prefix, pathId == Route.NO_PATH_ID ? null : pathId, List.copyOf(asPath),
                nextHop, origin, List.copyOf(communities), List.copyOf(large), List.copyOf(ext), med,
                List.copyOf(attributes));
    }

    static List<Long> asns(AsPath p) {
        List<Long> out = new ArrayList<>();
        for (AsPathSegment s : p.segments()) {
            for (int i = 0; i < s.size(); i++) {
                out.add(s.asn(i));
            }
        }
        return out;
    }

    /** "10.1.0.0/24", "2001:db8:1::/48". */
    String prefixText() {
        return prefix.toString();
    }

    @Override
    public String toString() {
        return session + " " + prefix + (pathId == null ? "" : " id " + pathId) + " path " + asPath + " nh " + nextHop
                + " " + origin + " c" + communities + " l" + largeCommunities + " x" + extCommunities
                + (med == null ? "" : " med " + med);
    }
}
