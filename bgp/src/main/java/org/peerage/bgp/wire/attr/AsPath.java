package org.peerage.bgp.wire.attr;

import java.util.List;

/** AS_PATH (RFC 4271 §5.1.2). Whether it travels in 2 or 4 octets per AS is the session's, not the attribute's. */
public record AsPath(int flags, List<AsPathSegment> segments) implements PathAttribute {
    public AsPath {
        segments = List.copyOf(segments);
    }

    public static AsPath of(List<AsPathSegment> segments) {
        return new AsPath(AttributeType.AS_PATH.category().flags(), segments);
    }

    @Override
    public int typeCode() {
        return AttributeType.AS_PATH.code();
    }

    /** Path length for best-path selection: sets count one, confederation segments none. */
    public int pathLength() {
        int n = 0;
        for (AsPathSegment s : segments) {
            n += s.pathLength();
        }
        return n;
    }

    @Override
    public String toString() {
        return AsPathText.of(segments);
    }
}
