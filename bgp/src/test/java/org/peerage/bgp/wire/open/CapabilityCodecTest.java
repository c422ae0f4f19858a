package org.peerage.bgp.wire.open;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.OpenErrorSubcode;
import org.peerage.bgp.wire.WireWriter;

class CapabilityCodecTest {
    private static final String FQDN_MISMATCH =
            " capability: host and domain name lengths do not add up to the capability length ";

    /** Two filler bytes, then the capabilities: malformation offsets count from the filler. */
    private static DecodeResult<CapabilitiesParameter> decode(String capabilitiesHex) {
        byte[] buf = HexFormat.of().parseHex("eeee" + capabilitiesHex.replace(" ", ""));
        return CapabilityCodec.decodeParameter(buf, 2, buf.length - 2, 0);
    }

    private static Capability decodeOne(String capabilityHex) {
        CapabilitiesParameter p = decode(capabilityHex).orThrow();
        assertThat(p.capabilities()).hasSize(1);
        assertThat(encode(p)).isEqualTo(capabilityHex.replace(" ", ""));
        return p.capabilities().getFirst();
    }

    private static String encode(CapabilitiesParameter p) {
        WireWriter out = new WireWriter(16);
        CapabilityCodec.encodeParameter(out, p);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static Malformation failure(String capabilitiesHex) {
        DecodeResult<CapabilitiesParameter> r = decode(capabilitiesHex);
        assertThat(r).isInstanceOf(DecodeResult.Failed.class);
        Malformation m = ((DecodeResult.Failed<CapabilitiesParameter>) r).malformation();
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.code()).isEqualTo(NotificationCode.OPEN_MESSAGE_ERROR);
        return m;
    }

    @ParameterizedTest
    @CsvSource({
            "01 03 000100, 'multiprotocol capability length 3, expected 4'",
            "02 01 00, 'route refresh capability length 1, expected 0'",
            "46 02 0000, 'enhanced route refresh capability length 2, expected 0'",
            "06 01 00, 'extended message capability length 1, expected 0'",
            "41 02 fdea, '4-octet AS capability length 2, expected 4'",
            "09 02 0300, 'BGP role capability length 2, expected 1'",
            "45 05 0001010300, 'ADD-PATH capability length 5, expected a multiple of 4'",
            "40 01 00, 'graceful restart capability length 1, expected 2 plus a multiple of 4'",
            "40 05 0078000101, 'graceful restart capability length 5, expected 2 plus a multiple of 4'",
            "47 06 000101000e10, 'long-lived graceful restart capability length 6, expected a multiple of 7'",
            "05 04 00010001, 'extended next hop capability length 4, expected a multiple of 6'",
            "49 00, 'FQDN" + FQDN_MISMATCH + "0'",
            "49 03 056162, 'FQDN" + FQDN_MISMATCH + "3'",
            "49 05 01610162 63, 'FQDN" + FQDN_MISMATCH + "5'",
    })
    void capabilityOfTheWrongLengthIsUnspecific(String hex, String reason) {
        Malformation m = failure("0200 " + hex);
        assertThat(m.subcode()).isEqualTo(OpenErrorSubcode.UNSPECIFIC.code());
        assertThat(m.offset()).as("offset of the capability code").isEqualTo(4);
        assertThat(m.reason()).isEqualTo(reason);
        assertThat(m.data()).isEmpty();
    }

    @Test
    void truncatedCapabilityHeaderAndOverrun() {
        Malformation header = failure("0200 41");
        assertThat(header.offset()).isEqualTo(4);
        assertThat(header.reason()).isEqualTo("capability header truncated: 1 byte left in the optional parameter");

        Malformation overrun = failure("0200 41 04 0000");
        assertThat(overrun.offset()).as("offset of the length octet").isEqualTo(5);
        assertThat(overrun.reason()).isEqualTo("capability 65 length 4 overruns the optional parameter (2 bytes left)");
    }

    @Test
    void fourOctetAsZeroIsBadPeerAs() {
        Malformation m = failure("41 04 00000000");
        assertThat(m.subcode()).isEqualTo(OpenErrorSubcode.BAD_PEER_AS.code());
        assertThat(m.offset()).isEqualTo(2);
        assertThat(m.reason()).isEqualTo("4-octet AS capability carries AS 0");
        assertThat(m.data()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void extendedNextHopSafiMustFitOneOctet() {
        Malformation m = failure("05 06 0001 0101 0002");
        assertThat(m.subcode()).isEqualTo(OpenErrorSubcode.UNSPECIFIC.code());
        assertThat(m.reason()).isEqualTo("extended next hop capability: NLRI SAFI 257 does not fit a SAFI");
    }

    @Test
    void keepsReservedAndUndefinedValues() {
        MultiprotocolCapability mp = (MultiprotocolCapability) decodeOne("01 04 0002 7f 80");
        assertThat(mp.family()).isEqualTo(new AddressFamily(2, 128));
        assertThat(mp.reserved()).isEqualTo(0x7f);

        AddPathCapability addPath = (AddPathCapability) decodeOne("45 04 0001 01 07");
        assertThat(addPath.families().getFirst().sendReceive()).isEqualTo(7);
        assertThat(addPath.families().getFirst().mode()).isNull();

        RoleCapability role = (RoleCapability) decodeOne("09 01 09");
        assertThat(role.roleCode()).isEqualTo(9);
        assertThat(role.role()).isNull();
    }

    @Test
    void gracefulRestartFlags() {
        // R and N set plus a reserved bit, restart time 4095; ipv4 unicast with F set and a reserved bit.
        GracefulRestartCapability gr = (GracefulRestartCapability) decodeOne("40 06 dfff 0001 01 81");
        assertThat(gr.restartFlags()).isEqualTo(0xd);
        assertThat(gr.restarting()).isTrue();
        assertThat(gr.notificationSupported()).isTrue();
        assertThat(gr.restartTime()).isEqualTo(4095);
        assertThat(gr.families()).containsExactly(new GracefulRestartCapability.Family(AddressFamily.IPV4_UNICAST,
                0x81));
        assertThat(gr.families().getFirst().forwardingPreserved()).isTrue();
    }

    @Test
    void longLivedGracefulRestartStaleTimeIs24Bits() {
        LongLivedGracefulRestartCapability llgr = (LongLivedGracefulRestartCapability)
                decodeOne("47 07 0002 01 80 ffffff");
        LongLivedGracefulRestartCapability.Family f = llgr.families().getFirst();
        assertThat(f.family()).isEqualTo(AddressFamily.IPV6_UNICAST);
        assertThat(f.forwardingPreserved()).isTrue();
        assertThat(f.staleTime()).isEqualTo(0xFF_FFFF);
    }

    @Test
    void fqdnWithDomain() {
        FqdnCapability fqdn = (FqdnCapability) decodeOne("49 0f 03 727331 0a 6578616d706c652e6e6c");
        assertThat(fqdn.hostname()).isEqualTo("rs1");
        assertThat(fqdn.domain()).isEqualTo("example.nl");
    }

    @Test
    void unknownCodesStayRawInOrder() {
        CapabilitiesParameter p = decode("80 00 fe 03 010203 02 00").orThrow();
        assertThat(p.capabilities()).containsExactly(new UnknownCapability(128, new byte[0]),
                new UnknownCapability(254, new byte[] {1, 2, 3}), new RouteRefreshCapability());
        assertThat(((UnknownCapability) p.capabilities().get(1)).knownCode()).isNull();
        assertThat(encode(p)).isEqualTo("8000fe0301020302" + "00");
        assertThat(p.capabilities().get(0).toString())
                .isEqualTo("UnknownCapability[route refresh (pre-standard Cisco) code 128, value ]");
    }

    @Test
    void unknownCapabilityCannotStandInForADecodedOne() {
        assertThatThrownBy(() -> new UnknownCapability(CapabilityCode.FOUR_OCTET_AS.code(), new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnknownCapability(200, new byte[256]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesThatCannotFitOneOctetLengthAreRefused() {
        AddPathCapability.Family f = AddPathCapability.Family.of(AddressFamily.IPV4_UNICAST, AddPathMode.BOTH);
        assertThat(new AddPathCapability(Collections.nCopies(63, f)).families()).hasSize(63);
        assertThatThrownBy(() -> new AddPathCapability(Collections.nCopies(64, f)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FqdnCapability("a".repeat(200), "b".repeat(54)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FqdnCapability("r\u00e9\u4e00", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GracefulRestartCapability(16, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDecodedCodeHasARecord() {
        for (CapabilityCode code : CapabilityCode.values()) {
            if (!code.decoded()) {
                assertThat(new UnknownCapability(code.code(), new byte[0]).knownCode()).isEqualTo(code);
            }
        }
        assertThat(AddPathMode.BOTH.canSend()).isTrue();
        assertThat(AddPathMode.RECEIVE.canSend()).isFalse();
        assertThat(AddPathMode.SEND.canReceive()).isFalse();
    }
}
