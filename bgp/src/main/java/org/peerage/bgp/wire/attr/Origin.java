package org.peerage.bgp.wire.attr;

/** ORIGIN (RFC 4271 §5.1.1): 0 IGP, 1 EGP, 2 INCOMPLETE. */
public record Origin(int flags, int value) implements PathAttribute {
    public static final int IGP = 0;
    public static final int EGP = 1;
    public static final int INCOMPLETE = 2;

    public Origin {
        if (value < 0 || value > 2) {
            throw new IllegalArgumentException("ORIGIN " + value);
        }
    }

    public static Origin of(int value) {
        return new Origin(AttributeType.ORIGIN.category().flags(), value);
    }

    @Override
    public int typeCode() {
        return AttributeType.ORIGIN.code();
    }

    /** IGP, EGP or INCOMPLETE, as operators and bgpdump write it. */
    public String label() {
        return switch (value) {
            case IGP -> "IGP";
            case EGP -> "EGP";
            default -> "INCOMPLETE";
        };
    }
}
