package org.peerage.policy.rtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rtr.pdu.ErrorCode;
import org.peerage.policy.rtr.pdu.Pdu;
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
import org.peerage.policy.rtr.pdu.PduCodec;

/** The protocol with one cache, driven byte by byte on a test clock: no sockets, no waiting. */
class CacheSessionTest {
    private static final int SESSION = 7;
    private static final Intervals SHORT = new Intervals(60, 5, 600);
    private static final PrefixPdu A = PrefixPdu.announce(1, Prefix.parse("192.0.2.0/24"), 24, 64500);
    private static final PrefixPdu B = PrefixPdu.announce(1, Prefix.parse("2001:db8::/32"), 48, 64501);
    private static final PrefixPdu C = PrefixPdu.announce(1, Prefix.parse("198.51.100.0/22"), 24, 64502);

    private final FakeClock clock = new FakeClock();
    private final List<String> log = new ArrayList<>();
    private final CacheSession session = new CacheSession(new RtrCache("127.0.0.1", 8282, 1), clock, log::add,
            clock.nanoTime());
    private Link link;

    /** What the session sent on one connection, and whether it closed it. */
    static final class Link implements CacheSession.Link {
        final List<byte[]> sent = new ArrayList<>();
        boolean closed;

        @Override
        public void send(byte[] pdu) {
            sent.add(pdu);
        }

        @Override
        public void close() {
            closed = true;
        }

        Pdu last() {
            byte[] b = sent.getLast();
            return ((org.peerage.policy.rtr.pdu.PduResult.Decoded) PduCodec.decode(b, 0, b.length)).pdu();
        }
    }

    private void connect() {
        assertThat(session.connectDue(clock.nanoTime())).isTrue();
        session.connecting();
        assertThat(session.state()).isEqualTo(RtrCacheState.CONNECTING);
        link = new Link();
        session.connected(link, clock.nanoTime());
    }

    /** The PDUs as one stream, fed a byte at a time: framing must not depend on how TCP splits it. */
    private void feed(Pdu... pdus) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Pdu p : pdus) {
            b.writeBytes(PduCodec.encode(p));
        }
        feed(b.toByteArray());
    }

    private void feed(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            session.received(bytes, i, 1, clock.nanoTime());
        }
    }

    private void tick(Duration d) {
        clock.advance(d);
        session.tick(clock.nanoTime());
    }

    private void synced(PrefixPdu... prefixes) {
        connect();
        List<Pdu> answer = new ArrayList<>();
        answer.add(new CacheResponse(1, SESSION));
        answer.addAll(List.of(prefixes));
        answer.add(new EndOfData(1, SESSION, 3, SHORT));
        feed(answer.toArray(Pdu[]::new));
        assertThat(session.state()).isEqualTo(RtrCacheState.SYNCED);
    }

    private static Vrp vrp(PrefixPdu p) {
        return new Vrp(p.prefix(), p.maxLength(), p.asn(), "", 0);
    }

    private static PrefixPdu withdraw(PrefixPdu p) {
        return PrefixPdu.withdraw(p.version(), p.prefix(), p.maxLength(), p.asn());
    }

    @Test
    void connectsWithAResetQueryAndUsesTheDataAtEndOfData() {
        connect();
        assertThat(HexFormat.of().formatHex(link.sent.getFirst())).isEqualTo("0102000000000008");
        assertThat(session.state()).isEqualTo(RtrCacheState.SYNCING);

        feed(new CacheResponse(1, SESSION), A, B);
        assertThat(session.data()).as("half an answer is never used").isNull();
        feed(new EndOfData(1, SESSION, 3, SHORT));

        assertThat(session.data().toList()).containsExactly(vrp(A), vrp(B));
        assertThat(session.synced()).isTrue();
        RtrCacheStatus s = session.status(true);
        assertThat(s.state()).isEqualTo(RtrCacheState.SYNCED);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.sessionId()).isEqualTo(SESSION);
        assertThat(s.serial()).isEqualTo(3);
        assertThat(s.vrpCount()).isEqualTo(2);
        assertThat(s.lastUpdate()).isEqualTo(clock.now());
        assertThat(s.lastError()).isNull();
        assertThat(log).containsExactly("RTR cache 127.0.0.1:8282: synced: version 1, session 7, serial 3, 2 VRPs");
    }

    @Test
    void serialNotifyAndRefreshBringIncrementalUpdates() {
        synced(A, B);
        feed(new SerialNotify(1, SESSION, 4));
        assertThat(link.last()).isEqualTo(new SerialQuery(1, SESSION, 3));

        feed(new CacheResponse(1, SESSION), withdraw(A), C);
        // A Serial Notify during an answer is remembered, and asked about once the answer is complete.
        feed(new SerialNotify(1, SESSION, 5));
        assertThat(link.sent).hasSize(2);
        feed(new EndOfData(1, SESSION, 4, SHORT));
        assertThat(session.data().toList()).containsExactly(vrp(C), vrp(B));
        assertThat(link.last()).isEqualTo(new SerialQuery(1, SESSION, 4));
        feed(new CacheResponse(1, SESSION), new EndOfData(1, SESSION, 5, SHORT));
        assertThat(log).contains("RTR cache 127.0.0.1:8282: serial 4: 1 VRPs announced, 1 withdrawn, 2 held");

        tick(Duration.ofSeconds(59));
        assertThat(link.sent).hasSize(3);
        tick(Duration.ofSeconds(1));
        assertThat(link.sent).as("the refresh interval of 60 s").hasSize(4);
        assertThat(link.last()).isEqualTo(new SerialQuery(1, SESSION, 5));
    }

    @Test
    void announceAndWithdrawWithinOneAnswerCancel() {
        synced(A);
        feed(new SerialNotify(1, SESSION, 4), new CacheResponse(1, SESSION), C, withdraw(C), withdraw(A), A,
                new EndOfData(1, SESSION, 4, SHORT));
        assertThat(session.data().toList()).containsExactly(vrp(A));
        assertThat(link.closed).isFalse();
    }

    @Test
    void duplicateAnnouncementIsAnsweredWithErrorReportSeven() {
        connect();
        feed(new CacheResponse(1, SESSION), A, B, A);
        assertThat(link.last()).isEqualTo(new ErrorReport(1, ErrorCode.DUPLICATE_ANNOUNCEMENT_RECEIVED,
                PduCodec.encode(A), "announcement of 192.0.2.0/24-24 AS64500, which is held already"));
        assertThat(link.closed).isTrue();
        assertThat(session.data()).isNull();
        assertThat(session.state()).isEqualTo(RtrCacheState.FAILED);
        assertThat(session.status(false).lastError()).isEqualTo("announcement of 192.0.2.0/24-24 AS64500, which is "
                + "held already; sent Error Report Duplicate Announcement Received");
        assertThat(log.getLast()).endsWith("Duplicate Announcement Received; reconnecting in 1 s");
    }

    @Test
    void announcingWhatIsHeldInASerialAnswerIsADuplicateToo() {
        synced(A);
        feed(new SerialNotify(1, SESSION, 4), new CacheResponse(1, SESSION), A);
        assertThat(((ErrorReport) link.last()).errorCode()).isEqualTo(ErrorCode.DUPLICATE_ANNOUNCEMENT_RECEIVED);
        assertThat(session.data().toList()).as("the data held stays until it expires").containsExactly(vrp(A));
    }

    @Test
    void withdrawalOfUnknownRecordIsAnsweredWithErrorReportSix() {
        synced(A);
        feed(new SerialNotify(1, SESSION, 4), new CacheResponse(1, SESSION), withdraw(B));
        assertThat(link.last()).isEqualTo(new ErrorReport(1, ErrorCode.WITHDRAWAL_OF_UNKNOWN_RECORD,
                PduCodec.encode(withdraw(B)), "withdrawal of 2001:db8::/32-48 AS64501, which is not held"));
        assertThat(link.closed).isTrue();
    }

    @Test
    void cacheResetBringsAResetQueryAndTheOldDataStaysUntilTheNewIsComplete() {
        synced(A, B);
        feed(new SerialNotify(1, SESSION, 9), new CacheReset(1));
        assertThat(link.last()).isEqualTo(new ResetQuery(1));
        feed(new CacheResponse(1, SESSION), C);
        assertThat(session.data().toList()).containsExactly(vrp(A), vrp(B));
        feed(new EndOfData(1, SESSION, 9, SHORT));
        assertThat(session.data().toList()).containsExactly(vrp(C));
    }

    @Test
    void unsupportedProtocolVersionErrorMeansReconnectingInVersionZero() {
        connect();
        feed(new ErrorReport(0, ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, new byte[0], "version 0 only"));
        assertThat(link.sent).as("no Error Report answers an Error Report").hasSize(1);
        assertThat(link.closed).isTrue();
        assertThat(log.getLast()).isEqualTo("RTR cache 127.0.0.1:8282: the cache does not speak version 1 "
                + "(Unsupported Protocol Version: version 0 only): reconnecting in version 0");

        connect(); // at once, no back-off
        assertThat(HexFormat.of().formatHex(link.sent.getFirst())).isEqualTo("0002000000000008");
        feed(new CacheResponse(0, SESSION), PrefixPdu.announce(0, A.prefix(), 24, 64500),
                new EndOfData(0, SESSION, 1, null));
        assertThat(session.data().toList()).containsExactly(vrp(A));
        assertThat(session.status(true).version()).isZero();
    }

    @Test
    void aCacheAnsweringInVersionZeroIsSpokenToInVersionZero() {
        connect();
        feed(new CacheResponse(0, SESSION));
        assertThat(link.closed).isTrue();
        assertThat(link.sent).hasSize(1);
        connect();
        assertThat(link.last()).isEqualTo(new ResetQuery(0));
    }

    @Test
    void afterAFailureVersionOneIsTriedAgain() {
        connect();
        feed(new CacheResponse(0, SESSION));
        connect();
        session.disconnected(link, "the cache closed the connection", clock.nanoTime());
        assertThat(session.status(false).version()).isEqualTo(1);
        tick(Duration.ofSeconds(1));
        connect();
        assertThat(link.last()).isEqualTo(new ResetQuery(1));
    }

    @Test
    void versionsNeverMixOnceTheSessionHasOne() {
        connect();
        feed(new CacheResponse(1, SESSION));
        byte[] v0 = PduCodec.encode(PrefixPdu.announce(0, A.prefix(), 24, 64500));
        feed(v0);
        assertThat(link.last()).isEqualTo(new ErrorReport(1, ErrorCode.UNEXPECTED_PROTOCOL_VERSION, v0,
                "IPv4 Prefix PDU of version 0 in a version 1 session"));
        assertThat(link.closed).isTrue();
    }

    @Test
    void aMalformedPduGetsCorruptDataAndTheReconnectsBackOff() {
        connect();
        byte[] bad = PduCodec.encode(A);
        bad[10] = 23; // max length 23 < prefix length 24
        feed(PduCodec.encode(new CacheResponse(1, SESSION)));
        feed(bad);
        assertThat(link.last()).isEqualTo(new ErrorReport(1, ErrorCode.CORRUPT_DATA, bad,
                "max length 23 is shorter than the prefix length 24"));
        assertThat(link.closed).isTrue();
        assertThat(session.status(false).lastError()).isEqualTo("malformed PDU: max length 23 is shorter than the "
                + "prefix length 24; sent Error Report Corrupt Data");
        assertThat(session.status(false).lastErrorAt()).isEqualTo(clock.now());

        // Back-off: 1 s, 2 s, 4 s ... between attempts.
        for (long wait : new long[] {1, 2, 4, 8}) {
            clock.advance(Duration.ofSeconds(wait).minusMillis(1));
            assertThat(session.connectDue(clock.nanoTime())).isFalse();
            assertThat(session.nanosUntilNext(clock.nanoTime())).isEqualTo(1_000_000);
            clock.advance(Duration.ofMillis(1));
            assertThat(session.connectDue(clock.nanoTime())).isTrue();
            session.connecting();
            session.connectFailed("Connection refused", clock.nanoTime());
            assertThat(session.state()).isEqualTo(RtrCacheState.FAILED);
        }
        assertThat(log.getLast()).isEqualTo("RTR cache 127.0.0.1:8282: cannot connect: Connection refused; "
                + "reconnecting in 16 s");
    }

    @Test
    void theBackOffIsCappedAtTheRetryInterval() {
        synced(A); // retry 5 s
        for (long wait : new long[] {1, 2, 4, 5, 5}) {
            if (link != null && !link.closed) {
                session.disconnected(link, "gone", clock.nanoTime());
            } else {
                session.connecting();
                session.connectFailed("Connection refused", clock.nanoTime());
            }
            assertThat(log.getLast()).endsWith("reconnecting in " + wait + " s");
            clock.advance(Duration.ofSeconds(wait));
            link = null;
        }
    }

    @Test
    void aMalformedErrorReportIsNotAnswered() {
        connect();
        byte[] bad = PduCodec.encode(new ErrorReport(1, ErrorCode.INTERNAL_ERROR, new byte[0], "oops"));
        bad[15] = 9; // text length 9, but 4 bytes follow
        feed(bad);
        assertThat(link.sent).hasSize(1);
        assertThat(link.closed).isTrue();
        assertThat(session.status(false).lastError()).startsWith("malformed PDU: error text length 9");
    }

    @Test
    void anErrorReportFromTheCacheEndsTheSessionWithoutAnswer() {
        synced(A);
        feed(new ErrorReport(1, ErrorCode.INTERNAL_ERROR, new byte[0], "disk full"));
        assertThat(link.sent).hasSize(1);
        assertThat(link.closed).isTrue();
        assertThat(session.status(false).lastError()).isEqualTo("the cache reported Internal Error: disk full");
        assertThat(session.data().toList()).containsExactly(vrp(A));
    }

    @Test
    void noDataAvailableKeepsTheConnectionAndAsksAgain() {
        connect();
        feed(new ErrorReport(1, ErrorCode.NO_DATA_AVAILABLE, new byte[0], "No data available\0"));
        assertThat(link.closed).isFalse();
        assertThat(session.state()).isEqualTo(RtrCacheState.SYNCING);
        assertThat(session.status(false).lastError()).isEqualTo("the cache has no data yet (No Data Available: No "
                + "data available)");
        tick(Duration.ofMillis(999));
        assertThat(link.sent).hasSize(1);
        tick(Duration.ofMillis(1));
        assertThat(link.sent).hasSize(2);
        assertThat(link.last()).isEqualTo(new ResetQuery(1));

        feed(new ErrorReport(1, ErrorCode.NO_DATA_AVAILABLE, new byte[0], ""));
        feed(new SerialNotify(1, 99, 1)); // the cache has data now: no need to wait the 2 s
        assertThat(link.sent).hasSize(3);
        feed(new CacheResponse(1, 99), A, new EndOfData(1, 99, 1, SHORT));
        assertThat(session.synced()).isTrue();
    }

    @Test
    void dataOfAFailedCacheIsKeptUntilItExpires() {
        synced(A); // expire 600 s
        session.disconnected(link, "the cache closed the connection", clock.nanoTime());
        assertThat(session.state()).isEqualTo(RtrCacheState.FAILED);
        assertThat(session.synced()).isFalse();
        assertThat(session.data().toList()).containsExactly(vrp(A));
        for (int i = 0; i < 5; i++) { // reconnects keep failing
            tick(Duration.ofSeconds(5));
            session.connecting();
            session.connectFailed("Connection refused", clock.nanoTime());
        }
        tick(Duration.ofSeconds(574));
        session.connecting();
        assertThat(session.data()).isNotNull();
        assertThat(session.nanosUntilNext(clock.nanoTime())).isEqualTo(Duration.ofSeconds(1).toNanos());
        tick(Duration.ofSeconds(1));
        assertThat(session.data()).isNull();
        session.connectFailed("Connection refused", clock.nanoTime());
        assertThat(session.state()).isEqualTo(RtrCacheState.EXPIRED);
        assertThat(session.status(false).vrpCount()).isZero();
        assertThat(log).contains("RTR cache 127.0.0.1:8282: data expired: no End of Data for 600 s; its 1 VRPs are "
                + "dropped");
    }

    @Test
    void anAnswerThatStallsCountsAsAFailure() {
        connect();
        feed(new CacheResponse(1, SESSION), A);
        tick(Duration.ofSeconds(599)); // the default retry interval, 600 s, until End of Data says otherwise
        assertThat(link.closed).isFalse();
        tick(Duration.ofSeconds(1));
        assertThat(link.closed).isTrue();
        assertThat(session.status(false).lastError()).isEqualTo("no answer to the Reset Query for 600 s");
    }

    @Test
    void intervalsOutsideRfc8210RangesAreBounded() {
        connect();
        feed(new CacheResponse(1, SESSION), A, new EndOfData(1, SESSION, 1, new Intervals(0, 100_000, 10)));
        assertThat(log).contains(
                "RTR cache 127.0.0.1:8282: refresh interval 0 s is outside 1..86400 s (RFC 8210 §6): using 1 s",
                "RTR cache 127.0.0.1:8282: retry interval 100000 s is outside 1..7200 s (RFC 8210 §6): using 7200 s",
                "RTR cache 127.0.0.1:8282: expire interval 10 s is outside 600..172800 s (RFC 8210 §6): using 600 s");
        tick(Duration.ofSeconds(1));
        assertThat(link.last()).isEqualTo(new SerialQuery(1, SESSION, 1));
    }

    @Test
    void pdusOutOfPlaceAreCorruptData() {
        connect();
        feed(A);
        assertThat(link.last()).isEqualTo(new ErrorReport(1, ErrorCode.CORRUPT_DATA, PduCodec.encode(A),
                "IPv4 Prefix PDU outside a Cache Response"));

        tick(Duration.ofSeconds(1));
        connect();
        feed(new CacheResponse(1, SESSION), new EndOfData(1, SESSION + 1, 1, SHORT));
        assertThat(((ErrorReport) link.last()).text()).isEqualTo("End of Data for session 8, this session is 7");

        tick(Duration.ofSeconds(2));
        synced(A);
        feed(new SerialNotify(1, SESSION + 1, 4));
        assertThat(((ErrorReport) link.last()).text()).isEqualTo("Serial Notify for session 8, this session is 7");

        tick(Duration.ofSeconds(1));
        synced(A);
        feed(new CacheReset(1));
        assertThat(((ErrorReport) link.last()).text()).isEqualTo("Cache Reset not in answer to a Serial Query");
    }

    @Test
    void queriesFromTheCacheAreUnsupportedPduTypes() {
        connect();
        feed(new ResetQuery(1));
        ErrorReport e = (ErrorReport) link.last();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_PDU_TYPE);
        assertThat(e.text()).isEqualTo("Reset Query PDUs go from routers to caches");
    }

    @Test
    void routerKeysAreReadPast() {
        connect();
        feed(new CacheResponse(1, SESSION), new RouterKey(1, 1, new byte[20], 64500, new byte[91]), A,
                new EndOfData(1, SESSION, 1, SHORT));
        assertThat(session.data().toList()).containsExactly(vrp(A));
    }
}
