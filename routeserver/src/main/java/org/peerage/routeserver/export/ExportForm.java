package org.peerage.routeserver.export;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.speaker.ExportPolicy;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.AttributeFlags;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * One attribute set as the route server sends it with one combination of changes (a {@link Variant}): control and
 * informational communities replaced, prepends, a blackhole next hop. Held for every receiver that gets it; the
 * serial tells an Adj-RIB-Out entry apart from any other form, before or after. Kept encoded only (as a 4-octet AS
 * session carries it), which is what sending needs: the form for receivers without 4-octet AS support is made from
 * it when first asked for, the decoded attributes only for the per-route encoder and for reading.
 *
 * <p>Most forms are the attribute set as received without its next hop: such a form keeps no bytes of its own but
 * the set's stored encoding and where the next hop lies in it, which is half of what attribute sets and their
 * forms cost together.
 */
public final class ExportForm {
    private static final CodecContext TWO_OCTET = CodecContext.TWO_OCTET_AS.withMaxMessageLength(
            CodecContext.EXTENDED_MAX_LENGTH);
    private static final CodecContext FOUR_OCTET = CodecContext.DEFAULT.withMaxMessageLength(
            CodecContext.EXTENDED_MAX_LENGTH);

    private static final int NEXT_HOP = AttributeType.NEXT_HOP.code();
    private static final int NEXT_HOP_FLAGS = AttributeType.NEXT_HOP.category().flags();

    private final int serial;
    private final int attributeSerial;
    private final byte[] source; // the 4-octet AS encoding, but for [cutFrom, cutTo)
    private final int cutFrom;
    private final int cutTo;
    private final byte[] nextHop;
    private final boolean storedIsIpv4Update;
    private byte[] twoOctet; // made on first use, on the RIB thread

    /**
     * @param fourOctet the attributes for a 4-octet AS receiver, by type code, without next hop (NEXT_HOP or
     *                  MP_REACH_NLRI, which depend on the routes and the family)
     * @param nextHop   4 bytes, or 16 or 32 for an IPv6 next hop
     */
    public ExportForm(int serial, int attributeSerial, List<PathAttribute> fourOctet, byte[] nextHop) {
        this(serial, attributeSerial, fourOctet, nextHop, null);
    }

    /**
     * @param stored the attribute set's stored encoding (4-octet AS), or null: kept instead of the form's own
     *               bytes if it is them plus one NEXT_HOP or MP_REACH_NLRI attribute
     */
    public ExportForm(int serial, int attributeSerial, List<PathAttribute> fourOctet, byte[] nextHop, byte[] stored) {
        this.serial = serial;
        this.attributeSerial = attributeSerial;
        this.nextHop = nextHop;
        byte[] own = encode(fourOctet, FOUR_OCTET);
        long cut = stored == null ? -1 : nextHopCut(stored, own);
        if (cut < 0) {
            source = own;
            cutFrom = own.length;
            cutTo = own.length;
        } else {
            source = stored;
            cutFrom = (int) (cut >>> 32);
            cutTo = (int) cut;
        }
        storedIsIpv4Update = sharesStoredEncoding() && nextHop.length == 4 && cutTo - cutFrom == 7
                && (source[cutFrom] & 0xFF) == NEXT_HOP_FLAGS && source[cutFrom + 1] == NEXT_HOP
                && source[cutFrom + 2] == 4 && Arrays.equals(source, cutFrom + 3, cutTo, nextHop, 0, 4)
                && cutFrom == firstAbove(own, NEXT_HOP);
    }

    /**
     * The attributes field of an IPv4 UPDATE to a 4-octet AS receiver, NEXT_HOP (4 bytes, flags 0x40) in type
     * order, when the attribute set's stored encoding is exactly that (a set as received, with the same next hop):
     * then it is sent as it is, without splicing. Otherwise null. Not to be modified.
     */
    byte[] storedWithNextHop() {
        return storedIsIpv4Update ? source : null;
    }

    /** Where the first attribute with a type code above {@code type} starts (the end if there is none). */
    static int firstAbove(byte[] attributes, int type) {
        int pos = 0;
        while (pos < attributes.length) {
            int flags = attributes[pos] & 0xFF;
            if ((attributes[pos + 1] & 0xFF) > type) return pos;
            boolean extended = (flags & AttributeFlags.EXTENDED_LENGTH) != 0;
            int length = extended ? (attributes[pos + 2] & 0xFF) << 8 | attributes[pos + 3] & 0xFF
                    : attributes[pos + 2] & 0xFF;
            pos += (extended ? 4 : 3) + length;
        }
        return attributes.length;
    }

    /**
     * Where {@code stored} holds a NEXT_HOP or MP_REACH_NLRI attribute whose removal leaves exactly {@code form}, as
     * (from &lt;&lt; 32 | to); -1 if it holds none or differs otherwise.
     */
    static long nextHopCut(byte[] stored, byte[] form) {
        int i = 0;
        while (i + 3 <= stored.length) {
            int flags = stored[i] & 0xFF;
            int type = stored[i + 1] & 0xFF;
            boolean extended = (flags & 0x10) != 0;
            if (extended && i + 4 > stored.length) return -1;
            int length = extended ? (stored[i + 2] & 0xFF) << 8 | stored[i + 3] & 0xFF : stored[i + 2] & 0xFF;
            int end = i + (extended ? 4 : 3) + length;
            if (end > stored.length) return -1;
            if (type == 3 || type == 14) {
                int cut = end - i;
                if (stored.length - cut != form.length) return -1;
                if (!Arrays.equals(stored, 0, i, form, 0, i)) return -1;
                if (!Arrays.equals(stored, end, stored.length, form, i, form.length)) return -1;
                return (long) i << 32 | end;
            }
            i = end;
        }
        return -1;
    }

    /** Whether the form keeps no bytes of its own (it uses its attribute set's). */
    boolean sharesStoredEncoding() {
        return cutFrom != cutTo;
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
     * AS4_PATH for the latter), by type code, without next hop. Not to be modified (it may be shared).
     */
    public byte[] encoded(boolean fourOctetReceiver) {
        if (fourOctetReceiver) {
            if (cutFrom == cutTo) return source;
            byte[] out = new byte[source.length - (cutTo - cutFrom)];
            System.arraycopy(source, 0, out, 0, cutFrom);
            System.arraycopy(source, cutTo, out, cutFrom, source.length - cutTo);
            return out;
        }
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
