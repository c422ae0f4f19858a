package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RouteRefreshMessageTest {

    /**
     * BIRD 2.0.12 with enhanced route refresh answers a ROUTE-REFRESH for ipv4 unicast by bracketing the resent
     * routes with these two.
     */
    static final byte[] BIRD_BORR = hex(
            "ffffffffffffffffffffffffffffffff", // marker
            "0017", // length 23
            "05", // type ROUTE-REFRESH
            "0001", // AFI 1 (IPv4)
            "01", // subtype 1: BoRR
            "01"); // SAFI 1 (unicast)
    static final byte[] BIRD_EORR = hex("ffffffffffffffffffffffffffffffff", "0017", "05", "0001",
            "02", // subtype 2: EoRR
            "01");
    /** BIRD 2.0.12 on {@code reload in peer1}: a plain request for each family. */
    static final byte[] BIRD_REFRESH_IPV6 = hex("ffffffffffffffffffffffffffffffff", "0017", "05",
            "0002", // AFI 2 (IPv6)
            "00", // subtype 0: normal request (the Reserved octet of RFC 2918)
            "01"); // SAFI 1

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static RouteRefreshMessage decode(byte[] message) {
        FrameResult r = BgpMessageCodec.decode(message, 0, message.length, CodecContext.DEFAULT);
        assertThat(r).isInstanceOf(FrameResult.Message.class);
        assertThat(((FrameResult.Message) r).length()).isEqualTo(23);
        return (RouteRefreshMessage) ((FrameResult.Message) r).message();
    }

    @Test
    void decodesBirdRefreshes() {
        RouteRefreshMessage borr = decode(BIRD_BORR);
        assertThat(borr.family()).isEqualTo(AddressFamily.IPV4_UNICAST);
        assertThat(borr.knownSubtype()).isEqualTo(RouteRefreshSubtype.BEGINNING);
        assertThat(borr).hasToString("ROUTE-REFRESH ipv4-unicast BoRR");
        assertThat(BgpMessageCodec.encode(borr, CodecContext.DEFAULT)).isEqualTo(BIRD_BORR);

        RouteRefreshMessage eorr = decode(BIRD_EORR);
        assertThat(eorr).isEqualTo(RouteRefreshMessage.of(AddressFamily.IPV4_UNICAST, RouteRefreshSubtype.END));
        assertThat(BgpMessageCodec.encode(eorr, CodecContext.DEFAULT)).isEqualTo(BIRD_EORR);

        RouteRefreshMessage normal = decode(BIRD_REFRESH_IPV6);
        assertThat(normal).isEqualTo(RouteRefreshMessage.of(AddressFamily.IPV6_UNICAST, RouteRefreshSubtype.NORMAL));
        assertThat(BgpMessageCodec.encode(normal, CodecContext.DEFAULT)).isEqualTo(BIRD_REFRESH_IPV6);
    }

    @Test
    void reservedSubtypeIsKeptForTheSessionToIgnore() {
        RouteRefreshMessage r = decode(hex("ffffffffffffffffffffffffffffffff", "0017", "05", "0001", "ff", "01"));
        assertThat(r.subtype()).isEqualTo(255);
        assertThat(r.knownSubtype()).isNull();
        assertThat(r).hasToString("ROUTE-REFRESH ipv4-unicast subtype 255");
    }

    @Test
    void anyOtherLengthIsInvalidMessageLengthWithTheWholeMessageAsData() {
        byte[] longer = hex("ffffffffffffffffffffffffffffffff", "0018", "05", "0001", "01", "01", "00");
        FrameResult r = BgpMessageCodec.decode(longer, 0, longer.length, CodecContext.DEFAULT);
        Malformation m = ((FrameResult.Failed) r).malformation();
        assertThat(m.code()).isEqualTo(NotificationCode.ROUTE_REFRESH_MESSAGE_ERROR);
        assertThat(m.subcode()).isEqualTo(RouteRefreshErrorSubcode.INVALID_MESSAGE_LENGTH.code());
        assertThat(m.offset()).isEqualTo(16);
        assertThat(m.reason()).isEqualTo("ROUTE-REFRESH message length 24, expected 23");
        assertThat(m.data()).isEqualTo(longer);

        byte[] shorter = hex("ffffffffffffffffffffffffffffffff", "0016", "05", "0001", "01");
        Malformation m2 = ((FrameResult.Failed) BgpMessageCodec.decode(shorter, 0, shorter.length,
                CodecContext.DEFAULT)).malformation();
        assertThat(m2.reason()).isEqualTo("ROUTE-REFRESH message length 22, expected 23");
        assertThat(m2.data()).isEqualTo(shorter);
    }

    @Test
    void waitsForTheWholeOverlongMessageItMustEcho() {
        byte[] longer = hex("ffffffffffffffffffffffffffffffff", "0018", "05", "0001", "01", "01", "00");
        assertThat(BgpMessageCodec.decode(longer, 0, 23, CodecContext.DEFAULT))
                .isEqualTo(new FrameResult.NeedMore(1));
    }

    @Test
    void bodyDecoderChecksTheLengthToo() {
        DecodeResult<RouteRefreshMessage> r = RouteRefreshCodec.decode(hex("000101"), 0, 3);
        Malformation m = ((DecodeResult.Failed<RouteRefreshMessage>) r).malformation();
        assertThat(m.subcode()).isEqualTo(RouteRefreshErrorSubcode.INVALID_MESSAGE_LENGTH.code());
        assertThat(m.data()).containsExactly(0, 1, 1);
    }

    @Provide
    Arbitrary<RouteRefreshMessage> refreshes() {
        return MessageArbitraries.routeRefreshes();
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("refreshes") RouteRefreshMessage r) {
        assertThat(decode(BgpMessageCodec.encode(r, CodecContext.DEFAULT))).isEqualTo(r);
    }
}
