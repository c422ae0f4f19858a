package org.peerage.bgp.wire.attr;

/** The Attribute Flags octet (RFC 4271 §4.3). */
public final class AttributeFlags {
    public static final int OPTIONAL = 0x80;
    public static final int TRANSITIVE = 0x40;
    public static final int PARTIAL = 0x20;
    public static final int EXTENDED_LENGTH = 0x10;
    /** The two bits fixed by an attribute's definition. */
    public static final int CATEGORY_MASK = OPTIONAL | TRANSITIVE;

    private AttributeFlags() {
    }

    public static boolean isOptional(int flags) {
        return (flags & OPTIONAL) != 0;
    }

    public static boolean isTransitive(int flags) {
        return (flags & TRANSITIVE) != 0;
    }

    public static boolean isExtendedLength(int flags) {
        return (flags & EXTENDED_LENGTH) != 0;
    }
}
