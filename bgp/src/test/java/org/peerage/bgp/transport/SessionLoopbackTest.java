package org.peerage.bgp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.ShutdownCommunication;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;

/** Two peerage sessions talking over loopback: the transport, timers and collision handling end to end. */
@Timeout(30)
class SessionLoopbackTest {
    private static final InetAddress A = address("127.0.3.1");
    private static final InetAddress B = address("127.0.3.2");

    private Transport transport;
    private final List<AutoCloseable> closeables = new java.util.ArrayList<>();

    static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void transport() {
        transport = Transport.create(2);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
        transport.close();
    }

    /** Records what a session reports, for the test thread to wait on. */
    static final class Recorder implements SessionListener {
        final BlockingQueue<SessionState> states = new LinkedBlockingQueue<>();
        final BlockingQueue<UpdateMessage> updates = new LinkedBlockingQueue<>();
        final BlockingQueue<SessionAction.Down> downs = new LinkedBlockingQueue<>();

        @Override
        public void stateChanged(PeerSession s, SessionState from, SessionState to) {
            states.add(to);
        }

        @Override
        public void update(PeerSession s, UpdateMessage u, boolean withdrawAll) {
            updates.add(u);
        }

        @Override
        public void down(PeerSession s, SessionAction.Down d) {
            downs.add(d);
        }

        void await(SessionState wanted) throws InterruptedException {
            SessionState s;
            do {
                s = states.poll(20, TimeUnit.SECONDS);
                assertThat(s).as("waiting for %s", wanted).isNotNull();
            } while (s != wanted);
        }
    }

    private PeerSession session(PeerConfig config, InetAddress local, InetAddress remote, int remotePort,
                                String md5, Recorder recorder) throws Exception {
        SessionOptions options = SessionOptions.of(new InetSocketAddress(remote, remotePort), local);
        if (md5 != null) options = options.withMd5(md5);
        return new PeerSession(transport, config, options, recorder, local + "->" + remote);
    }

    private BgpListener listen(InetAddress on, int port) {
        BgpListener l = BgpListener.bind(transport, List.of(new InetSocketAddress(on, port)));
        closeables.add(l);
        return l;
    }

    @Test
    void activeAndPassiveComeUpExchangeAnUpdateAndShutDownWithAMessage() throws Exception {
        int port = freePort();
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        PeerConfig ca = PeerConfig.of(64601, 0x0A000001, 65000).withHoldTime(9)
                .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), false);
        PeerConfig cb = PeerConfig.of(65000, 0x0A000002, 64601).withPassive(true);
        PeerSession b = session(cb, B, A, 0, null, rb);
        listen(B, port).register(b);
        b.start();
        PeerSession a = session(ca, A, B, port, null, ra);
        a.start();
        ra.await(SessionState.ESTABLISHED);
        rb.await(SessionState.ESTABLISHED);
        assertThat(a.negotiated().holdTime()).isEqualTo(9);

        UpdateMessage u = new UpdateMessage(List.of(), List.of(Origin.of(Origin.IGP),
                AsPath.of(List.of(AsPathSegment.sequence(64601))), NextHop.of(0x7F000301)),
                List.of(Route.of(Prefix.parse("192.0.2.0/24"))));
        a.send(u);
        a.flush();
        assertThat(rb.updates.poll(10, TimeUnit.SECONDS)).isEqualTo(u);

        a.stop("maintenance until 02:00").get(10, TimeUnit.SECONDS);
        SessionAction.Down down = rb.downs.poll(10, TimeUnit.SECONDS);
        assertThat(down).isNotNull();
        NotificationMessage n = down.received();
        assertThat(n.subcode()).isEqualTo(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN.code());
        assertThat(n.shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text("maintenance until 02:00"));
    }

    @Test
    void bothSidesActiveResolveTheCollisionAndComeUpOnce() throws Exception {
        int portA = freePort();
        int portB = freePort();
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        Duration fast = Duration.ofMillis(200);
        PeerConfig ca = PeerConfig.of(64601, 0x0A000001, 65000).withTimers(fast, fast, fast, true);
        PeerConfig cb = PeerConfig.of(65000, 0x0A000002, 64601).withTimers(fast, fast, fast, true);
        PeerSession a = session(ca, A, B, portB, null, ra);
        PeerSession b = session(cb, B, A, portA, null, rb);
        listen(A, portA).register(a);
        listen(B, portB).register(b);
        a.start();
        b.start();
        ra.await(SessionState.ESTABLISHED);
        rb.await(SessionState.ESTABLISHED);
        Thread.sleep(500);
        assertThat(a.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void md5ProtectedSessionComesUpOnlyWithTheRightPassword() throws Exception {
        int port = freePort();
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        Duration fast = Duration.ofMillis(300);
        PeerConfig ca = PeerConfig.of(64601, 0x0A000001, 65000).withTimers(fast, fast, fast, true);
        PeerConfig cb = PeerConfig.of(65000, 0x0A000002, 64601).withPassive(true);
        PeerSession b = session(cb, B, A, 0, "s3cret", rb);
        listen(B, port).register(b);
        b.start();
        PeerSession wrong = session(ca, A, B, port, "wrong", ra);
        wrong.start();
        Thread.sleep(1500);
        assertThat(wrong.state()).isNotEqualTo(SessionState.ESTABLISHED);
        assertThat(b.state()).isEqualTo(SessionState.ACTIVE);
        wrong.stop(null).get(5, TimeUnit.SECONDS);

        PeerSession right = session(ca, A, B, port, "s3cret", ra);
        right.start();
        ra.await(SessionState.ESTABLISHED);
        rb.await(SessionState.ESTABLISHED);
    }

    @Test
    void gtsmAcceptsTtl255AndDropsConnectionsFromFurtherAway() throws Exception {
        int port = freePort();
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        PeerConfig cb = PeerConfig.of(65000, 0x0A000002, 64601).withPassive(true);
        PeerSession b = new PeerSession(transport, cb, SessionOptions.of(new InetSocketAddress(A, 0), B).withGtsm(true),
                rb, "b");
        listen(B, port).register(b);
        b.start();
        // An ordinary socket sends with the default TTL (64): the kernel drops its SYN, the connect times out.
        try (java.net.Socket plain = new java.net.Socket()) {
            plain.bind(new InetSocketAddress(A, 0));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.connect(new InetSocketAddress(B, port), 1500))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
        PeerConfig ca = PeerConfig.of(64601, 0x0A000001, 65000)
                .withTimers(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), true);
        PeerSession a = new PeerSession(transport, ca, SessionOptions.of(new InetSocketAddress(B, port), A)
                .withGtsm(true).withLocalPort(freePort()), ra, "a");
        a.start();
        ra.await(SessionState.ESTABLISHED);
        rb.await(SessionState.ESTABLISHED);
    }

    @Test
    void holdTimerExpiresWhenThePeerFallsSilent() throws Exception {
        int port = freePort();
        Recorder ra = new Recorder();
        PeerConfig ca = PeerConfig.of(64601, 0x0A000001, 65000).withHoldTime(3)
                .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), false);
        // A raw socket that completes the OPEN exchange, then says nothing.
        try (ServerSocket silent = new ServerSocket(port, 1, B)) {
            PeerSession a = session(ca, A, B, port, null, ra);
            a.start();
            try (var sock = silent.accept()) {
                var in = sock.getInputStream();
                var out = sock.getOutputStream();
                in.readNBytes(19 + 10); // header + fixed OPEN fields; the rest of its OPEN is left unread
                out.write(org.peerage.bgp.wire.BgpMessageCodec.encode(
                        PeerConfig.of(65000, 0x0A000002, 64601).withHoldTime(3).open(),
                        org.peerage.bgp.wire.CodecContext.DEFAULT));
                out.write(org.peerage.bgp.wire.BgpMessageCodec.encode(
                        org.peerage.bgp.wire.KeepaliveMessage.INSTANCE, org.peerage.bgp.wire.CodecContext.DEFAULT));
                out.flush();
                ra.await(SessionState.ESTABLISHED);
                SessionAction.Down down = ra.downs.poll(10, TimeUnit.SECONDS);
                assertThat(down).isNotNull();
                assertThat(down.reason()).isEqualTo("hold timer expired");
                assertThat(down.sent().code()).isEqualTo(4);
            }
        }
    }
}
