package org.peerage.bgp.wire.attr;

/** LOCAL_PREF (RFC 4271 §5.1.5), an unsigned 32-bit value. */
public record LocalPref(int flags, long value) implements PathAttribute {
    public LocalPref {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("LOCAL_PREF " + value);
        }
    }

    public static LocalPref of(long value) {
        return new LocalPref(AttributeType.LOCAL_PREF.category().flags(), value);
    }

    @Override
    public int typeCode() {
        return AttributeType.LOCAL_PREF.code();
    }
}
