package org.peerage.bgp.speaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.As4Aggregator;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.ClusterList;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.OriginatorId;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.SegmentType;
import org.peerage.bgp.wire.attr.UnknownAttribute;

/**
 * How a speaker turns stored attributes into what it announces over eBGP: its AS prepended (RFC 4271 §5.1.2),
 * IBGP-only attributes removed (LOCAL_PREF, ORIGINATOR_ID, CLUSTER_LIST), unknown transitive attributes passed on
 * with the Partial bit, non-transitive unknown ones dropped, a missing ORIGIN supplied as INCOMPLETE, NEXT_HOP set
 * by the caller; and, towards a speaker
 * without 4-octet AS support, AS_TRANS with AS4_PATH and AS4_AGGREGATOR (RFC 6793 §4.2.2).
 */
public final class ExportPolicy {
    private ExportPolicy() {
    }

    /** Attributes for an eBGP announcement by {@code localAs}, without any next hop (the caller adds it). */
    public static List<PathAttribute> ebgp(List<PathAttribute> stored, long localAs, boolean fourOctetPeer) {
        AsPath path = null;
        for (PathAttribute a : stored) {
            if (a instanceof AsPath p) path = p;
        }
        return transparent(stored, prepend(path == null ? List.of() : path.segments(), localAs), fourOctetPeer);
    }

    /**
     * Attributes passed on over eBGP with {@code segments} as the AS path and nothing else added — a route server's
     * announcement (RFC 7947 §2.2) — without any next hop: IBGP-only attributes and non-transitive unknown ones
     * dropped, unknown transitive ones marked Partial, ORIGIN supplied if missing, AS4 attributes for a 2-octet peer.
     */
    public static List<PathAttribute> transparent(List<PathAttribute> stored, List<AsPathSegment> segments,
                                                  boolean fourOctetPeer) {
        List<PathAttribute> out = new ArrayList<>();
        Aggregator aggregator = null;
        for (PathAttribute a : stored) {
            switch (a) {
                case AsPath ignored -> { }
                case Aggregator g -> aggregator = g;
                case LocalPref ignored -> { }
                case OriginatorId ignored -> { }
                case ClusterList ignored -> { }
                case NextHop ignored -> { }
                case MpReachNlri ignored -> { }
                case MpUnreachNlri ignored -> { }
                case As4Path ignored -> { } // rebuilt below when the peer needs one
                case As4Aggregator ignored -> { }
                case UnknownAttribute u -> {
                    if (org.peerage.bgp.wire.attr.AttributeFlags.isTransitive(u.flags())) out.add(u.passedOn());
                }
                default -> out.add(a);
            }
        }
        if (stored.stream().noneMatch(a -> a instanceof org.peerage.bgp.wire.attr.Origin)) {
            // ORIGIN is well-known mandatory (RFC 4271 §5.1.1); a route stored without one (a collector's own
            // routes in some RIB dumps) is of unknown origin: INCOMPLETE.
            out.add(org.peerage.bgp.wire.attr.Origin.of(org.peerage.bgp.wire.attr.Origin.INCOMPLETE));
        }
        if (fourOctetPeer) {
            out.addFirst(AsPath.of(segments));
            if (aggregator != null) out.add(aggregator);
            return sorted(out);
        }
        out.addFirst(AsPath.of(asTrans(segments)));
        if (needsAs4(segments)) {
            out.add(As4Path.of(segments.stream().filter(s -> !s.type().isConfederation()).toList()));
        }
        if (aggregator != null) {
            if (aggregator.asn() > 0xFFFF) {
                out.add(Aggregator.of(As4Reconciliation.AS_TRANS, aggregator.address()));
                out.add(As4Aggregator.of(aggregator.asn(), aggregator.address()));
            } else {
                out.add(aggregator);
            }
        }
        return sorted(out);
    }

    /** The path with {@code asn} put in front (in the first AS_SEQUENCE, or a new one). */
    public static List<AsPathSegment> prepend(List<AsPathSegment> segments, long asn) {
        List<AsPathSegment> out = new ArrayList<>(segments);
        if (!out.isEmpty() && out.getFirst().type() == SegmentType.AS_SEQUENCE && out.getFirst().size() < 255) {
            AsPathSegment first = out.removeFirst();
            int[] asns = new int[first.size() + 1];
            asns[0] = (int) asn;
            System.arraycopy(first.asns(), 0, asns, 1, first.size());
            out.addFirst(new AsPathSegment(SegmentType.AS_SEQUENCE, asns));
        } else {
            out.addFirst(AsPathSegment.sequence(asn));
        }
        return out;
    }

    private static boolean needsAs4(List<AsPathSegment> segments) {
        for (AsPathSegment s : segments) {
            for (int i = 0; i < s.size(); i++) {
                if (s.asn(i) > 0xFFFF) return true;
            }
        }
        return false;
    }

    private static List<AsPathSegment> asTrans(List<AsPathSegment> segments) {
        List<AsPathSegment> out = new ArrayList<>(segments.size());
        for (AsPathSegment s : segments) {
            int[] asns = Arrays.copyOf(s.asns(), s.size());
            for (int i = 0; i < asns.length; i++) {
                if ((asns[i] & 0xFFFF_FFFFL) > 0xFFFF) asns[i] = As4Reconciliation.AS_TRANS;
            }
            out.add(new AsPathSegment(s.type(), asns));
        }
        return out;
    }

    /** Attributes in type-code order, as RFC 4271 §5 suggests senders do. */
    static List<PathAttribute> sorted(List<PathAttribute> attributes) {
        List<PathAttribute> s = new ArrayList<>(attributes);
        s.sort(java.util.Comparator.comparingInt(PathAttribute::typeCode));
        return s;
    }
}
