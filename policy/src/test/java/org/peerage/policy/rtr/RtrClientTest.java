package org.peerage.policy.rtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.pdu.ErrorCode;
import org.peerage.policy.rtr.pdu.Pdu;
import org.peerage.policy.rtr.pdu.Pdu.CacheResponse;
import org.peerage.policy.rtr.pdu.Pdu.EndOfData;
import org.peerage.policy.rtr.pdu.Pdu.ErrorReport;
import org.peerage.policy.rtr.pdu.Pdu.Intervals;
import org.peerage.policy.rtr.pdu.Pdu.PrefixPdu;
import org.peerage.policy.rtr.pdu.Pdu.ResetQuery;
import org.peerage.policy.rtr.pdu.Pdu.SerialNotify;
import org.peerage.policy.rtr.pdu.Pdu.SerialQuery;
import org.peerage.policy.rtr.pdu.PduCodec;

/**
 * The client over loopback against scripted caches in this JVM, on a test clock: expiry, fallback between caches,
 * version fallback and error handling, with the timers moved on by the test instead of waited for.
 */
class RtrClientTest {
    private static final Intervals TIMERS = new Intervals(300, 60, 600); // refresh, retry, expire
    private static final PrefixPdu A = PrefixPdu.announce(1, Prefix.parse("192.0.2.0/24"), 24, 64500);
    private static final PrefixPdu B = PrefixPdu.announce(1, Prefix.parse("2001:db8::/32"), 48, 64501);
    private static final PrefixPdu C = PrefixPdu.announce(1, Prefix.parse("198.51.100.0/22"), 24, 64502);

    record Change(VrpTable vrps, Set<Prefix> coverage) {
    }

    private final FakeClock clock = new FakeClock();
    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private RtrClient client;

    @AfterEach
    void closeAll() throws Exception {
        if (client != null) {
            client.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private RtrClient start(RtrCache... caches) {
        client = RtrClient.start(List.of(caches), (vrps, coverage) -> changes.add(new Change(vrps, coverage)),
                log::add, clock);
        return client;
    }

    private FakeCache cache(FakeCache.Script script) throws IOException {
        FakeCache c = new FakeCache(script);
        open.add(c);
        return c;
    }

    /** Answers every Reset Query with {@code vrps} and every Serial Query with no change. */
    private static FakeCache.Script serving(PrefixPdu... vrps) {
        return (pdu, to) -> {
            if (pdu instanceof ResetQuery) {
                to.send(new CacheResponse(1, 1));
                to.send(vrps);
                to.send(new EndOfData(1, 1, 1, TIMERS));
            } else if (pdu instanceof SerialQuery q) {
                to.send(new CacheResponse(1, 1), new EndOfData(1, 1, q.serial(), TIMERS));
            }
        };
    }

    private void moveClock(Duration d) {
        clock.advance(d);
        client.clockChanged();
    }

    private Change nextChange() throws InterruptedException {
        Change c = changes.poll(20, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no change reported; status " + client.status() + "; log " + log);
        }
        return c;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + "; status " + client.status() + "; log " + log);
            }
            Thread.sleep(10);
        }
    }

    private RtrCacheStatus status(int i) {
        return client.status().get(i);
    }

    private static Vrp vrp(PrefixPdu p) {
        return new Vrp(p.prefix(), p.maxLength(), p.asn(), "", 0);
    }

    @Test
    void dataOfAFailedCacheStaysInUseUntilItExpiresThenEverythingIsNotFound() throws Exception {
        FakeCache cache = cache(serving(A, B));
        start(cache.cache(1));
        Change first = nextChange();
        assertThat(first.vrps().toList()).containsExactly(vrp(A), vrp(B));
        assertThat(first.coverage()).containsExactly(A.prefix(), B.prefix());
        assertThat(client.vrps()).isSameAs(first.vrps());

        cache.down();
        await("failed", () -> status(0).state() == RtrCacheState.FAILED);
        assertThat(client.vrps().size()).isEqualTo(2);
        assertThat(status(0).inUse()).isTrue();

        moveClock(Duration.ofSeconds(599)); // expire is 600 s; the reconnect (due after 1 s) fails meanwhile
        await("reconnect tried", () -> log.stream().anyMatch(l -> l.endsWith("reconnecting in 2 s")));
        assertThat(changes).isEmpty();
        assertThat(client.vrps().size()).isEqualTo(2);

        moveClock(Duration.ofSeconds(1));
        Change expired = nextChange();
        assertThat(expired.vrps().size()).isZero();
        assertThat(expired.coverage()).containsExactly(A.prefix(), B.prefix());
        await("expired", () -> status(0).state() == RtrCacheState.EXPIRED);
        assertThat(client.vrps().size()).isZero();
        assertThat(status(0).inUse()).isFalse();
        assertThat(status(0).vrpCount()).isZero();
        assertThat(log).contains("RTR: no cache has data: no VRPs in use (every route is NotFound)");
    }

    @Test
    void theMostPreferredSyncedCacheIsUsedWithFallbackAndReturn() throws Exception {
        FakeCache preferred = cache(serving(A));
        FakeCache second = cache(serving(C));
        // Given second first: preference, not order, decides.
        start(second.cache(20), preferred.cache(10));
        await("both synced, the preferred in use", () -> status(1).inUse()
                && status(0).state() == RtrCacheState.SYNCED && status(1).state() == RtrCacheState.SYNCED);
        assertThat(client.vrps().toList()).containsExactly(vrp(A));
        changes.clear();

        preferred.down();
        Change fallback = nextChange();
        assertThat(fallback.vrps().toList()).containsExactly(vrp(C));
        assertThat(fallback.coverage()).containsExactly(A.prefix(), C.prefix());
        await("fallen back", () -> status(0).inUse() && status(1).state() == RtrCacheState.FAILED);
        assertThat(status(1).lastError()).isEqualTo("the cache closed the connection");
        assertThat(log).anyMatch(l -> l.equals("RTR: using the VRPs of 127.0.0.1:" + second.port()
                + " (preference 20)"));

        preferred.up();
        moveClock(Duration.ofSeconds(1));
        Change back = nextChange();
        assertThat(back.vrps().toList()).containsExactly(vrp(A));
        assertThat(back.coverage()).containsExactly(A.prefix(), C.prefix());
        await("back on the preferred", () -> status(1).inUse() && status(1).state() == RtrCacheState.SYNCED);
    }

    @Test
    void switchingToACacheWithTheSameDataIsNoChange() throws Exception {
        FakeCache preferred = cache(serving(A, B));
        FakeCache second = cache(serving(B, A));
        start(preferred.cache(1), second.cache(2));
        await("both synced", () -> status(0).inUse() && status(1).state() == RtrCacheState.SYNCED);
        changes.clear();
        preferred.close();
        await("fallen back", () -> status(1).inUse());
        // The listener runs before the status is published: had it been called, it would be in the queue now.
        assertThat(changes).isEmpty();
        assertThat(client.vrps().toList()).containsExactly(vrp(A), vrp(B));
    }

    @Test
    void serialNotifyBringsAnIncrementalChangeWithItsCoverage() throws Exception {
        AtomicBoolean changed = new AtomicBoolean();
        FakeCache cache = cache((pdu, to) -> {
            if (pdu instanceof ResetQuery) {
                to.send(new CacheResponse(1, 1), A, B, new EndOfData(1, 1, 1, TIMERS));
            } else if (pdu instanceof SerialQuery q && changed.get()) {
                to.send(new CacheResponse(1, 1), PrefixPdu.withdraw(1, A.prefix(), 24, 64500), C,
                        new EndOfData(1, 1, 2, TIMERS));
            } else if (pdu instanceof SerialQuery q) {
                to.send(new CacheResponse(1, 1), new EndOfData(1, 1, q.serial(), TIMERS));
            }
        });
        start(cache.cache(1));
        nextChange();
        assertThat(cache.next()).isEqualTo(new ResetQuery(1));

        cache.latest().send(new SerialNotify(1, 1, 1)); // nothing new: no change reported
        assertThat(cache.next()).isEqualTo(new SerialQuery(1, 1, 1));
        changed.set(true);
        cache.latest().send(new SerialNotify(1, 1, 2));
        assertThat(cache.next()).isEqualTo(new SerialQuery(1, 1, 1));
        Change c = nextChange();
        assertThat(c.vrps().toList()).containsExactly(vrp(C), vrp(B));
        assertThat(c.coverage()).containsExactly(A.prefix(), C.prefix());
        await("serial 2", () -> status(0).serial() == 2);

        moveClock(Duration.ofSeconds(300)); // the refresh interval
        assertThat(cache.next()).isEqualTo(new SerialQuery(1, 1, 2));
    }

    @Test
    void unsupportedProtocolVersionMeansVersionZero() throws Exception {
        FakeCache cache = cache((pdu, to) -> {
            if (pdu.version() == 1) {
                to.send(new ErrorReport(0, ErrorCode.UNSUPPORTED_PROTOCOL_VERSION, PduCodec.encode(pdu),
                        "version 0 only"));
                to.close();
            } else if (pdu instanceof ResetQuery) {
                to.send(new CacheResponse(0, 5), PrefixPdu.announce(0, A.prefix(), 24, 64500),
                        new EndOfData(0, 5, 1, null));
            }
        });
        start(cache.cache(1));
        assertThat(cache.next()).isEqualTo(new ResetQuery(1));
        assertThat(cache.next()).isEqualTo(new ResetQuery(0));
        assertThat(nextChange().vrps().toList()).containsExactly(vrp(A));
        await("synced", () -> status(0).state() == RtrCacheState.SYNCED);
        assertThat(status(0).version()).isZero();
        assertThat(status(0).sessionId()).isEqualTo(5);
        assertThat(log).contains("RTR cache 127.0.0.1:" + cache.port() + ": the cache does not speak version 1 "
                + "(Unsupported Protocol Version: version 0 only): reconnecting in version 0");
    }

    @Test
    void aMalformedPduIsAnsweredWithAnErrorReportAndAReconnectAfterTheBackOff() throws Exception {
        byte[] bad = PduCodec.encode(A);
        bad[10] = 23;
        AtomicBoolean first = new AtomicBoolean(true);
        FakeCache cache = cache((pdu, to) -> {
            if (pdu instanceof ResetQuery && first.getAndSet(false)) {
                to.send(new CacheResponse(1, 1));
                to.sendRaw(bad);
            } else {
                serving(A).answer(pdu, to);
            }
        });
        start(cache.cache(1));
        assertThat(cache.next()).isEqualTo(new ResetQuery(1));
        assertThat(cache.next()).isEqualTo(new ErrorReport(1, ErrorCode.CORRUPT_DATA, bad,
                "max length 23 is shorter than the prefix length 24"));
        await("failed", () -> status(0).state() == RtrCacheState.FAILED);
        assertThat(status(0).lastError()).isEqualTo("malformed PDU: max length 23 is shorter than the prefix length "
                + "24; sent Error Report Corrupt Data");
        assertThat(log).contains("RTR cache 127.0.0.1:" + cache.port() + ": malformed PDU: max length 23 is shorter "
                + "than the prefix length 24; sent Error Report Corrupt Data; reconnecting in 1 s");

        moveClock(Duration.ofSeconds(1));
        assertThat(cache.next()).isEqualTo(new ResetQuery(1));
        assertThat(nextChange().vrps().toList()).containsExactly(vrp(A));
    }

    @Test
    void anUnreachableCacheIsReportedAndRetried() throws Exception {
        FakeCache gone = cache(serving(A));
        RtrCache unreachable = gone.cache(1);
        gone.close();
        start(unreachable);
        await("failed", () -> status(0).state() == RtrCacheState.FAILED);
        assertThat(status(0).lastError()).startsWith("cannot connect: ");
        assertThat(status(0).lastUpdate()).isNull();
        assertThat(status(0).serial()).isEqualTo(-1);
        assertThat(client.vrps().size()).isZero();
    }

    @Test
    void cachesAreCheckedWhenStarting() {
        assertThatThrownBy(() -> RtrClient.start(List.of(), (v, c) -> { }, log::add))
                .hasMessage("no RTR cache given");
        RtrCache a = new RtrCache("127.0.0.1", 8282, 1);
        assertThatThrownBy(() -> RtrClient.start(List.of(a, new RtrCache("127.0.0.1", 8282, 2)), (v, c) -> { },
                log::add)).hasMessage("RTR cache 127.0.0.1:8282 is given twice");
    }

    @Test
    void cacheAddressesParse() {
        assertThat(RtrCache.parse("rtr.example.net:8282", 3)).isEqualTo(new RtrCache("rtr.example.net", 8282, 3));
        assertThat(RtrCache.parse("192.0.2.1:323,1", 3)).isEqualTo(new RtrCache("192.0.2.1", 323, 1));
        RtrCache six = RtrCache.parse("[2001:db8::1]:8282,2", 3);
        assertThat(six).isEqualTo(new RtrCache("2001:db8::1", 8282, 2));
        assertThat(six.address()).isEqualTo("[2001:db8::1]:8282");
        assertThatThrownBy(() -> RtrCache.parse("192.0.2.1", 1))
                .hasMessage("\"192.0.2.1\" is not HOST:PORT[,PREFERENCE] (no port)");
        assertThatThrownBy(() -> RtrCache.parse("2001:db8::1:8282", 1)).hasMessage("\"2001:db8::1:8282\" is not "
                + "HOST:PORT[,PREFERENCE] (write an IPv6 address in brackets: [2001:db8::1]:8282)");
        assertThatThrownBy(() -> RtrCache.parse("host:http", 1))
                .hasMessage("\"host:http\" is not HOST:PORT[,PREFERENCE] (port \"http\" is not a number)");
        assertThatThrownBy(() -> RtrCache.parse("host:70000", 1)).hasMessage("RTR cache host: port 70000 outside "
                + "1..65535");
        assertThatThrownBy(() -> RtrCache.parse("host:323,x", 1))
                .hasMessage("\"host:323,x\" is not HOST:PORT[,PREFERENCE] (preference \"x\" is not a number)");
    }
}
