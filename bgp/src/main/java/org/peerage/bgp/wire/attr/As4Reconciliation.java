package org.peerage.bgp.wire.attr;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the true path from AS_PATH and AS4_PATH as received from a 2-octet-only speaker (RFC 6793 §4.2.3).
 */
public final class As4Reconciliation {
    public static final int AS_TRANS = 23456;

    private As4Reconciliation() {
    }

    /**
     * The reconciled segments: if AS4_PATH is longer than AS_PATH it is ignored; otherwise the leading AS numbers of
     * AS_PATH that AS4_PATH does not cover are kept, followed by AS4_PATH.
     */
    public static List<AsPathSegment> path(AsPath asPath, As4Path as4Path) {
        if (as4Path == null) {
            return asPath.segments();
        }
        int asPathLength = asPath.pathLength();
        int as4Length = 0;
        for (AsPathSegment s : as4Path.segments()) {
            as4Length += s.pathLength();
        }
        if (asPathLength < as4Length) {
            return asPath.segments();
        }
        int keep = asPathLength - as4Length;
        List<AsPathSegment> merged = new ArrayList<>();
        for (AsPathSegment s : asPath.segments()) {
            if (keep <= 0) {
                break;
            }
            if (s.type().isConfederation()) {
                merged.add(s);
            } else if (s.type().isSet()) {
                merged.add(s);
                keep--;
            } else if (s.size() <= keep) {
                merged.add(s);
                keep -= s.size();
            } else {
                merged.add(new AsPathSegment(s.type(), java.util.Arrays.copyOf(s.asns(), keep)));
                keep = 0;
            }
        }
        merged.addAll(as4Path.segments());
        return merged;
    }

    /**
     * The attributes of an UPDATE from a 2-octet-only speaker as a 4-octet speaker must see them: AS_PATH rebuilt
     * with AS4_PATH, AGGREGATOR taken from AS4_AGGREGATOR when it holds AS_TRANS (an AS4_AGGREGATOR beside a real
     * 2-octet AGGREGATOR means AS4_PATH is to be ignored, RFC 6793 §4.2.3), and both AS4_ attributes removed.
     */
    public static List<PathAttribute> attributes(List<PathAttribute> received) {
        AsPath asPath = null;
        As4Path as4Path = null;
        Aggregator aggregator = null;
        As4Aggregator as4Aggregator = null;
        for (PathAttribute a : received) {
            switch (a) {
                case AsPath p -> asPath = p;
                case As4Path p -> as4Path = p;
                case Aggregator g -> aggregator = g;
                case As4Aggregator g -> as4Aggregator = g;
                default -> { }
            }
        }
        if (as4Path == null && as4Aggregator == null) {
            return received;
        }
        boolean ignoreAs4Path = aggregator != null && as4Aggregator != null && aggregator.asn() != AS_TRANS;
        List<PathAttribute> out = new ArrayList<>(received.size());
        for (PathAttribute a : received) {
            switch (a) {
                case As4Path ignored -> { }
                case As4Aggregator ignored -> { }
                case AsPath p -> out.add(ignoreAs4Path ? p : new AsPath(p.flags(), path(p, as4Path)));
                case Aggregator g -> out.add(as4Aggregator != null && g.asn() == AS_TRANS
                        ? new Aggregator(g.flags(), as4Aggregator.asn(), as4Aggregator.address()) : g);
                default -> out.add(a);
            }
        }
        return out;
    }
}
