package org.peerage.bgp.wire.attr;

import java.util.Arrays;
import java.util.HexFormat;

/** An attribute peerage does not interpret, kept byte for byte with its flags. */
public record UnknownAttribute(int flags, int typeCode, byte[] value) implements PathAttribute {
    public UnknownAttribute {
        if (typeCode < 0 || typeCode > 255) {
            throw new IllegalArgumentException("attribute type " + typeCode);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The attribute as passed on to another peer: an unrecognized optional transitive attribute gets the Partial bit
     * (RFC 4271 §5); non-transitive ones are not passed on at all, which the caller decides.
     */
    public UnknownAttribute passedOn() {
        return AttributeFlags.isTransitive(flags) ? new UnknownAttribute(flags | AttributeFlags.PARTIAL, typeCode, value)
                : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownAttribute u && u.flags == flags && u.typeCode == typeCode
                && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return (flags * 31 + typeCode) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "attribute " + typeCode + " flags 0x" + Integer.toHexString(flags) + " " + HexFormat.of().formatHex(value);
    }
}
