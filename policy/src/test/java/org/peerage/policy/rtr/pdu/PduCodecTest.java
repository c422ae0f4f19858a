package org.peerage.policy.rtr.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
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

class PduCodecTest {
    // Captured from StayRTR 0.5.1 (Debian) serving {192.0.2.0/24-24 AS64500, 2001:db8::/32-48 AS64501}, started with
    // -rtr.refresh 60 -rtr.retry 5 -rtr.expire 600, answering a version 1 Reset Query (01 02 0000 00000008).
    static final byte[] CACHE_RESPONSE = hex(
            "01", // version 1
            "03", // Cache Response
            "4c20", // session ID 19488
            "00000008"); // length
    static final byte[] IPV6_ANNOUNCE = hex("01", "06", "0000", "00000020",
            "01", // flags: announcement
            "20", // prefix length 32
            "30", // max length 48
            "00", // zero
            "20010db8000000000000000000000000", // 2001:db8::
            "0000fbf5"); // AS64501
    static final byte[] IPV4_ANNOUNCE = hex("01", "04", "0000", "00000014",
            "01", "18", "18", "00", // announcement, /24, max 24, zero
            "c0000200", // 192.0.2.0
            "0000fbf4"); // AS64500
    static final byte[] END_OF_DATA = hex("01", "07", "4c20", "00000018",
            "00000000", // serial 0
            "0000003c", // refresh 60 s
            "00000005", // retry 5 s
            "00000258"); // expire 600 s

    // The same cache after 198.51.100.0/22-24 AS64502 left the file: a Serial Notify, then the answer to the
    // Serial Query for serial 1 ...
    static final byte[] SERIAL_NOTIFY = hex("01", "00", "4c20", "0000000c", "00000002"); // serial 2
    static final byte[] IPV4_WITHDRAW = hex("01", "04", "0000", "00000014",
            "00", "16", "18", "00", // withdrawal, /22, max 24, zero
            "c6336400", // 198.51.100.0
            "0000fbf6"); // AS64502
    // ... and its answer to a Serial Query for a serial it no longer has.
    static final byte[] CACHE_RESET = hex("01", "08", "0000", "00000008");

    // StayRTR 0.5.1 with -protocol 0 answers a version 1 Reset Query in version 0; its End of Data has no timers.
    static final byte[] END_OF_DATA_V0 = hex("00", "07", "1c8e", "0000000c", "00000000");

    // StayRTR 0.5.1 without data yet (its file missing), to a Reset Query; the text ends in a NUL.
    static final byte[] NO_DATA_AVAILABLE = hex("01", "0a",
            "0002", // error code 2
            "00000022", // length 34
            "00000000", // no encapsulated PDU
            "00000012", // text length 18
            "4e6f206461746120617661696c61626c6500"); // "No data available\0"

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts));
    }

    static Pdu decode(byte[] b) {
        PduResult r = PduCodec.decode(b, 0, b.length);
        assertThat(r).isInstanceOf(PduResult.Decoded.class);
        assertThat(((PduResult.Decoded) r).length()).isEqualTo(b.length);
        return ((PduResult.Decoded) r).pdu();
    }

    static PduResult.Malformed malformed(byte[] b) {
        PduResult r = PduCodec.decode(b, 0, b.length);
        assertThat(r).isInstanceOf(PduResult.Malformed.class);
        return (PduResult.Malformed) r;
    }

    static byte[] with(byte[] b, int at, int value) {
        byte[] c = b.clone();
        c[at] = (byte) value;
        return c;
    }

    @Test
    void decodesStayRtrsAnswerToAResetQueryAndEncodesItBackByteForByte() {
        List<Pdu> expected = List.of(
                new CacheResponse(1, 19488),
                PrefixPdu.announce(1, Prefix.parse("2001:db8::/32"), 48, 64501),
                PrefixPdu.announce(1, Prefix.parse("192.0.2.0/24"), 24, 64500),
                new EndOfData(1, 19488, 0, new Intervals(60, 5, 600)));
        List<byte[]> wire = List.of(CACHE_RESPONSE, IPV6_ANNOUNCE, IPV4_ANNOUNCE, END_OF_DATA);
        byte[] stream = concat(wire);
        int at = 0;
        for (int i = 0; i < expected.size(); i++) {
            PduResult r = PduCodec.decode(stream, at, stream.length - at);
            assertThat(r).isEqualTo(new PduResult.Decoded(expected.get(i), wire.get(i).length));
            assertThat(PduCodec.encode(expected.get(i))).isEqualTo(wire.get(i));
            at += wire.get(i).length;
        }
        assertThat(PduCodec.decode(stream, at, 0)).isEqualTo(new PduResult.NeedMore(8));
    }

    @Test
    void incrementalAnswerNotifyAndCacheReset() {
        assertThat(decode(SERIAL_NOTIFY)).isEqualTo(new SerialNotify(1, 19488, 2));
        PrefixPdu withdraw = (PrefixPdu) decode(IPV4_WITHDRAW);
        assertThat(withdraw.announce()).isFalse();
        assertThat(withdraw).isEqualTo(PrefixPdu.withdraw(1, Prefix.parse("198.51.100.0/22"), 24, 64502));
        assertThat(withdraw.toString()).isEqualTo("withdraw 198.51.100.0/22-24 AS64502");
        assertThat(decode(CACHE_RESET)).isEqualTo(new CacheReset(1));
        for (byte[] b : List.of(SERIAL_NOTIFY, IPV4_WITHDRAW, CACHE_RESET)) {
            assertThat(PduCodec.encode(decode(b))).isEqualTo(b);
        }
    }

    @Test
    void queriesAreEncodedAsRfc8210Shows() {
        assertThat(PduCodec.encode(new ResetQuery(1))).isEqualTo(hex("01", "02", "0000", "00000008"));
        assertThat(PduCodec.encode(new ResetQuery(0))).isEqualTo(hex("00", "02", "0000", "00000008"));
        assertThat(PduCodec.encode(new SerialQuery(1, 19488, 1))).isEqualTo(hex("01", "01", "4c20", "0000000c",
                "00000001"));
        assertThat(PduCodec.encode(new SerialQuery(1, 0xFFFF, 0xFFFF_FFFFL))).isEqualTo(hex("01", "01", "ffff",
                "0000000c", "ffffffff"));
    }

    @Test
    void versionZeroEndOfDataHasNoIntervals() {
        assertThat(decode(END_OF_DATA_V0)).isEqualTo(new EndOfData(0, 0x1c8e, 0, null));
        assertThat(PduCodec.encode(new EndOfData(0, 0x1c8e, 0, null))).isEqualTo(END_OF_DATA_V0);
        assertThatThrownBy(() -> new EndOfData(0, 1, 0, new Intervals(1, 1, 600)))
                .hasMessage("a version 0 End of Data has no intervals");
        assertThatThrownBy(() -> new EndOfData(1, 1, 0, null)).hasMessage("a version 1 End of Data needs intervals");
    }

    @Test
    void errorReportFromStayRtr() {
        ErrorReport e = (ErrorReport) decode(NO_DATA_AVAILABLE);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.NO_DATA_AVAILABLE);
        assertThat(e.erroneousPdu()).isEmpty();
        assertThat(e.text()).isEqualTo("No data available\0");
        assertThat(e.describe()).isEqualTo("No Data Available: No data available");
        assertThat(PduCodec.encode(e)).isEqualTo(NO_DATA_AVAILABLE);
    }

    @Test
    void errorReportWithAnEncapsulatedPduAndAnUnknownCode() {
        ErrorReport sent = new ErrorReport(1, ErrorCode.CORRUPT_DATA, IPV4_ANNOUNCE, "bad");
        byte[] wire = PduCodec.encode(sent);
        assertThat(wire).isEqualTo(hex("01", "0a", "0000", "00000027", "00000014", HexFormat.of().formatHex(
                IPV4_ANNOUNCE), "00000003", "626164"));
        assertThat(decode(wire)).isEqualTo(sent);
        ErrorReport unknown = (ErrorReport) decode(with(wire, 3, 42));
        assertThat(unknown.errorCode()).isNull();
        assertThat(unknown.describe()).isEqualTo("error code 42: bad");
    }

    @Test
    void routerKeyRoundTrips() {
        byte[] ski = new byte[20];
        Arrays.fill(ski, (byte) 0xab);
        byte[] spki = hex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
        RouterKey k = new RouterKey(1, 1, ski, 64500, spki);
        byte[] wire = PduCodec.encode(k);
        assertThat(HexFormat.of().formatHex(wire, 0, 8)).isEqualTo("010901000000003a"); // flags in byte 2, 58 bytes
        assertThat(decode(wire)).isEqualTo(k);
        assertThat(((RouterKey) decode(wire)).announce()).isTrue();
        assertThat(malformed(with(wire, 0, 0)).reason()).isEqualTo("Router Key PDUs do not exist in version 0");
    }

    @Test
    void everyTruncationAsksForExactlyTheMissingBytes() {
        for (byte[] pdu : List.of(CACHE_RESPONSE, IPV6_ANNOUNCE, IPV4_ANNOUNCE, END_OF_DATA, SERIAL_NOTIFY,
                END_OF_DATA_V0, NO_DATA_AVAILABLE)) {
            for (int n = 0; n < pdu.length; n++) {
                int missing = n < 8 ? 8 - n : pdu.length - n;
                assertThat(PduCodec.decode(pdu, 0, n)).as("%d of %d bytes", n, pdu.length)
                        .isEqualTo(new PduResult.NeedMore(missing));
            }
        }
    }

    @Test
    void headerCorruptionNamesTheRfc8210ErrorCode() {
        PduResult.Malformed v = malformed(with(IPV4_ANNOUNCE, 0, 2));
        assertThat(v.code()).isEqualTo(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(v.reason()).isEqualTo("protocol version 2 (versions 0 and 1 are supported)");
        assertThat(v.pdu()).isEqualTo(with(IPV4_ANNOUNCE, 0, 2));

        PduResult.Malformed t = malformed(with(IPV4_ANNOUNCE, 1, 5));
        assertThat(t.code()).isEqualTo(ErrorCode.UNSUPPORTED_PDU_TYPE);
        assertThat(t.reason()).isEqualTo("PDU type 5 is not defined in version 1");
        assertThat(malformed(with(IPV4_ANNOUNCE, 1, 11)).reason()).isEqualTo("PDU type 11 is not defined in version 1");

        PduResult.Malformed l = malformed(with(IPV4_ANNOUNCE, 7, 0x15));
        assertThat(l.code()).isEqualTo(ErrorCode.CORRUPT_DATA);
        assertThat(l.reason()).isEqualTo("IPv4 Prefix PDU of length 21, version 1 has 20");
        assertThat(l.pdu()).as("encapsulated as far as it arrived").isEqualTo(with(IPV4_ANNOUNCE, 7, 0x15));

        assertThat(malformed(with(END_OF_DATA, 0, 0)).reason()).isEqualTo("End of Data PDU of length 24, version 0 "
                + "has 12");
        assertThat(malformed(with(END_OF_DATA_V0, 0, 1)).reason()).isEqualTo("End of Data PDU of length 12, version 1 "
                + "has 24");
        assertThat(malformed(with(CACHE_RESPONSE, 7, 12)).reason()).isEqualTo("Cache Response PDU of length 12, "
                + "version 1 has 8");
        assertThat(malformed(with(NO_DATA_AVAILABLE, 7, 15)).reason()).isEqualTo("Error Report PDU of length 15, "
                + "shorter than its fixed fields (16)");

        byte[] huge = with(with(NO_DATA_AVAILABLE, 4, 0x7f), 5, 0);
        PduResult.Malformed h = malformed(huge);
        assertThat(h.reason()).isEqualTo("Error Report PDU of length 2130706466, more than any PDU needs (65536)");
        assertThat(h.pdu()).hasSize(NO_DATA_AVAILABLE.length);
    }

    @Test
    void prefixCorruptionNamesTheProblem() {
        assertThat(malformed(with(IPV4_ANNOUNCE, 9, 33)).reason()).isEqualTo("IPv4 prefix length 33 exceeds 32");
        assertThat(malformed(with(IPV4_ANNOUNCE, 10, 33)).reason()).isEqualTo("IPv4 max length 33 exceeds 32");
        PduResult.Malformed shorter = malformed(with(IPV4_ANNOUNCE, 10, 23));
        assertThat(shorter.code()).isEqualTo(ErrorCode.CORRUPT_DATA);
        assertThat(shorter.reason()).isEqualTo("max length 23 is shorter than the prefix length 24");
        assertThat(shorter.pdu()).isEqualTo(with(IPV4_ANNOUNCE, 10, 23));
        assertThat(malformed(with(IPV4_ANNOUNCE, 15, 1)).reason()).isEqualTo("host bits set past /24 in 192.0.2.1/24");
        assertThat(malformed(with(IPV6_ANNOUNCE, 10, 129)).reason()).isEqualTo("IPv6 max length 129 exceeds 128");
        assertThat(malformed(with(IPV6_ANNOUNCE, 16, 1)).reason()).isEqualTo("host bits set past /32 in "
                + "2001:db8:100::/32");
    }

    @Test
    void errorReportCorruption() {
        PduResult.Malformed text = malformed(with(NO_DATA_AVAILABLE, 15, 0x13));
        assertThat(text.reason()).isEqualTo("error text length 19 does not end the Error Report of length 34 (it has "
                + "18 bytes left)");
        assertThat(malformed(with(NO_DATA_AVAILABLE, 11, 0x20)).reason()).isEqualTo("encapsulated PDU length 32 "
                + "overruns the Error Report of length 34");
        assertThat(malformed(with(NO_DATA_AVAILABLE, 16, 0xff)).reason()).isEqualTo("error text is not UTF-8");
    }

    @Test
    void zeroFieldsAreIgnoredOnReceiptAndWrittenAsZero() {
        byte[] dirty = with(with(IPV4_ANNOUNCE, 11, 0x55), 3, 0x01);
        assertThat(decode(dirty)).isEqualTo(decode(IPV4_ANNOUNCE));
        assertThat(PduCodec.encode(decode(dirty))).isEqualTo(IPV4_ANNOUNCE);
    }

    @Test
    void recordsRefuseWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new ResetQuery(2)).hasMessage("RTR version 2 is not 0 or 1");
        assertThatThrownBy(() -> new SerialQuery(1, 65536, 0)).hasMessage("session ID 65536 outside 0..65535");
        assertThatThrownBy(() -> PrefixPdu.announce(1, Prefix.parse("192.0.2.0/24"), 23, 1))
                .hasMessage("max length 23 outside 24..32 for 192.0.2.0/24");
        assertThatThrownBy(() -> PrefixPdu.announce(1, Prefix.of(false, 24, hex("c00002")), 24, 1L << 32))
                .hasMessage("AS number 4294967296 outside 0..4294967295");
        assertThatThrownBy(() -> PrefixPdu.announce(1, Prefix.of(false, 23, hex("c00003")), 24, 1))
                .hasMessage("host bits set past /23 in 192.0.3.0/23");
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Property
    void everyPduRoundTrips(@ForAll("pdus") Pdu pdu) {
        byte[] wire = PduCodec.encode(pdu);
        assertThat(PduCodec.decode(wire, 0, wire.length)).isEqualTo(new PduResult.Decoded(pdu, wire.length));
    }

    /** One flipped byte anywhere: a clean result (never an exception), and a decoded PDU re-encodes to its length. */
    @Property
    void oneCorruptByteNeverThrows(@ForAll("pdus") Pdu pdu, @ForAll int position, @ForAll byte value) {
        byte[] wire = PduCodec.encode(pdu);
        wire[Math.floorMod(position, wire.length)] = value;
        PduResult r = PduCodec.decode(wire, 0, wire.length);
        if (r instanceof PduResult.Decoded d) {
            assertThat(PduCodec.encode(d.pdu())).hasSize(d.length());
        } else if (r instanceof PduResult.Malformed m) {
            assertThat(m.reason()).isNotBlank();
            assertThat(m.pdu().length).isBetween(PduCodec.HEADER_LENGTH, wire.length);
        } else {
            assertThat(((PduResult.NeedMore) r).missing()).isPositive();
        }
    }

    @Provide
    Arbitrary<Pdu> pdus() {
        Arbitrary<Integer> version = Arbitraries.of(0, 1);
        Arbitrary<Integer> session = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<Pdu> prefix = Combinators.combine(version, Arbitraries.of(true, false), Arbitraries.bytes().array(
                byte[].class).ofSize(16), Arbitraries.integers().between(0, 128), Arbitraries.integers().between(0,
                128), u32).as((v, six, address, a, b, asn) -> {
                    int max = six ? 128 : 32;
                    int length = a % (max + 1);
                    int maxLength = length + b % (max - length + 1);
                    byte[] bytes = Arrays.copyOf(address, (length + 7) / 8);
                    if (length % 8 != 0) {
                        bytes[bytes.length - 1] &= (byte) (0xFF << (8 - length % 8));
                    }
                    return new PrefixPdu(v, asn % 2 == 0 ? 1 : 0, Prefix.of(six, length, bytes), maxLength, asn);
                });
        List<Arbitrary<? extends Pdu>> all = new ArrayList<>();
        all.add(Combinators.combine(version, session, u32).as(SerialNotify::new));
        all.add(Combinators.combine(version, session, u32).as(SerialQuery::new));
        all.add(version.map(ResetQuery::new));
        all.add(Combinators.combine(version, session).as(CacheResponse::new));
        all.add(prefix);
        all.add(Combinators.combine(session, u32, u32, u32).as((s, serial, refresh, expire) ->
                new EndOfData(1, s, serial, new Intervals(refresh, serial, expire))));
        all.add(Combinators.combine(session, u32).as((s, serial) -> new EndOfData(0, s, serial, null)));
        all.add(version.map(CacheReset::new));
        all.add(Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(20), u32,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(100)).as((ski, asn, spki) ->
                        new RouterKey(1, (int) (asn & 1), ski, asn, spki)));
        Arbitrary<String> texts = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '→').ofMaxLength(40);
        all.add(Combinators.combine(version, Arbitraries.integers().between(0, 12), prefix, texts)
                .as((v, code, inner, text) -> new ErrorReport(v, code, PduCodec.encode(inner), text)));
        return Arbitraries.oneOf(all);
    }

    private static byte[] concat(List<byte[]> parts) {
        byte[] out = new byte[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
