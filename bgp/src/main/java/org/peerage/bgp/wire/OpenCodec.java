package org.peerage.bgp.wire;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.open.CapabilitiesParameter;
import org.peerage.bgp.wire.open.CapabilityCodec;

/**
 * The OPEN body codec (after the 19-byte header). Malformation offsets are relative to the body. Checks that need
 * configuration (the peer's expected AS, acceptable roles, required capabilities) belong to the session layer.
 */
public final class OpenCodec {
    /** Version, My AS, Hold Time, BGP Identifier, Opt Parm Len. */
    static final int FIXED_LENGTH = 10;
    private static final int VERSION_AT = 0;
    private static final int MY_AS_AT = 1;
    private static final int HOLD_TIME_AT = 3;
    private static final int BGP_ID_AT = 5;
    private static final int OPT_PARM_LEN_AT = 9;

    private OpenCodec() {
    }

    public static DecodeResult<OpenMessage> decode(byte[] buf, int off, int len) {
        if (len < FIXED_LENGTH) {
            return DecodeResult.failed(HeaderMalformations.badLength(BgpMessageCodec.HEADER_LENGTH + len, 0,
                    "OPEN body of " + len + " bytes is shorter than its " + FIXED_LENGTH + " fixed bytes"));
        }
        int version = u8(buf, off + VERSION_AT);
        if (version != OpenMessage.VERSION) {
            // RFC 4271 §6.2: the data is the largest version we support, in two octets.
            return failed(OpenErrorSubcode.UNSUPPORTED_VERSION_NUMBER, new byte[] {0, OpenMessage.VERSION},
                    VERSION_AT, "BGP version " + version + ", only 4 is supported");
        }
        int myAs = u16(buf, off + MY_AS_AT);
        if (myAs == 0) {
            return failed(OpenErrorSubcode.BAD_PEER_AS, field(buf, off + MY_AS_AT, 2), MY_AS_AT,
                    "My AS is 0, which no peer can have (RFC 7607)");
        }
        int holdTime = u16(buf, off + HOLD_TIME_AT);
        if (holdTime == 1 || holdTime == 2) {
            return failed(OpenErrorSubcode.UNACCEPTABLE_HOLD_TIME, field(buf, off + HOLD_TIME_AT, 2), HOLD_TIME_AT,
                    "hold time " + holdTime + " s: must be 0 or at least 3 s");
        }
        int bgpId = i32(buf, off + BGP_ID_AT);
        if (bgpId == 0) {
            return failed(OpenErrorSubcode.BAD_BGP_IDENTIFIER, null, BGP_ID_AT, "BGP identifier is 0.0.0.0");
        }
        return switch (parameters(buf, off, len)) {
            case DecodeResult.Decoded<List<CapabilitiesParameter>> d -> DecodeResult.ok(new OpenMessage(myAs,
                    holdTime, bgpId, d.value(), extendedFormat(buf, off, len) ? u8(buf, off + OPT_PARM_LEN_AT) : 0));
            case DecodeResult.Failed<List<CapabilitiesParameter>> f -> DecodeResult.failed(f.malformation());
        };
    }

    /** RFC 9072 §2: a Non-Ext OP Type of 255 where the first parameter would start marks the extended format. */
    private static boolean extendedFormat(byte[] buf, int off, int len) {
        return u8(buf, off + OPT_PARM_LEN_AT) != 0 && len > FIXED_LENGTH
                && u8(buf, off + FIXED_LENGTH) == OpenMessage.EXTENDED_FORMAT;
    }

    /** The optional parameters, which must fill the rest of the body exactly. */
    private static DecodeResult<List<CapabilitiesParameter>> parameters(byte[] buf, int off, int len) {
        boolean extended = extendedFormat(buf, off, len);
        int paramsAt;
        int paramsLength;
        if (extended) {
            // Non-Ext OP Len and Type, then the two-octet total length.
            if (len < FIXED_LENGTH + 3) {
                return unspecific(FIXED_LENGTH, "extended optional parameters length truncated");
            }
            paramsAt = FIXED_LENGTH + 3;
            paramsLength = u16(buf, off + FIXED_LENGTH + 1);
        } else {
            paramsAt = FIXED_LENGTH;
            paramsLength = u8(buf, off + OPT_PARM_LEN_AT);
        }
        if (paramsAt + paramsLength != len) {
            return unspecific(extended ? FIXED_LENGTH + 1 : OPT_PARM_LEN_AT, "optional parameters length "
                    + paramsLength + " but " + (len - paramsAt) + " bytes follow");
        }
        List<CapabilitiesParameter> parameters = new ArrayList<>();
        int lengthBytes = extended ? 2 : 1;
        for (int p = paramsAt; p < len; ) {
            if (len - p < 1 + lengthBytes) {
                return unspecific(p, "optional parameter header truncated");
            }
            int type = u8(buf, off + p);
            int length = extended ? u16(buf, off + p + 1) : u8(buf, off + p + 1);
            int valueAt = p + 1 + lengthBytes;
            if (valueAt + length > len) {
                return unspecific(p + 1, "optional parameter " + type + " length " + length + " overruns the "
                        + (len - valueAt) + " bytes left");
            }
            if (type != CapabilitiesParameter.TYPE) {
                // RFC 4271 §6.2; the data (the parameter as received) is what BIRD sends too.
                return failed(OpenErrorSubcode.UNSUPPORTED_OPTIONAL_PARAMETER,
                        field(buf, off + p, valueAt + length - p), p,
                        "optional parameter type " + type + " is not supported (only capabilities, type 2)");
            }
            switch (CapabilityCodec.decodeParameter(buf, off + valueAt, length, off)) {
                case DecodeResult.Decoded<CapabilitiesParameter> d -> parameters.add(d.value());
                case DecodeResult.Failed<CapabilitiesParameter> f -> {
                    return DecodeResult.failed(f.malformation());
                }
            }
            p = valueAt + length;
        }
        return DecodeResult.ok(parameters);
    }

    private static byte[] field(byte[] buf, int at, int len) {
        return Arrays.copyOfRange(buf, at, at + len);
    }

    private static <T> DecodeResult<T> failed(OpenErrorSubcode subcode, byte[] data, int offset, String reason) {
        return DecodeResult.failed(subcode.malformation(data, offset, reason));
    }

    private static <T> DecodeResult<T> unspecific(int offset, String reason) {
        return failed(OpenErrorSubcode.UNSPECIFIC, null, offset, reason);
    }

    /**
     * Writes the OPEN body.
     *
     * @throws IllegalArgumentException if the parameters overflow their format's length fields
     */
    public static void encodeBody(WireWriter out, OpenMessage m) {
        out.u8(OpenMessage.VERSION).u16(m.myAs()).u16(m.holdTime()).u32(m.bgpIdentifier() & 0xFFFF_FFFFL);
        boolean extended = m.extendedFormat();
        int limit = extended ? 0xFFFF : 0xFF;
        int totalAt;
        if (extended) {
            out.u8(m.nonExtOpLen()).u8(OpenMessage.EXTENDED_FORMAT);
            totalAt = out.skip(2);
        } else {
            totalAt = out.skip(1);
        }
        int start = out.position();
        for (CapabilitiesParameter p : m.parameters()) {
            out.u8(CapabilitiesParameter.TYPE);
            int lengthAt = out.skip(extended ? 2 : 1);
            CapabilityCodec.encodeParameter(out, p);
            int length = out.position() - lengthAt - (extended ? 2 : 1);
            if (length > limit) {
                throw new IllegalArgumentException("capabilities parameter of " + length + " bytes exceeds " + limit
                        + (extended ? "" : "; use the RFC 9072 extended format"));
            }
            putLength(out, lengthAt, length, extended);
        }
        int total = out.position() - start;
        if (total > limit) {
            throw new IllegalArgumentException("optional parameters of " + total + " bytes exceed " + limit
                    + (extended ? "" : "; use the RFC 9072 extended format"));
        }
        putLength(out, totalAt, total, extended);
    }

    private static void putLength(WireWriter out, int at, int length, boolean twoOctets) {
        if (twoOctets) {
            out.putU16At(at, length);
        } else {
            out.putU8At(at, length);
        }
    }

    /** True if the parameters fit the RFC 4271 format's one-octet lengths. */
    static boolean fitsStandardFormat(List<CapabilitiesParameter> parameters) {
        int total = 0;
        for (CapabilitiesParameter p : parameters) {
            WireWriter value = new WireWriter(64);
            CapabilityCodec.encodeParameter(value, p);
            if (value.position() > 0xFF) {
                return false;
            }
            total += 2 + value.position();
        }
        return total <= 0xFF;
    }
}
