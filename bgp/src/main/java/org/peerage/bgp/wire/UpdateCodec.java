package org.peerage.bgp.wire;

import static org.peerage.bgp.wire.WireReader.u16;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.AttributeType;

/**
 * The UPDATE body codec (everything after the 19-byte header) with RFC 7606 error handling. Malformation offsets are
 * relative to the start of the body.
 */
public final class UpdateCodec {
    private UpdateCodec() {
    }

    public static DecodeResult<UpdateMessage> decode(byte[] buf, int off, int len, CodecContext ctx) {
        int end = off + len;
        if (len < 4) {
            return fail(UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, 0, "UPDATE body of " + len
                    + " bytes is shorter than its two length fields");
        }
        int withdrawnLength = u16(buf, off);
        int attributesLengthAt = off + 2 + withdrawnLength;
        if (attributesLengthAt + 2 > end) {
            return fail(UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, 0, "withdrawn routes length " + withdrawnLength
                    + " overruns the message");
        }
        boolean ipv4AddPath = ctx.addPath(AddressFamily.IPV4_UNICAST);
        NlriCodec.Parsed withdrawn = NlriCodec.decode(buf, off + 2, withdrawnLength, false, ipv4AddPath);
        if (!withdrawn.ok()) {
            return fail(UpdateErrorSubcode.INVALID_NETWORK_FIELD, withdrawn.errorOffset() - off,
                    "withdrawn routes: " + withdrawn.error());
        }
        int attributesLength = u16(buf, attributesLengthAt);
        int attributesAt = attributesLengthAt + 2;
        if (attributesAt + attributesLength > end) {
            return fail(UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, attributesLengthAt - off,
                    "total path attribute length " + attributesLength + " overruns the message");
        }
        int nlriAt = attributesAt + attributesLength;
        NlriCodec.Parsed nlri = NlriCodec.decode(buf, nlriAt, end - nlriAt, false, ipv4AddPath);
        if (!nlri.ok()) {
            return fail(UpdateErrorSubcode.INVALID_NETWORK_FIELD, nlri.errorOffset() - off, "NLRI: " + nlri.error());
        }
        AttributeDecoder.Result attributes = AttributeDecoder.decodeUpdate(buf, attributesAt, attributesLength, off,
                ctx);
        List<Malformation> malformations = new ArrayList<>(attributes.malformations());
        for (Malformation m : malformations) {
            if (m.action() == ErrorAction.SESSION_RESET) {
                return DecodeResult.failed(m);
            }
        }
        UpdateMessage update = new UpdateMessage(withdrawn.routes(), attributes.attributes(), nlri.routes());
        checkMandatory(update, attributesAt - off, malformations);
        return new DecodeResult.Decoded<>(update, malformations);
    }

    /** RFC 7606 §3 c: a missing well-known mandatory attribute means treat-as-withdraw, if anything is announced. */
    private static void checkMandatory(UpdateMessage update, int at, List<Malformation> malformations) {
        if (!update.hasReachable()) {
            return;
        }
        List<AttributeType> required = new ArrayList<>(List.of(AttributeType.ORIGIN, AttributeType.AS_PATH));
        if (!update.nlri().isEmpty()) {
            required.add(AttributeType.NEXT_HOP);
        }
        for (AttributeType type : required) {
            if (update.attribute(type) == null && !discarded(type, malformations)) {
                malformations.add(Malformation.update(ErrorAction.TREAT_AS_WITHDRAW,
                        UpdateErrorSubcode.MISSING_WELL_KNOWN_ATTRIBUTE, new byte[] {(byte) type.code()}, at,
                        type.code(), "missing well-known mandatory attribute " + type));
            }
        }
    }

    /** A malformed mandatory attribute has already been reported; it is not also missing. */
    private static boolean discarded(AttributeType type, List<Malformation> malformations) {
        for (Malformation m : malformations) {
            if (m.attributeType() == type.code()) return true;
        }
        return false;
    }

    private static DecodeResult<UpdateMessage> fail(UpdateErrorSubcode subcode, int offset, String reason) {
        return DecodeResult.failed(Malformation.update(ErrorAction.SESSION_RESET, subcode, null, offset, -1, reason));
    }

    public static byte[] encodeBody(UpdateMessage m, CodecContext ctx) {
        WireWriter out = new WireWriter(256);
        encodeBody(out, m, ctx);
        return out.toByteArray();
    }

    public static void encodeBody(WireWriter out, UpdateMessage m, CodecContext ctx) {
        boolean ipv4AddPath = ctx.addPath(AddressFamily.IPV4_UNICAST);
        int withdrawnLengthAt = out.skip(2);
        NlriCodec.encode(out, m.withdrawn(), ipv4AddPath);
        out.putU16At(withdrawnLengthAt, out.position() - withdrawnLengthAt - 2);
        int attributesLengthAt = out.skip(2);
        AttributeEncoder.encode(out, m.attributes(), ctx);
        out.putU16At(attributesLengthAt, out.position() - attributesLengthAt - 2);
        NlriCodec.encode(out, m.nlri(), ipv4AddPath);
    }
}
