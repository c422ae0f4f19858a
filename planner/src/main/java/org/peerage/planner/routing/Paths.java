package org.peerage.planner.routing;

import java.util.List;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.PathAttribute;

/** The AS path of a route's attributes, interned: AS4_PATH merged in, prepends and confederations left out. */
final class Paths {
    private Paths() {
    }

    static int intern(AsPaths paths, List<PathAttribute> attributes) {
        AsPath asPath = null;
        As4Path as4Path = null;
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) {
                asPath = p;
            } else if (a instanceof As4Path p) {
                as4Path = p;
            }
        }
        if (asPath == null) {
            return 0;
        }
        List<AsPathSegment> segments = As4Reconciliation.path(asPath, as4Path);
        int n = 0;
        for (AsPathSegment s : segments) {
            if (!s.type().isConfederation()) {
                n += s.size();
            }
        }
        int[] flat = new int[n];
        int k = 0;
        for (AsPathSegment s : segments) {
            if (s.type().isConfederation()) {
                continue;
            }
            for (int asn : s.asns()) {
                if (k == 0 || flat[k - 1] != asn) {
                    flat[k++] = asn;
                }
            }
        }
        return paths.intern(k == n ? flat : java.util.Arrays.copyOf(flat, k), AsPath.of(segments).toString());
    }

    /** Path length as best-path selection counts it (RFC 4271: a set counts one), for choosing among peers. */
    static int selectionLength(List<PathAttribute> attributes) {
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) {
                return p.pathLength();
            }
        }
        return 0;
    }
}
