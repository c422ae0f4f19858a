package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.UnknownAttribute;

/**
 * RFC 7606 classification: each test corrupts one field of an annotated UPDATE and checks the outcome and reason.
 */
class UpdateCodecErrorHandlingTest {

    /** A minimal announcement as BIRD would send it over a 4-octet-AS session (body, after the 19-byte header). */
    private static final String BASE = ""
            + "0000"                          // withdrawn routes length 0
            + "0018"                          // total path attribute length 24
            + "40010100"                      // ORIGIN, well-known transitive, len 1: IGP
            + "40020a02020000fbf400000d1c"    // AS_PATH len 10: AS_SEQUENCE of 2: 64500 3356
            + "400304c0000201"                // NEXT_HOP len 4: 192.0.2.1
            + "18cb0071";                     // NLRI 203.0.113.0/24

    private static DecodeResult<UpdateMessage> decode(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return UpdateCodec.decode(b, 0, b.length, CodecContext.DEFAULT);
    }

    private static Malformation single(DecodeResult<UpdateMessage> r) {
        return switch (r) {
            case DecodeResult.Failed<UpdateMessage> f -> f.malformation();
            case DecodeResult.Decoded<UpdateMessage> d -> {
                assertThat(d.malformations()).hasSize(1);
                yield d.malformations().getFirst();
            }
        };
    }

    /** BASE with the attribute section replaced; lengths recomputed. */
    private static String withAttributes(String attributes, String nlri) {
        return "0000" + String.format("%04x", attributes.length() / 2) + attributes + nlri;
    }

    @Test
    void wellFormedUpdateDecodesCleanAndReencodes() {
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(BASE);
        assertThat(d.malformations()).isEmpty();
        assertThat(d.value().nlri()).containsExactly(Route.of(Prefix.parse("203.0.113.0/24")));
        assertThat(d.value().attribute(AttributeType.AS_PATH)).hasToString("64500 3356");
        assertThat(HexFormat.of().formatHex(UpdateCodec.encodeBody(d.value(), CodecContext.DEFAULT))).isEqualTo(BASE);
    }

    @Test
    void undefinedOriginValueIsTreatAsWithdraw() {
        Malformation m = single(decode(BASE.replace("40010100", "40010103")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.INVALID_ORIGIN_ATTRIBUTE.code());
        assertThat(m.reason()).contains("ORIGIN value 3");
        assertThat(m.offset()).isEqualTo(4);
    }

    @Test
    void optionalBitOnWellKnownAttributeIsTreatAsWithdraw() {
        Malformation m = single(decode(BASE.replace("40010100", "c0010100")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.ATTRIBUTE_FLAGS_ERROR.code());
    }

    @Test
    void unknownSegmentTypeIsMalformedAsPath() {
        Malformation m = single(decode(BASE.replace("40020a0202", "40020a0502")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.MALFORMED_AS_PATH.code());
        assertThat(m.reason()).contains("unknown segment type 5");
    }

    @Test
    void segmentCountOverrunningAsPathIsMalformed() {
        Malformation m = single(decode(BASE.replace("40020a0202", "40020a0203")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.reason()).contains("overruns");
    }

    @Test
    void asPathReadWithTheWrongAsWidthIsMalformed() {
        byte[] b = HexFormat.of().parseHex(BASE);
        var r = UpdateCodec.decode(b, 0, b.length, CodecContext.TWO_OCTET_AS);
        // 4-octet AS numbers read as 2-octet leave bytes over that form no valid segment.
        assertThat(single(r).subcode()).isEqualTo(UpdateErrorSubcode.MALFORMED_AS_PATH.code());
    }

    @Test
    void nextHopOfFiveBytesIsAnAttributeLengthError() {
        String attrs = "40010100" + "40020a02020000fbf400000d1c" + "400305c000020101";
        Malformation m = single(decode(withAttributes(attrs, "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.ATTRIBUTE_LENGTH_ERROR.code());
        assertThat(m.reason()).contains("NEXT_HOP length 5, expected 4");
    }

    @Test
    void attributeOverrunningTheAttributeFieldIsTreatAsWithdraw() {
        String attrs = "40010100" + "40020a02020000fbf400000d1c" + "4003" + "09c0000201";
        Malformation m = single(decode(withAttributes(attrs, "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.reason()).contains("overruns the attributes field");
    }

    @Test
    void totalAttributeLengthBeyondTheMessageResetsTheSession() {
        Malformation m = single(decode(BASE.replaceFirst("0018", "00ff")));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.MALFORMED_ATTRIBUTE_LIST.code());
    }

    @Test
    void withdrawnLengthBeyondTheMessageResetsTheSession() {
        Malformation m = single(decode("ffff" + BASE.substring(4)));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.reason()).contains("withdrawn routes length 65535");
    }

    @Test
    void prefixLongerThan32BitsResetsTheSession() {
        Malformation m = single(decode(BASE.replace("18cb0071", "21cb007101020304")));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.INVALID_NETWORK_FIELD.code());
        assertThat(m.reason()).contains("prefix length 33 exceeds 32");
    }

    @Test
    void missingNextHopWithIpv4NlriIsTreatAsWithdraw() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.MISSING_WELL_KNOWN_ATTRIBUTE.code());
        assertThat(m.data()).containsExactly(3);
    }

    @Test
    void withdrawalWithoutAttributesIsClean() {
        var d = (DecodeResult.Decoded<UpdateMessage>) decode("000418cb00710000");
        assertThat(d.malformations()).isEmpty();
        assertThat(d.value().withdrawn()).containsExactly(Route.of(Prefix.parse("203.0.113.0/24")));
    }

    @Test
    void repeatedAttributeIsDiscardedAndTheFirstKept() {
        String attrs = "40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "c00804fde80001" + "c00804fde80002";
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(withAttributes(attrs, "18cb0071"));
        assertThat(d.worstAction()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(((Communities) d.value().attribute(AttributeType.COMMUNITIES)).get(0)).isEqualTo(0xFDE80001);
    }

    @Test
    void repeatedMpReachResetsTheSession() {
        String mp = "800e1a000201102001" + "0db8000000000000000000000001" + "00" + "202001" + "0db8";
        String attrs = "40010100" + "40020a02020000fbf400000d1c" + mp + mp;
        Malformation m = single(decode(withAttributes(attrs, "")));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.reason()).contains("MP_REACH_NLRI appears more than once");
    }

    @Test
    void mpReachWithIpv6NlriDecodes() {
        String mp = "800e1a000201102001" + "0db8000000000000000000000001" + "00" + "202001" + "0db8";
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(withAttributes("40010100" + "40020a02020000fbf400000d1c"
                + mp, ""));
        assertThat(d.malformations()).isEmpty();
        assertThat(d.value().mpReach().nlri()).containsExactly(Route.of(Prefix.parse("2001:db8::/32")));
    }

    @Test
    void malformedMpReachResetsTheSession() {
        String mp = "800e1a000201112001" + "0db8000000000000000000000001" + "00" + "202001" + "0db8";
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + mp, "")));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.reason()).contains("next hop length 17");
    }

    @Test
    void aggregatorOfWrongLengthIsDiscarded() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "c00706fde80a0a0a0a", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(m.reason()).contains("AGGREGATOR length 6, expected 8");
    }

    @Test
    void atomicAggregateWithAValueIsDiscarded() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "40060101", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
    }

    @Test
    void communitiesNotAMultipleOfFourAreTreatAsWithdraw() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "c00805fde8000101", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.OPTIONAL_ATTRIBUTE_ERROR.code());
    }

    @Test
    void emptyLargeCommunityIsTreatAsWithdraw() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "c02000", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.reason()).contains("non-zero multiple of 12");
    }

    @Test
    void unrecognizedWellKnownAttributeResetsTheSession() {
        Malformation m = single(decode(withAttributes("40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                + "40630100", "18cb0071")));
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.subcode()).isEqualTo(UpdateErrorSubcode.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE.code());
    }

    @Test
    void unknownOptionalTransitiveAttributeIsKeptByteForByte() {
        String attrs = "40010100" + "40020a02020000fbf400000d1c" + "400304c0000201" + "f0630003abcdef";
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(withAttributes(attrs, "18cb0071"));
        assertThat(d.malformations()).isEmpty();
        var unknown = (UnknownAttribute) d.value().attributes().getLast();
        assertThat(unknown.typeCode()).isEqualTo(0x63);
        assertThat(unknown.passedOn().flags()).isEqualTo(0xF0);
        assertThat(HexFormat.of().formatHex(UpdateCodec.encodeBody(d.value(), CodecContext.DEFAULT)))
                .isEqualTo(withAttributes(attrs, "18cb0071"));
    }

    @Test
    void extendedLengthFlagIsKeptEvenWhenNotNeeded() {
        String attrs = "40010100" + "5002000a02020000fbf400000d1c" + "400304c0000201";
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(withAttributes(attrs, "18cb0071"));
        assertThat(HexFormat.of().formatHex(UpdateCodec.encodeBody(d.value(), CodecContext.DEFAULT)))
                .isEqualTo(withAttributes(attrs, "18cb0071"));
    }

    @Test
    void encoderAddsExtendedLengthWhenTheValueNeedsIt() {
        int[] many = new int[100];
        java.util.Arrays.fill(many, 0xFDE80001);
        UpdateMessage u = new UpdateMessage(List.of(), List.of(Communities.of(many)), List.of());
        byte[] body = UpdateCodec.encodeBody(u, CodecContext.DEFAULT);
        // withdrawn length, total attribute length, then the flags octet: optional transitive + extended length
        assertThat(body[4] & 0xFF).isEqualTo(0xD0);
        assertThat(WireReader.u16(body, 6)).isEqualTo(400);
        var back = (Communities) UpdateCodec.decode(body, 0, body.length, CodecContext.DEFAULT).orThrow()
                .attribute(AttributeType.COMMUNITIES);
        assertThat(back.values()).isEqualTo(many);
        assertThat(back.flags()).isEqualTo(0xD0);
    }

    @Test
    void asZeroInThePathIsTreatAsWithdrawAndInTheAggregatorDiscarded() {
        Malformation m = single(decode(BASE.replace("40020a02020000fbf400000d1c", "40020a02020000fbf400000000")));
        assertThat(m.action()).isEqualTo(ErrorAction.TREAT_AS_WITHDRAW);
        assertThat(m.reason()).contains("AS 0 (RFC 7607)");
        var d = (DecodeResult.Decoded<UpdateMessage>) decode(withAttributes("40010100" + "40020a02020000fbf400000d1c"
                + "400304c0000201" + "c0070800000000c0000201", "18cb0071"));
        assertThat(d.worstAction()).isEqualTo(ErrorAction.ATTRIBUTE_DISCARD);
        assertThat(org.peerage.bgp.wire.attr.AttributeDecoder.withoutDiscardedAggregators(d.value().attributes()))
                .noneMatch(a -> a.typeCode() == AttributeType.AGGREGATOR.code());
    }

    @Test
    void endOfRibMarkersAreRecognized() {
        assertThat(UpdateMessage.endOfRib().endOfRibFamily()).isEqualTo(AddressFamily.IPV4_UNICAST);
        var d = (DecodeResult.Decoded<UpdateMessage>) decode("00000006800f03000201");
        assertThat(d.value().endOfRibFamily()).isEqualTo(AddressFamily.IPV6_UNICAST);
        assertThat(((DecodeResult.Decoded<UpdateMessage>) decode(BASE)).value().endOfRibFamily()).isNull();
    }
}
