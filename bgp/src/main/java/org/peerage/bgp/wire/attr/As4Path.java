package org.peerage.bgp.wire.attr;

import java.util.List;

/** AS4_PATH (RFC 6793 §3): the true 4-octet path beside an AS_PATH sent to or by a 2-octet-only speaker. */
public record As4Path(int flags, List<AsPathSegment> segments) implements PathAttribute {
    public As4Path {
        segments = List.copyOf(segments);
    }

    public static As4Path of(List<AsPathSegment> segments) {
        return new As4Path(AttributeType.AS4_PATH.category().flags(), segments);
    }

    @Override
    public int typeCode() {
        return AttributeType.AS4_PATH.code();
    }

    @Override
    public String toString() {
        return AsPathText.of(segments);
    }
}
