package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NotificationMessageTest {

    /**
     * Sent by BIRD 2.0.12 on {@code disable peer1 "maintenance until 02:00"}; GoBGP 3.10 sends the very same bytes
     * for {@code gobgp neighbor 127.0.0.1 shutdown --reason "maintenance until 02:00"}.
     */
    static final byte[] BIRD_SHUTDOWN = hex(
            "ffffffffffffffffffffffffffffffff", // marker
            "002d", // length 45
            "03", // type NOTIFICATION
            "06", // Cease
            "02", // Administrative Shutdown
            "17", // shutdown communication length 23
            "6d61696e74656e616e636520756e74696c2030323a3030"); // "maintenance until 02:00"

    /** Sent by BIRD 2.0.12 on {@code restart peer1 "new policy: prefix limit 100 → 200"}. */
    static final byte[] BIRD_RESET = hex(
            "ffffffffffffffffffffffffffffffff", // marker
            "003a", // length 58
            "03", // type NOTIFICATION
            "06", // Cease
            "04", // Administrative Reset
            "24", // shutdown communication length 36 (the arrow is 3 bytes of UTF-8)
            "6e657720706f6c6963793a20707265666978206c696d697420313030", // "new policy: prefix limit 100"
            "20e2869220323030"); // " → 200"

    /**
     * BIRD 2.0.12's answer to an OPEN of version 3: Unsupported Version Number whose data should be the 2-octet
     * version 4, but BIRD writes it in host byte order, so a little-endian machine sends 04 00.
     */
    static final byte[] BIRD_UNSUPPORTED_VERSION = hex("ffffffffffffffffffffffffffffffff", "0017", "03",
            "02", // OPEN Message Error
            "01", // Unsupported Version Number
            "0400"); // data

    /** BIRD 2.0.12's answer to an OPEN with hold time 1: the data is the offending hold time. */
    static final byte[] BIRD_BAD_HOLD_TIME = hex("ffffffffffffffffffffffffffffffff", "0017", "03", "02", "06", "0001");

    /** BIRD 2.0.12's answer to BGP identifier 0.0.0.0: no data. */
    static final byte[] BIRD_BAD_BGP_ID = hex("ffffffffffffffffffffffffffffffff", "0015", "03", "02", "03");

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static NotificationMessage decode(byte[] message) {
        FrameResult r = BgpMessageCodec.decode(message, 0, message.length, CodecContext.DEFAULT);
        assertThat(r).isInstanceOf(FrameResult.Message.class);
        assertThat(((FrameResult.Message) r).length()).isEqualTo(message.length);
        return (NotificationMessage) ((FrameResult.Message) r).message();
    }

    static byte[] encode(NotificationMessage m) {
        return BgpMessageCodec.encode(m, CodecContext.DEFAULT);
    }

    @Test
    void administrativeShutdownWithCommunication() {
        NotificationMessage n = decode(BIRD_SHUTDOWN);

        assertThat(n.errorCode()).isEqualTo(NotificationCode.CEASE);
        assertThat(n.subcode()).isEqualTo(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN.code());
        assertThat(n.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text("maintenance until 02:00"));
        assertThat(n.describe()).isEqualTo("Cease / Administrative Shutdown: \"maintenance until 02:00\"");
        assertThat(encode(n)).isEqualTo(BIRD_SHUTDOWN);
        assertThat(NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, "maintenance until 02:00"))
                .isEqualTo(n);
    }

    @Test
    void administrativeResetWithUtf8Communication() {
        NotificationMessage n = decode(BIRD_RESET);

        assertThat(n.subcode()).isEqualTo(CeaseSubcode.ADMINISTRATIVE_RESET.code());
        assertThat(n.describe()).isEqualTo("Cease / Administrative Reset: \"new policy: prefix limit 100 → 200\"");
        assertThat(encode(n)).isEqualTo(BIRD_RESET);
    }

    @Test
    void openErrorsAsBirdSendsThem() {
        NotificationMessage version = decode(BIRD_UNSUPPORTED_VERSION);
        assertThat(version.errorCode()).isEqualTo(NotificationCode.OPEN_MESSAGE_ERROR);
        assertThat(version.data()).containsExactly(4, 0);
        assertThat(version.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Absent());
        assertThat(version.describe()).isEqualTo("OPEN Message Error / Unsupported Version Number [data 0400]");
        assertThat(encode(version)).isEqualTo(BIRD_UNSUPPORTED_VERSION);

        assertThat(decode(BIRD_BAD_HOLD_TIME).describe())
                .isEqualTo("OPEN Message Error / Unacceptable Hold Time [data 0001]");
        assertThat(decode(BIRD_BAD_BGP_ID).describe()).isEqualTo("OPEN Message Error / Bad BGP Identifier");
        assertThat(encode(decode(BIRD_BAD_BGP_ID))).isEqualTo(BIRD_BAD_BGP_ID);
    }

    @Test
    void malformedCommunicationsAreKeptRawAndNoted() {
        // Length 9, but only "abc" follows.
        NotificationMessage overlong = new NotificationMessage(6, 2, hex("09 616263"));
        assertThat(overlong.shutdownCommunication())
                .isEqualTo(new ShutdownCommunication.Malformed("length 9 exceeds the 3 bytes that follow"));
        assertThat(overlong.describe()).isEqualTo("Cease / Administrative Shutdown (malformed shutdown communication:"
                + " length 9 exceeds the 3 bytes that follow) [data 09616263]");

        NotificationMessage trailing = new NotificationMessage(6, 4, hex("01 61 62"));
        assertThat(trailing.shutdownCommunication())
                .isEqualTo(new ShutdownCommunication.Malformed("length 1 but 2 bytes follow"));

        // 0xc3 starts a two-byte sequence that 0x28 does not continue.
        NotificationMessage badUtf8 = new NotificationMessage(6, 2, hex("02 c328"));
        assertThat(badUtf8.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Malformed("not valid UTF-8"));

        for (NotificationMessage n : new NotificationMessage[] {overlong, trailing, badUtf8}) {
            assertThat(decode(encode(n))).isEqualTo(n);
        }
    }

    @Test
    void communicationOnlyForShutdownAndReset() {
        NotificationMessage rejected = new NotificationMessage(6, 5, hex("03 616263"));
        assertThat(rejected.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Absent());
        assertThat(rejected.describe()).isEqualTo("Cease / Connection Rejected [data 03616263]");

        assertThat(NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN).shutdownCommunication())
                .isEqualTo(new ShutdownCommunication.Absent());
        NotificationMessage empty = new NotificationMessage(6, 2, new byte[] {0});
        assertThat(empty.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text(""));
        assertThat(empty.describe()).isEqualTo("Cease / Administrative Shutdown");

        assertThatThrownBy(() -> NotificationMessage.cease(CeaseSubcode.HARD_RESET, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void communicationUpTo255Bytes() {
        String longest = "é".repeat(127) + "x"; // 255 bytes of UTF-8
        NotificationMessage n = NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_RESET, longest);
        assertThat(n.data()[0] & 0xFF).isEqualTo(255);
        assertThat(decode(encode(n)).shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text(longest));

        assertThatThrownBy(() -> NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_RESET, longest + "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bytes");
    }

    @Test
    void describeEscapesWhatCouldBreakTheLine() {
        NotificationMessage n = NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN,
                "say \"bye\"\nnow\\\u0007\u2028\u202e");
        assertThat(n.describe()).isEqualTo(
                "Cease / Administrative Shutdown: \"say \\\"bye\\\"\\nnow\\\\\\u0007\\u2028\\u202e\"");
    }

    @Test
    void describeNamesEveryCode() {
        assertThat(new NotificationMessage(4, 0, null).describe()).isEqualTo("Hold Timer Expired");
        assertThat(new NotificationMessage(5, 2, null).describe())
                .isEqualTo("Finite State Machine Error / Receive Unexpected Message in OpenConfirm State");
        assertThat(new NotificationMessage(5, 0, null).describe())
                .isEqualTo("Finite State Machine Error / Unspecified Error");
        assertThat(new NotificationMessage(1, 2, hex("1001")).describe())
                .isEqualTo("Message Header Error / Bad Message Length [data 1001]");
        assertThat(new NotificationMessage(3, 11, null).describe())
                .isEqualTo("UPDATE Message Error / Malformed AS_PATH");
        assertThat(new NotificationMessage(3, 0, null).describe()).isEqualTo("UPDATE Message Error");
        assertThat(new NotificationMessage(2, 11, null).describe()).isEqualTo("OPEN Message Error / Role Mismatch");
        assertThat(new NotificationMessage(2, 7, null).describe())
                .isEqualTo("OPEN Message Error / Unsupported Capability");
        assertThat(new NotificationMessage(6, 9, null).describe()).isEqualTo("Cease / Hard Reset");
        assertThat(new NotificationMessage(6, 10, null).describe()).isEqualTo("Cease / BFD Down");
        assertThat(new NotificationMessage(6, 1, hex("0001010000ffff")).describe())
                .isEqualTo("Cease / Maximum Number of Prefixes Reached [data 0001010000ffff]");
        assertThat(new NotificationMessage(7, 1, null).describe())
                .isEqualTo("ROUTE-REFRESH Message Error / Invalid Message Length");
        assertThat(new NotificationMessage(6, 42, null).describe()).isEqualTo("Cease / subcode 42");
        assertThat(new NotificationMessage(99, 3, null).describe()).isEqualTo("error code 99 / subcode 3");
        assertThat(new NotificationMessage(99, 3, null).errorCode()).isNull();
    }

    @Test
    void fromMalformation() {
        Malformation m = OpenErrorSubcode.UNACCEPTABLE_HOLD_TIME.malformation(new byte[] {0, 2}, 22, "hold time 2");
        NotificationMessage n = NotificationMessage.of(m);
        assertThat(n).isEqualTo(new NotificationMessage(2, 6, new byte[] {0, 2}));
    }

    @Test
    void valueIsImmutable() {
        byte[] data = {1, 2};
        NotificationMessage n = new NotificationMessage(6, 1, data);
        data[0] = 9;
        n.data()[1] = 9;
        assertThat(n.data()).containsExactly(1, 2);
    }

    @Test
    void shortBodyIsBadMessageLength() {
        DecodeResult<NotificationMessage> r = NotificationCodec.decode(new byte[] {6}, 0, 1);
        Malformation m = ((DecodeResult.Failed<NotificationMessage>) r).malformation();
        assertThat(m.code()).isEqualTo(NotificationCode.MESSAGE_HEADER_ERROR);
        assertThat(m.subcode()).isEqualTo(HeaderErrorSubcode.BAD_MESSAGE_LENGTH.code());
        assertThat(m.data()).containsExactly(0, 20);
    }

    @Provide
    Arbitrary<NotificationMessage> notifications() {
        return MessageArbitraries.notifications();
    }

    @Property
    void decodeOfEncodeIsIdentity(@ForAll("notifications") NotificationMessage n) {
        assertThat(decode(encode(n))).isEqualTo(n);
        assertThat(n.describe()).doesNotContain("\n", "\r", "\u2028");
    }

    @Property
    void communicationsRoundTrip(@ForAll @StringLength(max = 63) String text) {
        // Lone surrogates have no UTF-8 form; a well-formed string comes back unchanged.
        String wellFormed = text.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        NotificationMessage n = NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, wellFormed);
        assertThat(decode(encode(n)).shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text(wellFormed));
    }
}
