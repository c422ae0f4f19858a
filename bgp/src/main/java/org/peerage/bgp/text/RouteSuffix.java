package org.peerage.bgp.text;

import java.util.List;
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
 * copied for each prefix.
 */
final class RouteSuffix {
    private final boolean full;

    RouteSuffix(boolean full) {
        this.full = full;
    }

    /** What bgpdump prints for an IPv4 next hop it never received (INADDR_NONE). */
    private static final int NO_NEXT_HOP = 0xFFFFFFFF;

    private final LinePart part = new LinePart();

    void write(AsciiSink out, List<PathAttribute> attributes, boolean twoOctetPath, boolean ipv6NextHop) {
        prepare(attributes, twoOctetPath, ipv6NextHop);
        writePrepared(out);
    }

    void writePrepared(AsciiSink out) {
        part.copyTo(out);
    }

    void prepare(List<PathAttribute> attributes, boolean twoOctetPath, boolean ipv6NextHop) {
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
        AsciiSink s = part.start();
        if (asPath != null) {
            asPath(s, twoOctetPath ? As4Reconciliation.path(asPath, as4Path) : asPath.segments());
        }
        s.ch('|');
        s.text(origin == null ? "INCOMPLETE" : origin.label());
        if (!full) {
            part.done();
            return;
        }
        s.ch('|');
        if (ipv6NextHop && mpReach != null && mpReach.nextHop().length >= 16) {
            s.bgpdumpAddress(mpReach.nextHop(), 0, 16);
        } else if (nextHop != null) {
            s.ipv4(nextHop.address());
        } else if (mpReach != null && mpReach.nextHop().length == 4) {
            s.bgpdumpAddress(mpReach.nextHop(), 0, 4);
        } else {
            s.ipv4(NO_NEXT_HOP);
        }
        s.ch('|').number(localPref == null ? 0 : localPref.value());
        s.ch('|').number(med == null ? 0 : med.value());
        s.ch('|');
        if (communities != null) {
            communities(s, communities);
        }
        s.ch('|').text(atomic ? "AG" : "NAG").ch('|');
        if (aggregator != null) {
            long asn = aggregator.asn();
            int address = aggregator.address();
            if (twoOctetPath && asn == As4Reconciliation.AS_TRANS && as4Aggregator != null) {
                asn = as4Aggregator.asn();
                address = as4Aggregator.address();
            }
            s.number(asn).ch(' ').ipv4(address);
        }
        s.ch('|');
        part.done();
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
