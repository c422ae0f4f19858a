package org.peerage.bgp.wire.attr;

/** AS_PATH segment types (RFC 4271 §4.3, RFC 5065 §3). */
public enum SegmentType {
    AS_SET(1), AS_SEQUENCE(2), AS_CONFED_SEQUENCE(3), AS_CONFED_SET(4);

    private static final SegmentType[] BY_CODE = values();

    private final int code;

    SegmentType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The segment type, or null for a code that is not one. */
    public static SegmentType of(int code) {
        return code >= 1 && code <= 4 ? BY_CODE[code - 1] : null;
    }

    public boolean isSet() {
        return this == AS_SET || this == AS_CONFED_SET;
    }

    public boolean isConfederation() {
        return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
    }
}
