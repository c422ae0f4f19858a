package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.open.AddPathCapability;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.bgp.wire.open.BgpRole;
import org.peerage.bgp.wire.open.CapabilitiesParameter;
import org.peerage.bgp.wire.open.Capability;
import org.peerage.bgp.wire.open.EnhancedRouteRefreshCapability;
import org.peerage.bgp.wire.open.ExtendedMessageCapability;
import org.peerage.bgp.wire.open.ExtendedNextHopCapability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.FqdnCapability;
import org.peerage.bgp.wire.open.GracefulRestartCapability;
import org.peerage.bgp.wire.open.LongLivedGracefulRestartCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RoleCapability;
import org.peerage.bgp.wire.open.RouteRefreshCapability;
import org.peerage.bgp.wire.open.UnknownCapability;

class OpenMessageTest {

    /**
     * The OPEN BIRD 2.0.12 (Debian bookworm) sent to a socket listener on 127.0.0.1, configured as AS 4200000001
     * with role customer, extended messages, graceful restart, LLGR, hostname, ADD-PATH tx on ipv4 and rx on ipv6,
     * and extended next hop on ipv4.
     */
    static final byte[] BIRD_OPEN = hex(
            "ffffffffffffffffffffffffffffffff", // marker
            "006e", // length 110
            "01", // type OPEN
            "04", // version 4
            "5ba0", // My AS 23456: AS_TRANS, the real AS needs 4 octets
            "005a", // hold time 90 s
            "c0000201", // BGP identifier 192.0.2.1
            "51", // optional parameters length 81
            "02 4f", // one Capabilities parameter of 79 bytes
            "01 04 0001 00 01", // multiprotocol: AFI 1, reserved 0, SAFI 1 (ipv4 unicast)
            "01 04 0002 00 01", // multiprotocol: ipv6 unicast
            "02 00", // route refresh
            "05 06 0001 0001 0002", // extended next hop: ipv4 unicast NLRI with ipv6 next hops
            "06 00", // extended message
            "09 01 03", // BGP role: customer
            "40 0a 0078 0001 01 00 0002 01 00", // graceful restart: no flags, 120 s; ipv4, ipv6 unicast, F clear
            "41 04 fa56ea01", // 4-octet AS 4200000001
            "45 08 0001 01 02 0002 01 01", // ADD-PATH: ipv4 unicast send, ipv6 unicast receive
            "46 00", // enhanced route refresh
            "47 0e 0001 01 00 000e10 0002 01 00 000e10", // LLGR: ipv4, ipv6 unicast, no flags, stale time 3600 s
            "49 04 02 766d 00"); // FQDN: host name "vm", empty domain

    /** The OPEN GoBGP 3.10 (Debian bookworm) sent, configured as AS 65010 with graceful restart and ADD-PATH. */
    static final byte[] GOBGP_OPEN = hex(
            "ffffffffffffffffffffffffffffffff", // marker
            "004b", // length 75
            "01", // type OPEN
            "04", // version 4
            "fdf2", // My AS 65010
            "005a", // hold time 90 s
            "c000020a", // BGP identifier 192.0.2.10
            "2e", // optional parameters length 46
            "02 2c", // one Capabilities parameter of 44 bytes
            "02 00", // route refresh
            "49 04 02 766d 00", // FQDN: "vm", empty domain
            "01 04 0001 00 01", // multiprotocol ipv4 unicast
            "01 04 0002 00 01", // multiprotocol ipv6 unicast
            "41 04 0000fdf2", // 4-octet AS 65010
            "40 02 0078", // graceful restart: no flags, 120 s, no families
            "05 06 0001 0001 0002", // extended next hop: ipv4 unicast over ipv6
            "45 04 0001 01 03"); // ADD-PATH: ipv4 unicast, send and receive

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static OpenMessage decode(byte[] message) {
        FrameResult r = BgpMessageCodec.decode(message, 0, message.length, CodecContext.DEFAULT);
        assertThat(r).isInstanceOf(FrameResult.Message.class);
        FrameResult.Message m = (FrameResult.Message) r;
        assertThat(m.length()).isEqualTo(message.length);
        assertThat(m.malformations()).isEmpty();
        return (OpenMessage) m.message();
    }

    static Malformation failure(byte[] message) {
        FrameResult r = BgpMessageCodec.decode(message, 0, message.length, CodecContext.DEFAULT);
        assertThat(r).isInstanceOf(FrameResult.Failed.class);
        return ((FrameResult.Failed) r).malformation();
    }

    static void assertOpenError(Malformation m, OpenErrorSubcode subcode, int offset, String reason) {
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.code()).isEqualTo(NotificationCode.OPEN_MESSAGE_ERROR);
        assertThat(m.subcode()).isEqualTo(subcode.code());
        assertThat(m.offset()).isEqualTo(offset);
        assertThat(m.reason()).isEqualTo(reason);
    }

    /** A copy of the message with the byte at {@code index} replaced. */
    static byte[] with(byte[] message, int index, int value) {
        byte[] copy = message.clone();
        copy[index] = (byte) value;
        return copy;
    }

    /** An OPEN of AS 65002, hold time 90, identifier 10.0.0.2, with the given optional parameters field. */
    static byte[] open(String optionalParameters) {
        byte[] params = hex(optionalParameters);
        byte[] fixed = hex("ffffffffffffffffffffffffffffffff", "0000", "01", "04 fdea 005a 0a000002");
        byte[] msg = new byte[fixed.length + params.length];
        System.arraycopy(fixed, 0, msg, 0, fixed.length);
        System.arraycopy(params, 0, msg, fixed.length, params.length);
        msg[16] = (byte) (msg.length >> 8);
        msg[17] = (byte) msg.length;
        return msg;
    }

    @Test
    void decodesBirdOpenFieldByField() {
        OpenMessage open = decode(BIRD_OPEN);

        assertThat(open.myAs()).isEqualTo(OpenMessage.AS_TRANS);
        assertThat(open.effectiveAs()).isEqualTo(4_200_000_001L);
        assertThat(open.holdTime()).isEqualTo(90);
        assertThat(open.bgpIdentifierText()).isEqualTo("192.0.2.1");
        assertThat(open.extendedFormat()).isFalse();
        assertThat(open.parameters()).hasSize(1);
        assertThat(open.capabilities()).containsExactly(
                MultiprotocolCapability.of(AddressFamily.IPV4_UNICAST),
                MultiprotocolCapability.of(AddressFamily.IPV6_UNICAST),
                new RouteRefreshCapability(),
                new ExtendedNextHopCapability(List.of(
                        new ExtendedNextHopCapability.Tuple(AddressFamily.IPV4_UNICAST, AddressFamily.AFI_IPV6))),
                new ExtendedMessageCapability(),
                RoleCapability.of(BgpRole.CUSTOMER),
                new GracefulRestartCapability(0, 120, List.of(
                        new GracefulRestartCapability.Family(AddressFamily.IPV4_UNICAST, 0),
                        new GracefulRestartCapability.Family(AddressFamily.IPV6_UNICAST, 0))),
                new FourOctetAsCapability(4_200_000_001L),
                new AddPathCapability(List.of(
                        AddPathCapability.Family.of(AddressFamily.IPV4_UNICAST, AddPathMode.SEND),
                        AddPathCapability.Family.of(AddressFamily.IPV6_UNICAST, AddPathMode.RECEIVE))),
                new EnhancedRouteRefreshCapability(),
                new LongLivedGracefulRestartCapability(List.of(
                        new LongLivedGracefulRestartCapability.Family(AddressFamily.IPV4_UNICAST, 0, 3600),
                        new LongLivedGracefulRestartCapability.Family(AddressFamily.IPV6_UNICAST, 0, 3600))),
                new FqdnCapability("vm", ""));
        assertThat(open.capability(RoleCapability.class).orElseThrow().role()).isEqualTo(BgpRole.CUSTOMER);
        GracefulRestartCapability gr = open.capability(GracefulRestartCapability.class).orElseThrow();
        assertThat(gr.restarting()).isFalse();
        assertThat(gr.notificationSupported()).isFalse();
        assertThat(gr.families()).noneMatch(GracefulRestartCapability.Family::forwardingPreserved);

        assertThat(BgpMessageCodec.encode(open, CodecContext.DEFAULT)).isEqualTo(BIRD_OPEN);
    }

    @Test
    void decodesGobgpOpenFieldByField() {
        OpenMessage open = decode(GOBGP_OPEN);

        assertThat(open.myAs()).isEqualTo(65010);
        assertThat(open.effectiveAs()).isEqualTo(65010);
        assertThat(open.holdTime()).isEqualTo(90);
        assertThat(open.bgpIdentifierText()).isEqualTo("192.0.2.10");
        assertThat(open.capabilities()).containsExactly(
                new RouteRefreshCapability(),
                new FqdnCapability("vm", ""),
                MultiprotocolCapability.of(AddressFamily.IPV4_UNICAST),
                MultiprotocolCapability.of(AddressFamily.IPV6_UNICAST),
                new FourOctetAsCapability(65010),
                new GracefulRestartCapability(0, 120, List.of()),
                new ExtendedNextHopCapability(List.of(
                        new ExtendedNextHopCapability.Tuple(AddressFamily.IPV4_UNICAST, AddressFamily.AFI_IPV6))),
                new AddPathCapability(List.of(AddPathCapability.Family.of(AddressFamily.IPV4_UNICAST,
                        AddPathMode.BOTH))));

        assertThat(BgpMessageCodec.encode(open, CodecContext.DEFAULT)).isEqualTo(GOBGP_OPEN);
    }

    @Test
    void keepsParameterGroupingAndUnknownCapabilities() {
        // Cisco IOS style: one capability per parameter, with the pre-standard route refresh (128) and a code
        // peerage does not know (say 99 with a value).
        byte[] msg = open(String.join(" ",
                "17", // optional parameters length 23
                "02 06 01 04 0001 00 01", // parameter: multiprotocol ipv4 unicast
                "02 02 80 00", // parameter: Cisco route refresh
                "02 02 02 00", // parameter: route refresh
                "02 05 63 03 0a0b0c")); // parameter: capability 99, 3 bytes
        OpenMessage open = decode(msg);

        assertThat(open.parameters()).hasSize(4);
        assertThat(open.capabilities()).containsExactly(
                MultiprotocolCapability.of(AddressFamily.IPV4_UNICAST),
                new UnknownCapability(128, new byte[0]),
                new RouteRefreshCapability(),
                new UnknownCapability(99, new byte[] {0x0a, 0x0b, 0x0c}));
        assertThat(((UnknownCapability) open.capabilities().get(1)).knownCode().label())
                .isEqualTo("route refresh (pre-standard Cisco)");
        assertThat(BgpMessageCodec.encode(open, CodecContext.DEFAULT)).isEqualTo(msg);
    }

    @Test
    void decodesTheRfc9072ExtendedFormat() {
        byte[] msg = open(String.join(" ",
                "ff", // Non-Ext OP Len: 255, as RFC 9072 sends
                "ff", // Non-Ext OP Type: 255 marks the extended format
                "0009", // Extended Opt. Parm. Length 9
                "02 0006", // Capabilities parameter with a two-octet length of 6
                "41 04 0000fdea")); // 4-octet AS 65002
        OpenMessage open = decode(msg);

        assertThat(open.extendedFormat()).isTrue();
        assertThat(open.nonExtOpLen()).isEqualTo(255);
        assertThat(open.capabilities()).containsExactly(new FourOctetAsCapability(65002));
        assertThat(BgpMessageCodec.encode(open, CodecContext.DEFAULT)).isEqualTo(msg);
    }

    @Test
    void keepsAnyNonExtOpLenOfTheExtendedFormat() {
        // RFC 9072: receivers ignore the octet once the format is known; it must still re-encode as received.
        byte[] msg = open("11 ff 0000");
        OpenMessage open = decode(msg);

        assertThat(open.nonExtOpLen()).isEqualTo(0x11);
        assertThat(open.parameters()).isEmpty();
        assertThat(BgpMessageCodec.encode(open, CodecContext.DEFAULT)).isEqualTo(msg);
    }

    @Test
    void factoryChoosesTheFormatByLength() {
        List<Capability> few = List.of(MultiprotocolCapability.of(AddressFamily.IPV4_UNICAST),
                new FourOctetAsCapability(4_200_000_001L));
        OpenMessage small = OpenMessage.of(4_200_000_001L, 90, 0x0a000001, few);
        assertThat(small.myAs()).isEqualTo(OpenMessage.AS_TRANS);
        assertThat(small.extendedFormat()).isFalse();

        List<Capability> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.add(new UnknownCapability(200 + i, new byte[100]));
        }
        OpenMessage large = OpenMessage.of(65001, 90, 0x0a000001, many);
        assertThat(large.extendedFormat()).isTrue();
        assertThat(large.nonExtOpLen()).isEqualTo(OpenMessage.EXTENDED_FORMAT);
        byte[] wire = BgpMessageCodec.encode(large, CodecContext.DEFAULT);
        assertThat(wire[28] & 0xFF).isEqualTo(255);
        assertThat(wire[29] & 0xFF).isEqualTo(255);
        assertThat(decode(wire)).isEqualTo(large);
    }

    @Test
    void factoryRequiresTheFourOctetAsCapabilityForALargeAs() {
        assertThatThrownBy(() -> OpenMessage.of(4_200_000_001L, 90, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4-octet AS capability");
    }

    @Test
    void standardFormatThatOverflowsIsAProgrammingError() {
        List<Capability> many = List.of(new UnknownCapability(200, new byte[200]),
                new UnknownCapability(201, new byte[200]));
        OpenMessage open = new OpenMessage(65001, 90, 1, List.of(new CapabilitiesParameter(many)), 0);
        assertThatThrownBy(() -> BgpMessageCodec.encode(open, CodecContext.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extended format");
    }

    @Test
    void openLargerThan4096IsRefusedEvenWithExtendedMessages() {
        List<CapabilitiesParameter> parameters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            parameters.add(new CapabilitiesParameter(List.of(new UnknownCapability(200, new byte[255]))));
        }
        OpenMessage open = new OpenMessage(65001, 90, 1, parameters, OpenMessage.EXTENDED_FORMAT);
        CodecContext extended = CodecContext.DEFAULT.withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);
        assertThatThrownBy(() -> BgpMessageCodec.encode(open, extended))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096");
    }

    @Test
    void unsupportedVersion() {
        Malformation m = failure(with(BIRD_OPEN, 19, 3));
        assertOpenError(m, OpenErrorSubcode.UNSUPPORTED_VERSION_NUMBER, 19, "BGP version 3, only 4 is supported");
        assertThat(m.data()).containsExactly(0, 4);
    }

    @Test
    void myAsZeroIsBadPeerAs() {
        Malformation m = failure(with(with(BIRD_OPEN, 20, 0), 21, 0));
        assertOpenError(m, OpenErrorSubcode.BAD_PEER_AS, 20, "My AS is 0, which no peer can have (RFC 7607)");
    }

    @Test
    void holdTimeOfOneOrTwoSecondsIsUnacceptable() {
        for (int hold = 1; hold <= 2; hold++) {
            Malformation m = failure(with(with(BIRD_OPEN, 22, 0), 23, hold));
            assertOpenError(m, OpenErrorSubcode.UNACCEPTABLE_HOLD_TIME, 22,
                    "hold time " + hold + " s: must be 0 or at least 3 s");
            assertThat(m.data()).containsExactly(0, hold);
        }
        assertThat(decode(with(with(BIRD_OPEN, 22, 0), 23, 0)).holdTime()).isZero();
        assertThat(decode(with(with(BIRD_OPEN, 22, 0), 23, 3)).holdTime()).isEqualTo(3);
    }

    @Test
    void zeroBgpIdentifier() {
        byte[] msg = BIRD_OPEN.clone();
        java.util.Arrays.fill(msg, 24, 28, (byte) 0);
        assertOpenError(failure(msg), OpenErrorSubcode.BAD_BGP_IDENTIFIER, 24, "BGP identifier is 0.0.0.0");
    }

    @Test
    void optionalParametersLengthDisagreeingWithTheMessage() {
        assertOpenError(failure(with(BIRD_OPEN, 28, 0x50)), OpenErrorSubcode.UNSPECIFIC, 28,
                "optional parameters length 80 but 81 bytes follow");
        assertOpenError(failure(open("00 00")), OpenErrorSubcode.UNSPECIFIC, 28,
                "optional parameters length 0 but 1 bytes follow");
    }

    @Test
    void parameterLengthOverrun() {
        assertOpenError(failure(with(BIRD_OPEN, 30, 0x50)), OpenErrorSubcode.UNSPECIFIC, 30,
                "optional parameter 2 length 80 overruns the 79 bytes left");
    }

    @Test
    void capabilityLengthOverrun() {
        // The last capability is FQDN (code 0x49, length 4); claim 5.
        int lengthAt = BIRD_OPEN.length - 5;
        assertOpenError(failure(with(BIRD_OPEN, lengthAt, 5)), OpenErrorSubcode.UNSPECIFIC, lengthAt,
                "capability 73 length 5 overruns the optional parameter (4 bytes left)");
    }

    @Test
    void capabilityOfTheWrongLength() {
        // The first capability, multiprotocol at offset 31, has its length at 32; claim 3.
        assertOpenError(failure(with(BIRD_OPEN, 32, 3)), OpenErrorSubcode.UNSPECIFIC, 31,
                "multiprotocol capability length 3, expected 4");
    }

    @Test
    void unknownOptionalParameterIsUnsupported() {
        // The parameter BIRD answers with subcode 4 and the parameter as data.
        Malformation m = failure(open("02 0300"));
        assertOpenError(m, OpenErrorSubcode.UNSUPPORTED_OPTIONAL_PARAMETER, 29,
                "optional parameter type 3 is not supported (only capabilities, type 2)");
        assertThat(m.data()).containsExactly(3, 0);
    }

    @Test
    void truncatedParameters() {
        assertOpenError(failure(open("01 02")), OpenErrorSubcode.UNSPECIFIC, 29, "optional parameter header truncated");
        assertOpenError(failure(open("02 ff 00")), OpenErrorSubcode.UNSPECIFIC, 29,
                "extended optional parameters length truncated");
        assertOpenError(failure(open("ff ff 0002 02 00")), OpenErrorSubcode.UNSPECIFIC, 32,
                "optional parameter header truncated");
        assertOpenError(failure(open("03 02 01 41")), OpenErrorSubcode.UNSPECIFIC, 31,
                "capability header truncated: 1 byte left in the optional parameter");
    }

    @Test
    void emptyOpenHasNoCapabilities() {
        OpenMessage open = decode(open("00"));
        assertThat(open.parameters()).isEmpty();
        assertThat(open.effectiveAs()).isEqualTo(65002);
    }

    @Test
    void constructorRejectsValuesTheDecoderRefuses() {
        assertThatThrownBy(() -> new OpenMessage(0, 90, 1, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenMessage(1, 2, 1, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenMessage(1, 90, 0, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<OpenMessage> opens() {
        return MessageArbitraries.opens();
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("opens") OpenMessage open) {
        byte[] wire = BgpMessageCodec.encode(open, CodecContext.DEFAULT);
        assertThat(decode(wire)).isEqualTo(open);
    }

    @Provide
    Arbitrary<List<Capability>> capabilityLists() {
        return MessageArbitraries.capabilities().list().ofMaxSize(12);
    }

    @Property
    void factoryOpensRoundTrip(@ForAll("capabilityLists") List<Capability> capabilities) {
        OpenMessage open = OpenMessage.of(64512, 180, 0x0a000001, capabilities);
        assertThat(decode(BgpMessageCodec.encode(open, CodecContext.DEFAULT))).isEqualTo(open);
    }
}
