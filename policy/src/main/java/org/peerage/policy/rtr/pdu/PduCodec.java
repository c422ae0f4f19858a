package org.peerage.policy.rtr.pdu;

import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u32;
import static org.peerage.bgp.wire.WireReader.u8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rtr.pdu.Pdu.CacheReset;
import org.peerage.policy.rtr.pdu.Pdu.CacheResponse;
import org.peerage.policy.rtr.pdu.Pdu.EndOfData;
import org.peerage.policy.rtr.pdu.Pdu.ErrorReport;
import org.peerage.policy.rtr.pdu.Pdu.Intervals;
import org.peerage.policy.rtr.pdu.Pdu.PrefixPdu;
import org.peerage.policy.rtr.pdu.Pdu.ResetQuery;
import org.peerage.policy.rtr.pdu.Pdu.RouterKey;
import org.peerage.policy.rtr.pdu.Pdu.SerialNotify;
import org.peerage.policy.rtr.pdu.Pdu.SerialQuery;

/**
 * Decodes and encodes RTR PDUs of versions 0 (RFC 6810) and 1 (RFC 8210). Every PDU starts with an 8-byte header:
 * version, type, a 16-bit field (session ID, error code, flags or zero) and the 32-bit length of the whole PDU.
 * Decoding never throws: malformed input is a {@link PduResult.Malformed} naming the RFC 8210 §5.11 error code.
 * A decoded PDU whose zero fields were zero encodes back to the same bytes.
 */
public final class PduCodec {
    public static final int HEADER_LENGTH = 8;
    /**
     * No PDU needs more (a Router Key is about 120 bytes, an Error Report holds one PDU and a text): a length beyond
     * this is corruption, not something to buffer.
     */
    public static final int MAX_LENGTH = 65_536;

    private static final int PREFIX4_LENGTH = 20;
    private static final int PREFIX6_LENGTH = 32;
    private static final int ROUTER_KEY_MIN_LENGTH = 32;
    private static final int ERROR_REPORT_MIN_LENGTH = 16;

    private PduCodec() {
    }

    /** Decodes the PDU starting at {@code buf[off]}, of which {@code available} bytes have arrived. */
    public static PduResult decode(byte[] buf, int off, int available) {
        if (available < HEADER_LENGTH) {
            return new PduResult.NeedMore(HEADER_LENGTH - available);
        }
        int version = u8(buf, off);
        int typeCode = u8(buf, off + 1);
        long length = u32(buf, off + 4);
        if (version != Pdu.VERSION_0 && version != Pdu.VERSION_1) {
            return malformed(buf, off, available, length, ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                    "protocol version " + version + " (versions 0 and 1 are supported)");
        }
        PduType type = PduType.of(typeCode);
        if (type == null) {
            return malformed(buf, off, available, length, ErrorCode.UNSUPPORTED_PDU_TYPE,
                    "PDU type " + typeCode + " is not defined in version " + version);
        }
        if (type == PduType.ROUTER_KEY && version == Pdu.VERSION_0) {
            return malformed(buf, off, available, length, ErrorCode.UNSUPPORTED_PDU_TYPE,
                    "Router Key PDUs do not exist in version 0");
        }
        String badLength = checkLength(type, version, length);
        if (badLength != null) {
            return malformed(buf, off, available, length, ErrorCode.CORRUPT_DATA, badLength);
        }
        int n = (int) length;
        if (available < n) {
            return new PduResult.NeedMore(n - available);
        }
        return body(type, version, buf, off, n);
    }

    /** Null if {@code length} suits the type, else what is wrong with it. */
    private static String checkLength(PduType type, int version, long length) {
        long exact = switch (type) {
            case SERIAL_NOTIFY, SERIAL_QUERY -> 12;
            case RESET_QUERY, CACHE_RESPONSE, CACHE_RESET -> HEADER_LENGTH;
            case IPV4_PREFIX -> PREFIX4_LENGTH;
            case IPV6_PREFIX -> PREFIX6_LENGTH;
            case END_OF_DATA -> version == Pdu.VERSION_0 ? 12 : 24;
            case ROUTER_KEY, ERROR_REPORT -> -1;
        };
        if (exact >= 0) {
            return length == exact ? null
                    : type.label() + " PDU of length " + length + ", version " + version + " has " + exact;
        }
        long min = type == PduType.ROUTER_KEY ? ROUTER_KEY_MIN_LENGTH : ERROR_REPORT_MIN_LENGTH;
        if (length < min) {
            return type.label() + " PDU of length " + length + ", shorter than its fixed fields (" + min + ")";
        }
        if (length > MAX_LENGTH) {
            return type.label() + " PDU of length " + length + ", more than any PDU needs (" + MAX_LENGTH + ")";
        }
        return null;
    }

    private static PduResult body(PduType type, int version, byte[] buf, int off, int length) {
        int field = u16(buf, off + 2);
        return switch (type) {
            case SERIAL_NOTIFY -> ok(new SerialNotify(version, field, u32(buf, off + 8)), length);
            case SERIAL_QUERY -> ok(new SerialQuery(version, field, u32(buf, off + 8)), length);
            case RESET_QUERY -> ok(new ResetQuery(version), length);
            case CACHE_RESPONSE -> ok(new CacheResponse(version, field), length);
            case IPV4_PREFIX, IPV6_PREFIX -> prefix(type == PduType.IPV6_PREFIX, version, buf, off, length);
            case END_OF_DATA -> ok(new EndOfData(version, field, u32(buf, off + 8), version == Pdu.VERSION_0 ? null
                    : new Intervals(u32(buf, off + 12), u32(buf, off + 16), u32(buf, off + 20))), length);
            case CACHE_RESET -> ok(new CacheReset(version), length);
            case ROUTER_KEY -> ok(new RouterKey(version, u8(buf, off + 2),
                    Arrays.copyOfRange(buf, off + 8, off + 8 + RouterKey.SKI_LENGTH), u32(buf, off + 28),
                    Arrays.copyOfRange(buf, off + ROUTER_KEY_MIN_LENGTH, off + length)), length);
            case ERROR_REPORT -> errorReport(version, field, buf, off, length);
        };
    }

    private static PduResult prefix(boolean ipv6, int version, byte[] buf, int off, int length) {
        int flags = u8(buf, off + 8);
        int prefixLength = u8(buf, off + 9);
        int maxLength = u8(buf, off + 10);
        int addressBytes = ipv6 ? 16 : 4;
        byte[] address = Arrays.copyOfRange(buf, off + 12, off + 12 + addressBytes);
        long asn = u32(buf, off + 12 + addressBytes);
        int familyMax = addressBytes * 8;
        String family = ipv6 ? "IPv6" : "IPv4";
        if (prefixLength > familyMax) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA,
                    family + " prefix length " + prefixLength + " exceeds " + familyMax);
        }
        if (maxLength > familyMax) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA,
                    family + " max length " + maxLength + " exceeds " + familyMax);
        }
        if (maxLength < prefixLength) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA, "max length " + maxLength
                    + " is shorter than the prefix length " + prefixLength);
        }
        if (!hostBitsClear(address, prefixLength)) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA, "host bits set past /" + prefixLength
                    + " in " + InetText.format(address) + "/" + prefixLength);
        }
        Prefix prefix = Prefix.of(ipv6, prefixLength, Arrays.copyOf(address, (prefixLength + 7) / 8));
        return ok(new PrefixPdu(version, flags, prefix, maxLength, asn), length);
    }

    private static boolean hostBitsClear(byte[] address, int length) {
        for (int bit = length; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static PduResult errorReport(int version, int code, byte[] buf, int off, int length) {
        long encapsulated = u32(buf, off + 8);
        if (12 + encapsulated + 4 > length) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA, "encapsulated PDU length " + encapsulated
                    + " overruns the Error Report of length " + length);
        }
        int textAt = 12 + (int) encapsulated + 4;
        long textLength = u32(buf, off + textAt - 4);
        if (textAt + textLength != length) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA, "error text length " + textLength
                    + " does not end the Error Report of length " + length + " (it has " + (length - textAt)
                    + " bytes left)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, off + textAt, (int) textLength)).toString();
        } catch (CharacterCodingException e) {
            return malformed(buf, off, length, ErrorCode.CORRUPT_DATA, "error text is not UTF-8");
        }
        byte[] pdu = Arrays.copyOfRange(buf, off + 12, off + 12 + (int) encapsulated);
        return ok(new ErrorReport(version, code, pdu, text), length);
    }

    public static byte[] encode(Pdu pdu) {
        return switch (pdu) {
            case SerialNotify n -> header(n, n.sessionId(), 12).putInt((int) n.serial()).array();
            case SerialQuery q -> header(q, q.sessionId(), 12).putInt((int) q.serial()).array();
            case ResetQuery r -> header(r, 0, HEADER_LENGTH).array();
            case CacheResponse c -> header(c, c.sessionId(), HEADER_LENGTH).array();
            case PrefixPdu p -> {
                int addressBytes = p.prefix().isIpv6() ? 16 : 4;
                ByteBuffer b = header(p, 0, p.prefix().isIpv6() ? PREFIX6_LENGTH : PREFIX4_LENGTH);
                b.put((byte) p.flags()).put((byte) p.prefix().length()).put((byte) p.maxLength()).put((byte) 0);
                byte[] address = new byte[addressBytes];
                p.prefix().copyAddressTo(address);
                yield b.put(address).putInt((int) p.asn()).array();
            }
            case EndOfData e -> {
                ByteBuffer b = header(e, e.sessionId(), e.intervals() == null ? 12 : 24).putInt((int) e.serial());
                if (e.intervals() != null) {
                    b.putInt((int) e.intervals().refresh()).putInt((int) e.intervals().retry())
                            .putInt((int) e.intervals().expire());
                }
                yield b.array();
            }
            case CacheReset c -> header(c, 0, HEADER_LENGTH).array();
            case RouterKey k -> {
                byte[] spki = k.subjectPublicKeyInfo();
                ByteBuffer b = header(k, k.flags() << 8, ROUTER_KEY_MIN_LENGTH + spki.length);
                yield b.put(k.subjectKeyIdentifier()).putInt((int) k.asn()).put(spki).array();
            }
            case ErrorReport r -> {
                byte[] inner = r.erroneousPdu();
                byte[] text = r.text().getBytes(StandardCharsets.UTF_8);
                ByteBuffer b = header(r, r.code(), ERROR_REPORT_MIN_LENGTH + inner.length + text.length);
                yield b.putInt(inner.length).put(inner).putInt(text.length).put(text).array();
            }
        };
    }

    private static ByteBuffer header(Pdu pdu, int field, int length) {
        return ByteBuffer.allocate(length).put((byte) pdu.version()).put((byte) pdu.type().code())
                .putShort((short) field).putInt(length);
    }

    private static PduResult ok(Pdu pdu, int length) {
        return new PduResult.Decoded(pdu, length);
    }

    private static PduResult malformed(byte[] buf, int off, int length, ErrorCode code, String reason) {
        return new PduResult.Malformed(code, reason, Arrays.copyOfRange(buf, off, off + length));
    }

    /** A header-level problem: the PDU is encapsulated as far as it has arrived, within its declared length. */
    private static PduResult malformed(byte[] buf, int off, int available, long declared, ErrorCode code,
            String reason) {
        long upTo = Math.min(available, Math.max(HEADER_LENGTH, Math.min(declared, MAX_LENGTH)));
        return new PduResult.Malformed(code, reason, Arrays.copyOfRange(buf, off, off + (int) upTo));
    }
}
