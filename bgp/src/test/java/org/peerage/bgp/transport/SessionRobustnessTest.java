package org.peerage.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.bgp.testdata.RawPeer;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.wire.BgpMessage;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.open.MultiprotocolCapability;

/** Sessions facing misbehaving peers, stalled readers and endless flapping. */
@Timeout(120)
class SessionRobustnessTest {
    private static final InetAddress US = SessionLoopbackTest.address("127.0.4.1");
    private static final InetAddress THEM = SessionLoopbackTest.address("127.0.4.2");
    private Transport transport;

    @BeforeEach
    void transport() {
        transport = Transport.create(2);
    }

    @AfterEach
    void close() {
        transport.close();
    }

    private PeerSession activeTo(int port, SessionLoopbackTest.Recorder r) {
        PeerConfig c = PeerConfig.of(65000, 0x0A000001, 64601).withTimers(Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(30), false);
        return new PeerSession(transport, c, SessionOptions.of(new InetSocketAddress(THEM, port), US), r, "test");
    }

    private static OpenMessage open(boolean fourOctet) {
        return fourOctet ? PeerConfig.of(64601, 0x0A000002, 65000).open()
                : OpenMessage.of(64601, 90, 0x0A000002, List.of(new MultiprotocolCapability(
                        org.peerage.bgp.wire.AddressFamily.IPV4_UNICAST, 0)));
    }

    @Test
    void garbageGetsConnectionNotSynchronized() throws Exception {
        int port = SessionLoopbackTest.freePort();
        SessionLoopbackTest.Recorder r = new SessionLoopbackTest.Recorder();
        try (RawPeer raw = new RawPeer(THEM, port)) {
            activeTo(port, r).start();
            raw.accept();
            raw.read(CodecContext.DEFAULT);
            raw.write(HexFormat.of().parseHex("00112233445566778899aabbccddeeff001304"));
            NotificationMessage n = (NotificationMessage) raw.read(CodecContext.DEFAULT);
            assertThat(n.code()).isEqualTo(NotificationCode.MESSAGE_HEADER_ERROR.code());
            assertThat(n.subcode()).isEqualTo(1);
            assertThat(r.downs.poll(5, TimeUnit.SECONDS).reason()).contains("marker");
        }
    }

    @Test
    void treatAsWithdrawKeepsTheSessionAndAResetClassErrorEndsIt() throws Exception {
        int port = SessionLoopbackTest.freePort();
        SessionLoopbackTest.Recorder r = new SessionLoopbackTest.Recorder();
        try (RawPeer raw = new RawPeer(THEM, port)) {
            PeerSession s = activeTo(port, r);
            s.start();
            raw.accept();
            raw.handshake(open(true));
            r.await(SessionState.ESTABLISHED);
            // ORIGIN value 7: malformed, treat-as-withdraw (RFC 7606 §7.1)
            raw.write(HexFormat.of().parseHex("ffffffffffffffffffffffffffffffff" + "0033" + "02"
                    + "0000" + "0018" + "40010107" + "40020a02020000fbf400000d1c" + "400304c0000201" + "18cb0071"));
            UpdateMessage u = r.updates.poll(5, TimeUnit.SECONDS);
            assertThat(u.nlri()).containsExactly(Route.of(Prefix.parse("203.0.113.0/24")));
            assertThat(s.state()).isEqualTo(SessionState.ESTABLISHED);
            // prefix length 33 in the NLRI: session reset with UPDATE Message Error / Invalid Network Field
            raw.write(HexFormat.of().parseHex("ffffffffffffffffffffffffffffffff" + "0037" + "02"
                    + "0000" + "0018" + "40010100" + "40020a02020000fbf400000d1c" + "400304c0000201"
                    + "21cb007101020304"));
            BgpMessage m;
            do {
                m = raw.read(CodecContext.DEFAULT);
            } while (!(m instanceof NotificationMessage));
            assertThat(((NotificationMessage) m).code()).isEqualTo(3);
            assertThat(((NotificationMessage) m).subcode()).isEqualTo(10);
            assertThat(r.downs.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void pathsFromATwoOctetPeerAreRebuiltFromAs4Path() throws Exception {
        int port = SessionLoopbackTest.freePort();
        SessionLoopbackTest.Recorder r = new SessionLoopbackTest.Recorder();
        try (RawPeer raw = new RawPeer(THEM, port)) {
            PeerSession s = activeTo(port, r);
            s.start();
            raw.accept();
            raw.handshake(open(false));
            r.await(SessionState.ESTABLISHED);
            assertThat(s.negotiated().fourOctetAs()).isFalse();
            UpdateMessage u = new UpdateMessage(List.of(), List.of(Origin.of(0),
                    AsPath.of(List.of(AsPathSegment.sequence(64601, 23456, 3356))),
                    NextHop.of(0x7F000402),
                    org.peerage.bgp.wire.attr.As4Path.of(List.of(AsPathSegment.sequence(4_200_000_000L, 3356)))),
                    List.of(Route.of(Prefix.parse("198.51.100.0/24"))));
            raw.send(u, CodecContext.TWO_OCTET_AS);
            UpdateMessage got = r.updates.poll(5, TimeUnit.SECONDS);
            assertThat(got.attributes()).hasSize(3);
            assertThat(got.attributes().get(1)).hasToString("64601 4200000000 3356");
        }
    }

    @Test
    void aPeerThatStopsReadingIsDroppedWithoutSlowingAnother() throws Exception {
        int stalledPort = SessionLoopbackTest.freePort();
        SessionLoopbackTest.Recorder stalled = new SessionLoopbackTest.Recorder();
        try (RawPeer raw = new RawPeer(THEM, stalledPort)) {
            PeerConfig c = PeerConfig.of(65000, 0x0A000001, 64601).withTimers(Duration.ofMillis(500),
                    Duration.ofSeconds(30), Duration.ofSeconds(30), false);
            PeerSession s = new PeerSession(transport, c, SessionOptions.of(new InetSocketAddress(THEM, stalledPort),
                    US).withMaxQueuedBytes(4 << 20), stalled, "stalled");
            s.start();
            raw.accept();
            raw.handshake(open(true));
            stalled.await(SessionState.ESTABLISHED);
            byte[] update = org.peerage.bgp.wire.BgpMessageCodec.encode(new UpdateMessage(List.of(), List.of(
                    Origin.of(0), AsPath.of(List.of(AsPathSegment.sequence(65000))), NextHop.of(0x7F000401)),
                    List.of(Route.of(Prefix.parse("10.0.0.0/8")))), CodecContext.DEFAULT);
            // The raw peer never reads again: the kernel buffers fill, then our queue, then the session is dropped.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.state() == SessionState.ESTABLISHED && System.nanoTime() < deadline) {
                for (int i = 0; i < 1000; i++) {
                    s.sendEncoded(io.netty.buffer.Unpooled.wrappedBuffer(update));
                }
                s.flush();
                Thread.sleep(5);
            }
            SessionAction.Down down = stalled.downs.poll(5, TimeUnit.SECONDS);
            assertThat(down).isNotNull();
            assertThat(down.reason()).contains("stopped reading");
            assertThat(down.sent().subcode()).isEqualTo(8);
        }
    }

    @Test
    void aThousandFlapsLeaveNoThreadBufferOrFileDescriptorBehind() throws Exception {
        int port = SessionLoopbackTest.freePort();
        SessionLoopbackTest.Recorder ra = new SessionLoopbackTest.Recorder();
        SessionLoopbackTest.Recorder rb = new SessionLoopbackTest.Recorder();
        Duration fast = Duration.ofMillis(1);
        PeerSession a = new PeerSession(transport, PeerConfig.of(64601, 0x0A000001, 65000)
                .withTimers(Duration.ofMillis(50), fast, fast, true),
                SessionOptions.of(new InetSocketAddress(THEM, port), US), ra, "a");
        PeerSession b = new PeerSession(transport, PeerConfig.of(65000, 0x0A000002, 64601).withPassive(true),
                SessionOptions.of(new InetSocketAddress(US, 0), THEM), rb, "b");
        try (BgpListener listener = BgpListener.bind(transport, List.of(new InetSocketAddress(THEM, port)))) {
            listener.register(b);
            // Warm up once so that lazily created threads and buffers exist before the baseline.
            a.start();
            b.start();
            ra.await(SessionState.ESTABLISHED);
            b.stop("flap").get(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            int threads = Thread.activeCount();
            long fds = openFileDescriptors();
            long direct = PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
            for (int i = 0; i < 1000; i++) {
                ra.states.clear();
                b.start();
                ra.await(SessionState.ESTABLISHED);
                b.stop("flap " + i).get(5, TimeUnit.SECONDS);
            }
            a.stop(null).get(5, TimeUnit.SECONDS);
            // A leak stays; a thread that is only finishing (the JVM's or the pool's own, slow on a loaded machine)
            // goes: allow it a few seconds.
            // The figures asserted are the ones the wait ended on (read again, a transient descriptor could show).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int threadsAfter;
            long fdsAfter;
            do {
                Thread.sleep(100);
                threadsAfter = Thread.activeCount();
                fdsAfter = openFileDescriptors();
            } while ((threadsAfter > threads || fdsAfter > fds) && System.nanoTime() < deadline);
            assertThat(threadsAfter).isLessThanOrEqualTo(threads);
            assertThat(fdsAfter).isLessThanOrEqualTo(fds);
            assertThat(PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()).isLessThanOrEqualTo(direct);
        }
    }

    private static long openFileDescriptors() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
