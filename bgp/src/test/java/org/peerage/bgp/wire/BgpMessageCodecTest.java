package org.peerage.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.testdata.SharedData;

class BgpMessageCodecTest {
    private static final String MARKER = "ffffffffffffffffffffffffffffffff";
    private static final CodecContext EXTENDED = CodecContext.DEFAULT
            .withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);

    /** BIRD 2.0.12's KEEPALIVE: the header alone. */
    static final byte[] BIRD_KEEPALIVE = hex(MARKER, "0013", "04");

    /** BIRD 2.0.12 withdrawing the two static routes it could not export (their next hop was unusable). */
    static final byte[] BIRD_WITHDRAW = hex(MARKER, "0020", "02",
            "0009", // withdrawn routes length 9
            "18 c63364", // 198.51.100.0/24
            "19 cb007100", // 203.0.113.0/25
            "0000"); // no path attributes, no NLRI

    /** BIRD 2.0.12's IPv4 unicast End-of-RIB: an empty UPDATE. */
    static final byte[] BIRD_EOR_IPV4 = hex(MARKER, "0017", "02", "0000", "0000");

    /** BIRD 2.0.12's IPv6 unicast End-of-RIB: an MP_UNREACH_NLRI with no routes. */
    static final byte[] BIRD_EOR_IPV6 = hex(MARKER, "001d", "02", "0000", "0006",
            "80 0f 03 0002 01"); // optional, MP_UNREACH_NLRI, length 3: AFI 2, SAFI 1

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    static Malformation failure(byte[] buf, int available, CodecContext ctx) {
        FrameResult r = BgpMessageCodec.decode(buf, 0, available, ctx);
        assertThat(r).isInstanceOf(FrameResult.Failed.class);
        return ((FrameResult.Failed) r).malformation();
    }

    static void assertHeaderError(Malformation m, HeaderErrorSubcode subcode, int offset, byte[] data, String reason) {
        assertThat(m.action()).isEqualTo(ErrorAction.SESSION_RESET);
        assertThat(m.code()).isEqualTo(NotificationCode.MESSAGE_HEADER_ERROR);
        assertThat(m.subcode()).isEqualTo(subcode.code());
        assertThat(m.offset()).isEqualTo(offset);
        assertThat(m.data()).isEqualTo(data);
        assertThat(m.reason()).isEqualTo(reason);
    }

    @Test
    void framesABirdSessionFromOneBuffer() {
        // What BIRD sent on one session, in order, as a TCP reader would find it in its buffer.
        byte[][] messages = {OpenMessageTest.BIRD_OPEN, BIRD_KEEPALIVE, BIRD_WITHDRAW, BIRD_EOR_IPV4, BIRD_EOR_IPV6,
                RouteRefreshMessageTest.BIRD_BORR, BIRD_WITHDRAW, RouteRefreshMessageTest.BIRD_EORR,
                NotificationMessageTest.BIRD_SHUTDOWN};
        byte[] stream = concat(messages);
        List<BgpMessage> decoded = new ArrayList<>();
        int at = 0;
        for (byte[] expected : messages) {
            FrameResult r = BgpMessageCodec.decode(stream, at, stream.length - at, CodecContext.DEFAULT);
            assertThat(r).isInstanceOf(FrameResult.Message.class);
            FrameResult.Message m = (FrameResult.Message) r;
            assertThat(m.length()).isEqualTo(expected.length);
            assertThat(m.malformations()).isEmpty();
            assertThat(BgpMessageCodec.encode(m.message(), CodecContext.DEFAULT)).isEqualTo(expected);
            decoded.add(m.message());
            at += m.length();
        }
        assertThat(at).isEqualTo(stream.length);
        assertThat(decoded).extracting(BgpMessage::type).containsExactly(MessageType.OPEN, MessageType.KEEPALIVE,
                MessageType.UPDATE, MessageType.UPDATE, MessageType.UPDATE, MessageType.ROUTE_REFRESH,
                MessageType.UPDATE, MessageType.ROUTE_REFRESH, MessageType.NOTIFICATION);
        assertThat(decoded.get(1)).isSameAs(KeepaliveMessage.INSTANCE);
        assertThat(((UpdateMessage) decoded.get(2)).withdrawn()).extracting(r -> r.prefix().toString())
                .containsExactly("198.51.100.0/24", "203.0.113.0/25");
        assertThat(((UpdateMessage) decoded.get(3)).endOfRibFamily()).isEqualTo(AddressFamily.IPV4_UNICAST);
        assertThat(((UpdateMessage) decoded.get(4)).endOfRibFamily()).isEqualTo(AddressFamily.IPV6_UNICAST);
    }

    @Test
    void asksForMoreUntilTheMessageIsComplete() {
        byte[] open = OpenMessageTest.BIRD_OPEN;
        for (int available = 0; available < open.length; available++) {
            int missing = available < 19 ? 19 - available : open.length - available;
            assertThat(BgpMessageCodec.decode(open, 0, available, CodecContext.DEFAULT))
                    .as("%d bytes available", available)
                    .isEqualTo(new FrameResult.NeedMore(missing));
        }
        assertThat(BgpMessageCodec.decode(open, 0, open.length, CodecContext.DEFAULT))
                .isInstanceOf(FrameResult.Message.class);
    }

    @Test
    void brokenMarkerFailsAtOnceEvenInAPartialHeader() {
        for (int i = 0; i < 16; i++) {
            byte[] msg = BIRD_KEEPALIVE.clone();
            msg[i] = (byte) 0xfe;
            assertHeaderError(failure(msg, i + 1, CodecContext.DEFAULT), HeaderErrorSubcode.CONNECTION_NOT_SYNCHRONIZED,
                    i, new byte[0], "marker byte " + i + " is 0xfe, not 0xff");
        }
    }

    @Test
    void lengthOutsideTheLimits() {
        assertHeaderError(failure(hex(MARKER, "0012", "04"), 19, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("0012"), "message length 18 is outside 19..4096");
        assertHeaderError(failure(hex(MARKER, "1001", "02"), 19, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("1001"), "message length 4097 is outside 19..4096");
        // With RFC 8654 extended messages the same header is fine: the UPDATE's body is awaited.
        assertThat(BgpMessageCodec.decode(hex(MARKER, "1001", "02"), 0, 19, EXTENDED))
                .isEqualTo(new FrameResult.NeedMore(4097 - 19));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 128, 255})
    void unknownType(int type) {
        byte[] msg = hex(MARKER, "0013", String.format("%02x", type));
        assertHeaderError(failure(msg, 19, CodecContext.DEFAULT), HeaderErrorSubcode.BAD_MESSAGE_TYPE, 18,
                new byte[] {(byte) type}, "unknown message type " + type);
    }

    @Test
    void perTypeLengths() {
        assertHeaderError(failure(hex(MARKER, "0014", "04", "00"), 20, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("0014"), "KEEPALIVE message length 20, must be 19");
        assertHeaderError(failure(hex(MARKER, "001c", "01"), 19, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("001c"),
                "OPEN message length 28 is below the minimum 29");
        assertHeaderError(failure(hex(MARKER, "1001", "01"), 19, EXTENDED),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("1001"), "OPEN message length 4097 exceeds 4096");
        assertHeaderError(failure(hex(MARKER, "0016", "02"), 19, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("0016"),
                "UPDATE message length 22 is below the minimum 23");
        assertHeaderError(failure(hex(MARKER, "0014", "03"), 19, CodecContext.DEFAULT),
                HeaderErrorSubcode.BAD_MESSAGE_LENGTH, 16, hex("0014"),
                "NOTIFICATION message length 20 is below the minimum 21");
    }

    @Test
    void bodyMalformationsCountFromTheMessageStart() {
        byte[] open = OpenMessageTest.BIRD_OPEN.clone();
        open[23] = 2; // hold time 2 s
        Malformation m = failure(open, open.length, CodecContext.DEFAULT);
        assertThat(m.offset()).isEqualTo(22);
        // The lead's UPDATE codec reports body-relative offsets; a withdrawn length overrun is at body offset 0.
        byte[] update = hex(MARKER, "0017", "02", "0009", "0000");
        assertThat(failure(update, update.length, CodecContext.DEFAULT).offset()).isEqualTo(19);
    }

    @Test
    void decodesAtAnOffsetInTheBuffer() {
        byte[] buf = concat(hex("0102030405"), BIRD_KEEPALIVE, hex("ffff"));
        FrameResult r = BgpMessageCodec.decode(buf, 5, buf.length - 5, CodecContext.DEFAULT);
        assertThat(r).isEqualTo(new FrameResult.Message(KeepaliveMessage.INSTANCE, 19, List.of()));
    }

    @Test
    void encodingPastTheMaximumIsAProgrammingError() {
        NotificationMessage big = new NotificationMessage(6, 1, new byte[4096 - 21 + 1]);
        assertThatThrownBy(() -> BgpMessageCodec.encode(big, CodecContext.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NOTIFICATION message of 4097 bytes exceeds the 4096-byte maximum");
        assertThat(BgpMessageCodec.encode(big, EXTENDED)).hasSize(4097);
        assertThat(BgpMessageCodec.encode(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT)).isEqualTo(BIRD_KEEPALIVE);
    }

    static Stream<Path> mrtFiles() {
        return SharedData.mrtFiles().stream();
    }

    /** Every OPEN, NOTIFICATION, KEEPALIVE and ROUTE-REFRESH that route collectors logged re-encodes exactly. */
    @ParameterizedTest
    @MethodSource("mrtFiles")
    void everyLoggedNonUpdateMessageReencodesToItsBytes(Path file) throws IOException {
        try (MrtReader reader = MrtReader.open(file.toString())) {
            MrtRecord r;
            while ((r = nextOrEnd(reader)) != null) {
                if (!(MrtDecoder.decode(r) instanceof MrtEntry.Bgp4mpMessage m) || m.message().length < 19
                        || m.message()[18] == 2) {
                    continue;
                }
                byte[] msg = m.message();
                CodecContext ctx = new CodecContext(m.as4(), Set.of(), CodecContext.EXTENDED_MAX_LENGTH);
                FrameResult result = BgpMessageCodec.decode(msg, 0, msg.length, ctx);
                assertThat(result).as("%s at record offset %d: %s", file.getFileName(), r.offset(),
                        HexFormat.of().formatHex(msg)).isInstanceOf(FrameResult.Message.class);
                BgpMessage message = ((FrameResult.Message) result).message();
                assertThat(HexFormat.of().formatHex(BgpMessageCodec.encode(message, ctx)))
                        .as("%s re-encoded", message).isEqualTo(HexFormat.of().formatHex(msg));
            }
        }
    }

    /** The truncated sample files end mid-record: everything before the damage is what this test checks. */
    private static MrtRecord nextOrEnd(MrtReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            return null;
        }
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    @Property
    void arbitraryBytesNeverThrow(@ForAll("anyBytes") byte[] bytes, @ForAll int offset, @ForAll int available) {
        int off = Math.floorMod(offset, bytes.length + 1);
        int len = Math.floorMod(available, bytes.length - off + 1);
        assertThat(BgpMessageCodec.decode(bytes, off, len, CodecContext.DEFAULT)).isNotNull();
    }

    /**
     * Random bodies behind a valid header reach every body decoder, which random bytes alone almost never do: each
     * must answer with a result, never an exception, whatever the body holds.
     */
    @Provide
    Arbitrary<byte[]> framedRandomBodies() {
        return Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(400)).as((type, body) -> {
                    byte[] msg = new byte[19 + body.length];
                    Arrays.fill(msg, 0, 16, (byte) 0xFF);
                    msg[16] = (byte) (msg.length >> 8);
                    msg[17] = (byte) msg.length;
                    msg[18] = type.byteValue();
                    System.arraycopy(body, 0, msg, 19, body.length);
                    return msg;
                });
    }

    @Property
    void framedRandomBodiesNeverThrow(@ForAll("framedRandomBodies") byte[] msg) {
        for (CodecContext ctx : List.of(CodecContext.DEFAULT, CodecContext.TWO_OCTET_AS,
                CodecContext.DEFAULT.withAddPath(Set.of(AddressFamily.IPV4_UNICAST)))) {
            FrameResult r = BgpMessageCodec.decode(msg, 0, msg.length, ctx);
            if (r instanceof FrameResult.Message m && m.message().type() != MessageType.UPDATE) {
                // Whatever decodes re-encodes to the same bytes.
                assertThat(BgpMessageCodec.encode(m.message(), ctx)).isEqualTo(msg);
            }
        }
    }

    /** An OPEN decoder fed a valid OPEN with one byte changed anywhere after the header never throws. */
    @Property
    void openWithOneByteChangedNeverThrows(@ForAll("opens") OpenMessage open, @ForAll int position,
                                            @ForAll byte value) {
        byte[] msg = BgpMessageCodec.encode(open, CodecContext.DEFAULT);
        int at = 19 + Math.floorMod(position, msg.length - 19);
        msg[at] = value;
        FrameResult r = BgpMessageCodec.decode(msg, 0, msg.length, CodecContext.DEFAULT);
        if (r instanceof FrameResult.Message m) {
            assertThat(BgpMessageCodec.encode(m.message(), CodecContext.DEFAULT)).isEqualTo(msg);
        }
    }

    @Provide
    Arbitrary<OpenMessage> opens() {
        return MessageArbitraries.opens();
    }
}
