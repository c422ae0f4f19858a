package org.peerage.bgp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;

/**
 * The AS4_PATH merge exactly as bgpdump 1.6.2 does it for records with 2-octet AS numbers (docs/bgpdump-format.md
 * §4.5). It differs from RFC 6793 §4.2.3 ({@link As4Reconciliation}, which peerage itself uses): the uncovered
 * leading part is filled by repeating the first AS_PATH segment, and confederation segments are counted.
 */
final class BgpdumpAs4Merge {
    private BgpdumpAs4Merge() {
    }

    static List<AsPathSegment> path(AsPath asPath, As4Path as4Path) {
        if (as4Path == null || asPath == null) {
            return asPath == null ? List.of() : asPath.segments();
        }
        List<AsPathSegment> segments = asPath.segments();
        int need = count(segments) - count(as4Path.segments());
        if (need < 0 || (need > 0 && segments.isEmpty())) {
            return segments;
        }
        List<AsPathSegment> merged = new ArrayList<>();
        AsPathSegment first = need > 0 ? segments.getFirst() : null;
        int copied = 0;
        while (copied < need) {
            if (first.type().isSet()) {
                merged.add(first);
                copied++;
            } else {
                int take = Math.min(first.size(), need - copied);
                merged.add(take == first.size() ? first
                        : new AsPathSegment(first.type(), Arrays.copyOf(first.asns(), take)));
                copied += take;
            }
        }
        merged.addAll(as4Path.segments());
        return merged;
    }

    /** bgpdump's path count: sequences (confederation ones too) count their length, sets one. */
    private static int count(List<AsPathSegment> segments) {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.type().isSet() ? 1 : s.size();
        }
        return n;
    }
}
