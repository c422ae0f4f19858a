package org.peerage.bgp.wire.attr;

import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u32;
import static org.peerage.bgp.wire.WireReader.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.NlriCodec;
import org.peerage.bgp.wire.UpdateErrorSubcode;
import org.peerage.bgp.wire.WireReader;

/**
 * Decodes the Path Attributes field with RFC 7606 revised error handling: every malformation is classified
 * (attribute discard, treat-as-withdraw, session reset) and reported; decoding continues wherever the RFC allows, so
 * the caller still gets every well-formed attribute and, for treat-as-withdraw, every prefix to withdraw.
 */
public final class AttributeDecoder {

    /** The attributes in received order and what was wrong with the field. */
    public record Result(List<PathAttribute> attributes, List<Malformation> malformations) {
    }

    private final byte[] buf;
    private final int origin;
    private final CodecContext ctx;
    private final AddressFamily ribFamily;
    private final List<PathAttribute> attributes = new ArrayList<>();
    private final List<Malformation> malformations = new ArrayList<>(0);
    /** Attribute types seen so far, one bit per type (fields, not an array: one decoder per UPDATE). */
    private long seen0, seen1, seen2, seen3;

    private AttributeDecoder(byte[] buf, int origin, CodecContext ctx, AddressFamily ribFamily) {
        this.buf = buf;
        this.origin = origin;
        this.ctx = ctx;
        this.ribFamily = ribFamily;
    }

    /**
     * Decodes the attributes of an UPDATE message.
     *
     * @param origin index in {@code buf} that malformation offsets are relative to (the start of the message body)
     */
    public static Result decodeUpdate(byte[] buf, int off, int len, int origin, CodecContext ctx) {
        return new AttributeDecoder(buf, origin, ctx, null).decode(off, len);
    }

    /**
     * Decodes the attributes of an MRT RIB entry (TABLE_DUMP_V2 or TABLE_DUMP). MP_REACH_NLRI may be abbreviated to
     * the next hop (RFC 6396 §4.3.4) and belongs to the RIB's family; a full-form one keeps whatever NLRI a writer put
     * in it as opaque bytes (GoBGP writes them, without the path identifiers of ADD-PATH RIBs). Attribute flags are
     * not checked: they are a record of what was received, and writers differ (BIRD stores 0 for NEXT_HOP and
     * LOCAL_PREF).
     */
    public static Result decodeRibEntry(byte[] buf, int off, int len, CodecContext ctx, AddressFamily ribFamily) {
        return new AttributeDecoder(buf, off, ctx, ribFamily).decode(off, len);
    }

    private Result decode(int off, int len) {
        int end = off + len;
        int pos = off;
        while (pos < end) {
            int remaining = end - pos;
            int flags = u8(buf, pos);
            boolean extended = AttributeFlags.isExtendedLength(flags);
            int headerLength = extended ? 4 : 3;
            if (remaining < headerLength) {
                report(ErrorAction.TREAT_AS_WITHDRAW, UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, pos, -1,
                        Arrays.copyOfRange(buf, pos, end),
                        remaining + " bytes left in the attributes field, too few for an attribute header");
                break;
            }
            int type = u8(buf, pos + 1);
            int length = extended ? u16(buf, pos + 2) : u8(buf, pos + 2);
            int value = pos + headerLength;
            if (value + length > end) {
                report(ErrorAction.TREAT_AS_WITHDRAW, UpdateErrorSubcode.ATTRIBUTE_LENGTH_ERROR, pos, type,
                        Arrays.copyOfRange(buf, pos, end), "attribute " + type + " length " + length
                                + " overruns the attributes field by " + (value + length - end) + " bytes");
                break;
            }
            decodeOne(flags, type, pos, value, length);
            pos = value + length;
        }
        return new Result(attributes, malformations);
    }

    private boolean seen(int type) {
        long word = switch (type >>> 6) {
            case 0 -> seen0;
            case 1 -> seen1;
            case 2 -> seen2;
            default -> seen3;
        };
        return (word & 1L << type) != 0;
    }

    private void markSeen(int type) {
        long bit = 1L << type;
        switch (type >>> 6) {
            case 0 -> seen0 |= bit;
            case 1 -> seen1 |= bit;
            case 2 -> seen2 |= bit;
            default -> seen3 |= bit;
        }
    }

    private void decodeOne(int flags, int type, int start, int value, int length) {
        AttributeType known = AttributeType.of(type);
        if (seen(type)) {
            if (known == AttributeType.MP_REACH_NLRI || known == AttributeType.MP_UNREACH_NLRI) {
                report(ErrorAction.SESSION_RESET, UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, start, type, null,
                        (known == AttributeType.MP_REACH_NLRI ? "MP_REACH_NLRI" : "MP_UNREACH_NLRI")
                                + " appears more than once");
            } else {
                report(ErrorAction.ATTRIBUTE_DISCARD, UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST, start, type, null,
                        "attribute " + type + " repeated; all but the first discarded");
            }
            return;
        }
        markSeen(type);
        if (known == null) {
            if (!AttributeFlags.isOptional(flags)) {
                report(ErrorAction.SESSION_RESET, UpdateErrorSubcode.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE, start, type,
                        attributeBytes(start, value, length), "unrecognized well-known attribute " + type);
                return;
            }
            attributes.add(new UnknownAttribute(flags, type, Arrays.copyOfRange(buf, value, value + length)));
            return;
        }
        if (ribFamily == null && (flags & AttributeFlags.CATEGORY_MASK) != known.category().flags()) {
            report(flagErrorAction(known), UpdateErrorSubcode.ATTRIBUTE_FLAGS_ERROR, start, type,
                    attributeBytes(start, value, length), known + " has flags 0x" + Integer.toHexString(flags)
                            + ", expected optional/transitive bits 0x"
                            + Integer.toHexString(known.category().flags()));
            return;
        }
        PathAttribute decoded = switch (known) {
            case ORIGIN -> origin(flags, start, value, length);
            case AS_PATH -> asPath(flags, start, value, length, ctx.fourOctetAs() ? 4 : 2, false);
            case NEXT_HOP -> fixed(known, 4, start, value, length) ? new NextHop(flags, i32(buf, value)) : null;
            case MULTI_EXIT_DISC -> fixed(known, 4, start, value, length)
                    ? new MultiExitDisc(flags, u32(buf, value)) : null;
            case LOCAL_PREF -> fixed(known, 4, start, value, length) ? new LocalPref(flags, u32(buf, value)) : null;
            case ATOMIC_AGGREGATE -> fixed(known, 0, start, value, length) ? new AtomicAggregate(flags) : null;
            case AGGREGATOR -> aggregator(flags, start, value, length);
            case COMMUNITIES -> multipleOf(known, 4, start, value, length)
                    ? new Communities(flags, ints(value, length)) : null;
            case ORIGINATOR_ID -> fixed(known, 4, start, value, length) ? new OriginatorId(flags, i32(buf, value)) : null;
            case CLUSTER_LIST -> multipleOf(known, 4, start, value, length)
                    ? new ClusterList(flags, ints(value, length)) : null;
            case MP_REACH_NLRI -> mpReach(flags, start, value, length);
            case MP_UNREACH_NLRI -> mpUnreach(flags, start, value, length);
            case EXTENDED_COMMUNITIES -> multipleOf(known, 8, start, value, length)
                    ? new ExtendedCommunities(flags, longs(value, length)) : null;
            case AS4_PATH -> as4Path(flags, start, value, length);
            case AS4_AGGREGATOR -> {
                if (!fixed(known, 8, start, value, length)) yield null;
                checkAggregatorAs(u32(buf, value), known, start, value, length);
                yield new As4Aggregator(flags, u32(buf, value), i32(buf, value + 4));
            }
            case LARGE_COMMUNITY -> multipleOf(known, 12, start, value, length)
                    ? new LargeCommunities(flags, ints(value, length)) : null;
            case ONLY_TO_CUSTOMER -> fixed(known, 4, start, value, length)
                    ? new OnlyToCustomer(flags, u32(buf, value)) : null;
        };
        if (decoded != null) {
            attributes.add(decoded);
        }
    }

    /**
     * RFC 7606 §3 d and §7: flag, length and content errors mean treat-as-withdraw, except where the attribute's own
     * rule is milder (discard: RFC 7606 §7.6-7.7, RFC 6793 §6) or harsher (MP attributes: the NLRI cannot be found).
     */
    private static ErrorAction flagErrorAction(AttributeType type) {
        return switch (type) {
            case MP_REACH_NLRI, MP_UNREACH_NLRI -> ErrorAction.SESSION_RESET;
            case ATOMIC_AGGREGATE, AGGREGATOR, AS4_PATH, AS4_AGGREGATOR -> ErrorAction.ATTRIBUTE_DISCARD;
            default -> ErrorAction.TREAT_AS_WITHDRAW;
        };
    }

    private static UpdateErrorSubcode lengthSubcode(AttributeType type) {
        return switch (type) {
            case AGGREGATOR, AS4_AGGREGATOR, COMMUNITIES, EXTENDED_COMMUNITIES, LARGE_COMMUNITY, ONLY_TO_CUSTOMER,
                 CLUSTER_LIST, ORIGINATOR_ID, MULTI_EXIT_DISC -> UpdateErrorSubcode.OPTIONAL_ATTRIBUTE_ERROR;
            default -> UpdateErrorSubcode.ATTRIBUTE_LENGTH_ERROR;
        };
    }

    private boolean fixed(AttributeType type, int expected, int start, int value, int length) {
        if (length == expected) {
            return true;
        }
        report(flagErrorAction(type), lengthSubcode(type), start, type.code(), attributeBytes(start, value, length),
                type + " length " + length + ", expected " + expected);
        return false;
    }

    private boolean multipleOf(AttributeType type, int unit, int start, int value, int length) {
        if (length % unit == 0 && (length > 0 || type != AttributeType.LARGE_COMMUNITY)) {
            return true;
        }
        report(flagErrorAction(type), lengthSubcode(type), start, type.code(), attributeBytes(start, value, length),
                type + " length " + length + " is not a " + (length == 0 ? "non-zero " : "") + "multiple of " + unit);
        return false;
    }

    private Origin origin(int flags, int start, int value, int length) {
        if (!fixed(AttributeType.ORIGIN, 1, start, value, length)) {
            return null;
        }
        int v = u8(buf, value);
        if (v > 2) {
            report(ErrorAction.TREAT_AS_WITHDRAW, UpdateErrorSubcode.INVALID_ORIGIN_ATTRIBUTE, start,
                    AttributeType.ORIGIN.code(), attributeBytes(start, value, length), "ORIGIN value " + v
                            + " is not IGP (0), EGP (1) or INCOMPLETE (2)");
            return null;
        }
        return new Origin(flags, v);
    }

    /**
     * AS 0 in AS_PATH makes the UPDATE malformed (RFC 7607 §2): treat-as-withdraw. The attribute is kept, so that
     * tools that print what was received (bgpdump-style text) still show it; the session withdraws the routes.
     */
    private AsPath asPath(int flags, int start, int value, int length, int asSize, boolean as4) {
        List<AsPathSegment> segments = parseSegments(start, value, length, asSize, as4);
        if (segments != null && containsAsZero(segments)) {
            report(ErrorAction.TREAT_AS_WITHDRAW, UpdateErrorSubcode.MALFORMED_AS_PATH, start,
                    AttributeType.AS_PATH.code(), attributeBytes(start, value, length), "AS_PATH contains AS 0 "
                            + "(RFC 7607)");
        }
        return segments == null ? null : new AsPath(flags, segments);
    }

    /** AS 0 in AS4_PATH: the attribute is discarded (RFC 7607 §2, RFC 6793 §6). */
    private As4Path as4Path(int flags, int start, int value, int length) {
        List<AsPathSegment> segments = parseSegments(start, value, length, 4, true);
        if (segments != null && containsAsZero(segments)) {
            report(ErrorAction.ATTRIBUTE_DISCARD, UpdateErrorSubcode.MALFORMED_AS_PATH, start,
                    AttributeType.AS4_PATH.code(), attributeBytes(start, value, length), "AS4_PATH contains AS 0 "
                            + "(RFC 7607); discarded");
            return null;
        }
        return segments == null ? null : new As4Path(flags, segments);
    }

    private static boolean containsAsZero(List<AsPathSegment> segments) {
        for (AsPathSegment s : segments) {
            for (int i = 0; i < s.size(); i++) {
                if (s.asn(i) == 0) return true;
            }
        }
        return false;
    }

    /**
     * An aggregator with AS 0 is malformed (RFC 7607 §2, handled as RFC 7606 §7.7 says: attribute discard). It is
     * kept in the decoded list and reported; the session layer drops it ({@link #withoutDiscardedAggregators}).
     */
    private void checkAggregatorAs(long asn, AttributeType type, int start, int value, int length) {
        if (asn == 0) {
            report(ErrorAction.ATTRIBUTE_DISCARD, UpdateErrorSubcode.OPTIONAL_ATTRIBUTE_ERROR, start, type.code(),
                    attributeBytes(start, value, length), type + " with AS 0 (RFC 7607); discarded");
        }
    }

    /** The attributes without the AS-0 aggregators that {@link #checkAggregatorAs} reported. */
    public static List<PathAttribute> withoutDiscardedAggregators(List<PathAttribute> attributes) {
        boolean any = false;
        for (PathAttribute a : attributes) {
            any |= a instanceof Aggregator g && g.asn() == 0 || a instanceof As4Aggregator g4 && g4.asn() == 0;
        }
        if (!any) return attributes;
        return attributes.stream().filter(a -> !(a instanceof Aggregator g && g.asn() == 0)
                && !(a instanceof As4Aggregator g4 && g4.asn() == 0)).toList();
    }

    /** RFC 7606 §7.2 (AS_PATH: treat-as-withdraw) and RFC 6793 §6 (AS4_PATH: discard, no confederation segments). */
    private List<AsPathSegment> parseSegments(int start, int value, int length, int asSize, boolean as4) {
        AttributeType type = as4 ? AttributeType.AS4_PATH : AttributeType.AS_PATH;
        List<AsPathSegment> segments = new ArrayList<>(2);
        int pos = value;
        int end = value + length;
        String error = null;
        while (pos < end) {
            if (end - pos < 2) {
                error = "a single byte left after the last segment";
                break;
            }
            SegmentType segmentType = SegmentType.of(u8(buf, pos));
            int count = u8(buf, pos + 1);
            if (segmentType == null) {
                error = "unknown segment type " + u8(buf, pos);
                break;
            }
            if (as4 && segmentType.isConfederation()) {
                error = "confederation segment in AS4_PATH";
                break;
            }
            if (count == 0) {
                error = "zero-length segment";
                break;
            }
            if (pos + 2 + count * asSize > end) {
                error = "segment of " + count + " " + asSize + "-octet AS numbers overruns the attribute";
                break;
            }
            int[] asns = new int[count];
            for (int i = 0; i < count; i++) {
                int p = pos + 2 + i * asSize;
                asns[i] = asSize == 4 ? i32(buf, p) : u16(buf, p);
            }
            segments.add(new AsPathSegment(segmentType, asns));
            pos += 2 + count * asSize;
        }
        if (error == null) {
            return segments;
        }
        report(flagErrorAction(type), UpdateErrorSubcode.MALFORMED_AS_PATH, start, type.code(),
                attributeBytes(start, value, length), type + " malformed at byte " + (pos - value) + ": " + error);
        return null;
    }

    private Aggregator aggregator(int flags, int start, int value, int length) {
        int expected = ctx.fourOctetAs() ? 8 : 6;
        if (!fixed(AttributeType.AGGREGATOR, expected, start, value, length)) {
            return null;
        }
        long asn = expected == 8 ? u32(buf, value) : u16(buf, value);
        checkAggregatorAs(asn, AttributeType.AGGREGATOR, start, value, length);
        return new Aggregator(flags, asn, i32(buf, value + expected - 4));
    }

    private MpReachNlri mpReach(int flags, int start, int value, int length) {
        if (ribFamily != null && length >= 1 && u8(buf, value) == length - 1) {
            return new MpReachNlri(flags, ribFamily, Arrays.copyOfRange(buf, value + 1, value + length), 0, List.of(),
                    null, true);
        }
        int end = value + length;
        if (length < 5) {
            return mpError(start, value, length, AttributeType.MP_REACH_NLRI, "length " + length
                    + " is too short for AFI, SAFI and next hop length");
        }
        AddressFamily family = AddressFamily.of(u16(buf, value), u8(buf, value + 2));
        int nextHopLength = u8(buf, value + 3);
        int reservedAt = value + 4 + nextHopLength;
        if (reservedAt >= end) {
            return mpError(start, value, length, AttributeType.MP_REACH_NLRI, "next hop length " + nextHopLength
                    + " overruns the attribute");
        }
        if (family.isIpPrefixFamily() && !validNextHopLength(family, nextHopLength)) {
            return mpError(start, value, length, AttributeType.MP_REACH_NLRI, "next hop length " + nextHopLength
                    + " is not valid for " + family);
        }
        byte[] nextHop = Arrays.copyOfRange(buf, value + 4, reservedAt);
        int reserved = u8(buf, reservedAt);
        int nlriAt = reservedAt + 1;
        if (!family.isIpPrefixFamily() || ribFamily != null) {
            return new MpReachNlri(flags, family, nextHop, reserved, List.of(),
                    Arrays.copyOfRange(buf, nlriAt, end), false);
        }
        NlriCodec.Parsed parsed = NlriCodec.decode(buf, nlriAt, end - nlriAt, family.afi() == AddressFamily.AFI_IPV6,
                ctx.addPath(family));
        if (!parsed.ok()) {
            return mpError(start, value, length, AttributeType.MP_REACH_NLRI, "NLRI at byte " + (parsed.errorOffset()
                    - value) + ": " + parsed.error());
        }
        return new MpReachNlri(flags, family, nextHop, reserved, parsed.routes(), null, false);
    }

    /** 4 or 16/32 for the address family, or 16/32 for IPv4 NLRI with an IPv6 next hop (RFC 8950). */
    private static boolean validNextHopLength(AddressFamily family, int length) {
        return family.afi() == AddressFamily.AFI_IPV4 ? length == 4 || length == 16 || length == 32
                : length == 16 || length == 32;
    }

    private MpUnreachNlri mpUnreach(int flags, int start, int value, int length) {
        if (length < 3) {
            return mpError(start, value, length, AttributeType.MP_UNREACH_NLRI, "length " + length
                    + " is too short for AFI and SAFI");
        }
        AddressFamily family = AddressFamily.of(u16(buf, value), u8(buf, value + 2));
        int nlriAt = value + 3;
        int end = value + length;
        if (!family.isIpPrefixFamily()) {
            return new MpUnreachNlri(flags, family, List.of(), Arrays.copyOfRange(buf, nlriAt, end));
        }
        NlriCodec.Parsed parsed = NlriCodec.decode(buf, nlriAt, end - nlriAt, family.afi() == AddressFamily.AFI_IPV6,
                ctx.addPath(family));
        if (!parsed.ok()) {
            return mpError(start, value, length, AttributeType.MP_UNREACH_NLRI, "withdrawn NLRI at byte "
                    + (parsed.errorOffset() - value) + ": " + parsed.error());
        }
        return new MpUnreachNlri(flags, family, parsed.routes(), null);
    }

    /** RFC 7606 §7.11-12: an MP attribute that cannot be parsed means the NLRI cannot be located: session reset. */
    private <T> T mpError(int start, int value, int length, AttributeType type, String why) {
        report(ErrorAction.SESSION_RESET, UpdateErrorSubcode.OPTIONAL_ATTRIBUTE_ERROR, start, type.code(),
                attributeBytes(start, value, length), type + " " + why);
        return null;
    }

    private int[] ints(int value, int length) {
        int[] out = new int[length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = i32(buf, value + 4 * i);
        }
        return out;
    }

    private long[] longs(int value, int length) {
        long[] out = new long[length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = WireReader.i64(buf, value + 8 * i);
        }
        return out;
    }

    private byte[] attributeBytes(int start, int value, int length) {
        return Arrays.copyOfRange(buf, start, value + length);
    }

    private void report(ErrorAction action, UpdateErrorSubcode subcode, int at, int type, byte[] data, String reason) {
        malformations.add(Malformation.update(action, subcode, data, at - origin, type, reason));
    }
}
