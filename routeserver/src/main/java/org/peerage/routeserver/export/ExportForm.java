package org.peerage.routeserver.export;

import java.util.List;
import org.peerage.bgp.speaker.ExportPolicy;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * One attribute set as the route server sends it with one combination of changes (a {@link Variant}): control and
 * informational communities replaced, prepends, a blackhole next hop. Held for every receiver that gets it; the
 * serial tells an Adj-RIB-Out entry apart from any other form, before or after. Kept encoded only (as a 4-octet AS
 * session carries it), which is what sending needs: the form for receivers without 4-octet AS support is made from
 * it when first asked for, the decoded attributes only for the per-route encoder and for reading.
 */
public final class ExportForm {
    private static final CodecContext TWO_OCTET = CodecContext.TWO_OCTET_AS.withMaxMessageLength(
            CodecContext.EXTENDED_MAX_LENGTH);
    private static final CodecContext FOUR_OCTET = CodecContext.DEFAULT.withMaxMessageLength(
            CodecContext.EXTENDED_MAX_LENGTH);

    private final int serial;
    private final int attributeSerial;
    private final byte[] fourOctet;
    private final byte[] nextHop;
    private byte[] twoOctet; // made on first use, on the RIB thread

    /**
     * @param fourOctet the attributes for a 4-octet AS receiver, by type code, without next hop (NEXT_HOP or
     *                  MP_REACH_NLRI, which depend on the routes and the family)
     * @param nextHop   4 bytes, or 16 or 32 for an IPv6 next hop
     */
    public ExportForm(int serial, int attributeSerial, List<PathAttribute> fourOctet, byte[] nextHop) {
        this.serial = serial;
        this.attributeSerial = attributeSerial;
        this.fourOctet = encode(fourOctet, FOUR_OCTET);
        this.nextHop = nextHop;
    }

    public int serial() {
        return serial;
    }

    public int attributeSerial() {
        return attributeSerial;
    }

    /** Shared between forms with the same next hop: not to be modified. */
    public byte[] nextHop() {
        return nextHop;
    }

    /**
     * The attributes encoded for a receiver with or without 4-octet AS support (RFC 6793 §4.2.2: AS_TRANS and
     * AS4_PATH for the latter), by type code, without next hop. Not to be modified.
     */
    public byte[] encoded(boolean fourOctetReceiver) {
        if (fourOctetReceiver) return fourOctet;
        if (twoOctet == null) {
            List<PathAttribute> four = attributes(true);
            AsPath path = (AsPath) four.stream().filter(a -> a instanceof AsPath).findFirst().orElseThrow();
            twoOctet = encode(ExportPolicy.transparent(four, path.segments(), false), TWO_OCTET);
        }
        return twoOctet;
    }

    /** The attributes as sent to such a receiver, decoded. */
    public List<PathAttribute> attributes(boolean fourOctetReceiver) {
        byte[] bytes = encoded(fourOctetReceiver);
        return AttributeDecoder.decodeUpdate(bytes, 0, bytes.length, 0, fourOctetReceiver ? FOUR_OCTET : TWO_OCTET)
                .attributes();
    }

    private static byte[] encode(List<PathAttribute> attributes, CodecContext ctx) {
        WireWriter w = new WireWriter(128);
        AttributeEncoder.encode(w, attributes, ctx);
        return w.toByteArray();
    }
}
