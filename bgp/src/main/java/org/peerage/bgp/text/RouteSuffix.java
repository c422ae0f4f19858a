package org.peerage.bgp.text;

import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.As4Aggregator;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * The attribute part of a bgpdump route line, {@code ASPATH|ORIGIN|NEXTHOP|LOCALPREF|MED|COMMUNITIES|AG|AGGREGATOR|}
 * for -m, or just {@code ASPATH|ORIGIN} for -M. An UPDATE's routes share it, so it is formatted once per message and
 * copied for each prefix. The rules are bgpdump 1.6.2's (docs/bgpdump-format.md §4, §6-8).
 */
final class RouteSuffix {
    /** What bgpdump prints for an IPv4 next hop or aggregator address it never received (INADDR_NONE). */
    private static final int NONE = 0xFFFFFFFF;

    /** Where the next hop of a line comes from, which differs by record and NLRI kind in bgpdump. */
    enum NextHopRule {
        /** BGP4MP classic NLRI: the NEXT_HOP attribute. */
        ATTRIBUTE,
        /** BGP4MP MP_REACH IPv4: the MP next hop; LOCAL_PREF and MED printed signed. */
        MP_IPV4,
        /** BGP4MP MP_REACH IPv6: the MP next hop. */
        MP_IPV6,
        /** TABLE_DUMP_V2: an abbreviated, IPv6 or IPv4 unicast MP_REACH next hop first, then NEXT_HOP. */
        RIB,
        /** TABLE_DUMP: an abbreviated or IPv6 unicast MP_REACH next hop, always as IPv6, then NEXT_HOP. */
        TABLE_DUMP
    }

    private final boolean full;
    private final LinePart part = new LinePart();

    RouteSuffix(boolean full) {
        this.full = full;
    }

    void write(AsciiSink out, List<PathAttribute> attributes, boolean twoOctetRecord, NextHopRule rule) {
        prepare(attributes, twoOctetRecord, rule);
        writePrepared(out);
    }

    void writePrepared(AsciiSink out) {
        part.copyTo(out);
    }

    void prepare(List<PathAttribute> attributes, boolean twoOctetRecord, NextHopRule rule) {
        Origin origin = null;
        AsPath asPath = null;
        As4Path as4Path = null;
        NextHop nextHop = null;
        MpReachNlri mpReach = null;
        LocalPref localPref = null;
        MultiExitDisc med = null;
        Communities communities = null;
        boolean atomic = false;
        Aggregator aggregator = null;
        As4Aggregator as4Aggregator = null;
        for (PathAttribute a : attributes) {
            switch (a) {
                case Origin o -> origin = o;
                case AsPath p -> asPath = p;
                case As4Path p -> as4Path = p;
                case NextHop n -> nextHop = n;
                case MpReachNlri m -> mpReach = m;
                case LocalPref l -> localPref = l;
                case MultiExitDisc m -> med = m;
                case Communities c -> communities = c;
                case AtomicAggregate ignored -> atomic = true;
                case Aggregator g -> aggregator = g;
                case As4Aggregator g -> as4Aggregator = g;
                default -> { }
            }
        }
        long aggregatorAs = aggregator == null ? 0 : aggregator.asn();
        int aggregatorAddress = aggregator == null ? NONE : aggregator.address();
        List<AsPathSegment> path = asPath == null ? List.of() : asPath.segments();
        if (twoOctetRecord) {
            // An AGGREGATOR that is not AS_TRANS beside an AS4_AGGREGATOR cancels the whole merge (§4.5).
            boolean merge = true;
            if (aggregator != null && as4Aggregator != null) {
                if (aggregator.asn() == As4Reconciliation.AS_TRANS) {
                    aggregatorAs = as4Aggregator.asn();
                    aggregatorAddress = as4Aggregator.address();
                } else {
                    merge = false;
                }
            }
            if (merge) {
                path = BgpdumpAs4Merge.path(asPath, as4Path);
            }
        }
        byte[] mpNextHop = mpReach == null ? null : mpReach.nextHop();
        boolean usableMpNextHop = mpNextHop != null
                && (mpNextHop.length == 4 || mpNextHop.length == 16 || mpNextHop.length == 32);

        AsciiSink s = part.start();
        boolean dropPathGroup = rule == NextHopRule.MP_IPV6 && !usableMpNextHop;
        if (!dropPathGroup || !full) {
            asPath(s, path);
            s.ch('|').text(origin == null ? "INCOMPLETE" : origin.label());
        }
        if (!full) {
            part.done();
            return;
        }
        if (!dropPathGroup) {
            s.ch('|');
        }
        boolean signed = rule == NextHopRule.MP_IPV4;
        boolean dropNextHopGroup = dropPathGroup || (rule == NextHopRule.MP_IPV4 && !usableMpNextHop);
        if (!dropNextHopGroup) {
            switch (rule) {
                case ATTRIBUTE -> s.ipv4(nextHop == null ? NONE : nextHop.address());
                case MP_IPV4, MP_IPV6 -> mpNextHop(s, mpNextHop);
                case RIB -> {
                    if (mpReach != null && ribSlot(mpReach) && usableMpNextHop) {
                        mpNextHop(s, mpNextHop);
                    } else {
                        s.ipv4(nextHop == null ? NONE : nextHop.address());
                    }
                }
                case TABLE_DUMP -> {
                    if (mpReach != null && (mpReach.abbreviated()
                            || mpReach.family().equals(AddressFamily.IPV6_UNICAST))) {
                        s.bgpdumpAddress(java.util.Arrays.copyOf(mpNextHop, 16), 0, 16);
                    } else {
                        s.ipv4(nextHop == null ? NONE : nextHop.address());
                    }
                }
            }
            long lp = localPref == null ? 0 : localPref.value();
            long m = med == null ? 0 : med.value();
            s.ch('|').number(signed ? (int) lp : lp).ch('|').number(signed ? (int) m : m).ch('|');
        }
        if (communities != null) {
            communities(s, communities);
        }
        s.ch('|').text(atomic ? "AG" : "NAG").ch('|');
        if (aggregatorAddress != NONE) {
            s.number(aggregatorAs).ch(' ').ipv4(aggregatorAddress);
        }
        s.ch('|');
        part.done();
    }

    /** The MP_REACH forms whose next hop a RIB line prints: abbreviated, or full IPv6 or IPv4 unicast (§7.3). */
    private static boolean ribSlot(MpReachNlri m) {
        return m.abbreviated() || m.family().equals(AddressFamily.IPV6_UNICAST)
                || m.family().equals(AddressFamily.IPV4_UNICAST);
    }

    private static void mpNextHop(AsciiSink s, byte[] nextHop) {
        s.bgpdumpAddress(nextHop, 0, nextHop.length == 4 ? 4 : 16);
    }

    private static void asPath(AsciiSink s, List<AsPathSegment> segments) {
        boolean first = true;
        for (AsPathSegment seg : segments) {
            if (!first) s.ch(' ');
            first = false;
            switch (seg.type()) {
                case AS_SET -> s.ch('{');
                case AS_CONFED_SEQUENCE -> s.ch('(');
                case AS_CONFED_SET -> s.ch('[');
                case AS_SEQUENCE -> { }
            }
            for (int i = 0; i < seg.size(); i++) {
                if (i > 0) s.ch(seg.type().isSet() ? ',' : ' ');
                s.number(seg.asn(i));
            }
            switch (seg.type()) {
                case AS_SET -> s.ch('}');
                case AS_CONFED_SEQUENCE -> s.ch(')');
                case AS_CONFED_SET -> s.ch(']');
                case AS_SEQUENCE -> { }
            }
        }
    }

    private static void communities(AsciiSink s, Communities c) {
        for (int i = 0; i < c.size(); i++) {
            if (i > 0) s.ch(' ');
            int v = c.get(i);
            switch (v) {
                case Communities.NO_EXPORT -> s.text("no-export");
                case Communities.NO_ADVERTISE -> s.text("no-advertise");
                case Communities.NO_EXPORT_SUBCONFED -> s.text("local-AS");
                default -> s.number(v >>> 16).ch(':').number(v & 0xFFFF);
            }
        }
    }
}
