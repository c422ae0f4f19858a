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
}
