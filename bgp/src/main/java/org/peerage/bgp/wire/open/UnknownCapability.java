package org.peerage.bgp.wire.open;

import java.util.Arrays;
import java.util.HexFormat;

/** A capability peerage does not decode, kept byte for byte so that it can be logged and re-encoded exactly. */
public record UnknownCapability(int code, byte[] value) implements Capability {

    public UnknownCapability {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("capability code out of range: " + code);
        }
        CapabilityCode known = CapabilityCode.of(code);
        if (known != null && known.decoded()) {
            // The decoder would return the specific record, so decode(encode(this)) could not equal this.
            throw new IllegalArgumentException("capability " + code + " has its own record");
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("capability value of " + value.length + " bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The capability's name if it has one (for example the pre-standard Cisco route refresh), or null. */
    public CapabilityCode knownCode() {
        return CapabilityCode.of(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownCapability u && u.code == code && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        CapabilityCode known = knownCode();
        return "UnknownCapability[" + (known != null ? known.label() + " " : "") + "code " + code + ", value "
                + HexFormat.of().formatHex(value) + "]";
    }
}
