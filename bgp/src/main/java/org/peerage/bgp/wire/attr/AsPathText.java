package org.peerage.bgp.wire.attr;

import java.util.List;

/** The usual text form of a path: sequences space-separated, sets in braces, confederation segments in brackets. */
final class AsPathText {
    private AsPathText() {
    }

    static String of(List<AsPathSegment> segments) {
        StringBuilder sb = new StringBuilder();
        for (AsPathSegment s : segments) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }
}
