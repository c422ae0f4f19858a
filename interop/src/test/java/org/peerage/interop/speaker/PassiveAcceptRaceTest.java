package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionListener;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.interop.daemon.DaemonExtension;

/**
 * A peer that connects to a passive peerage session and sends its OPEN at once (RFC 4271 §8: both ends send OPEN as
 * soon as the connection is up; OpenBGPD does not wait for ours) must have that OPEN read. Before the listener held
 * reads until the session adopted the connection, with more than one network thread the OPEN was lost about one
 * time in five: peerage then met the peer's KEEPALIVE in OpenSent and reset the session with an FSM error.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PassiveAcceptRaceTest {

    @Test
    void peerThatSendsItsOpenAtOnceIsAlwaysHeard() throws Exception {
        int attempts = 100;
        List<String> failures = new ArrayList<>();
        try (Transport transport = Transport.create(2)) {
            for (int i = 0; i < attempts; i++) {
                Link link = Link.ipv4("early-open-" + i, true);
                List<String> events = Collections.synchronizedList(new ArrayList<>());
                SessionListener listener = new SessionListener() {
                    @Override
                    public void up(PeerSession s, Negotiated n) {
                        events.add("up");
                    }

                    @Override
                    public void down(PeerSession s, SessionAction.Down d) {
                        events.add("down: " + d.reason());
                    }
                };
                PeerSession session = new PeerSession(transport, link.peerConfig()
                        .withFamilies(Set.of(AddressFamily.IPV4_UNICAST)), link.options(), listener, link.name());
                try (BgpListener bgpListener = BgpListener.bind(transport, List.of(link.listenAddress()))) {
                    bgpListener.register(session);
                    session.start();
                    earlyOpenHandshake(link);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                    while (events.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(2);
                    }
                    if (events.isEmpty() || !events.getFirst().equals("up")) {
                        failures.add("attempt " + i + ": " + events);
                    }
                    session.stop("next attempt").get(5, TimeUnit.SECONDS);
                }
            }
        }
        assertThat(failures).as("handshakes out of %d where peerage missed the peer's first OPEN", attempts).isEmpty();
    }

    /**
     * Connects as the daemon would, sends an OPEN before reading anything, reads peerage's OPEN, sends a KEEPALIVE;
     * the session is then up unless peerage lost that first OPEN.
     */
    private static void earlyOpenHandshake(Link link) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(Link.address(link.daemonAddress()), 0));
            socket.connect(link.listenAddress(), 2000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            OpenMessage open = OpenMessage.of(link.daemonAs(), 90, 0x0A000002, List.of(
                    new MultiprotocolCapability(AddressFamily.IPV4_UNICAST, 0), new FourOctetAsCapability(link.daemonAs())));
            out.write(BgpMessageCodec.encode(open, CodecContext.DEFAULT));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[19];
            in.readFully(header);
            in.readFully(new byte[((header[16] & 0xff) << 8 | (header[17] & 0xff)) - 19]);
            out.write(BgpMessageCodec.encode(KeepaliveMessage.INSTANCE, CodecContext.DEFAULT));
            out.flush();
            try {
                in.read(); // peerage's KEEPALIVE, or its NOTIFICATION; either way the outcome is reported
            } catch (IOException ignored) {
                // reset: reported by the session
            }
        }
    }

    /**
     * The same with OpenBGPD connecting to a passive speaker session on two network threads (the listener on one, the
     * session on the other), ten times over; OpenBGPD waits before it reconnects after the reset.
     */
    @Test
    void openBgpdConnectingToAPassiveSpeakerEstablishesAtFirstAttempt() {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            Link link = Link.ipv4("openbgpd-" + round, true);
            PeerageSpeaker.Builder speaker = PeerageSpeaker.builder().threads(2)
                    .session(link, link.peerConfig(), link.options(), new RouteTable());
            try (Pairing pair = Pairing.start(DaemonKind.OPENBGPD, link.daemonPeer().build(), speaker)) {
                try {
                    pair.peerage().awaitEstablished(link.name(), Duration.ofSeconds(5));
                } catch (AssertionError e) {
                    failures.add(link.name() + ": " + pair.peerage().events().of("down", link.name()));
                }
            }
        }
        assertThat(failures).as("sessions OpenBGPD could not establish at the first attempt").isEmpty();
    }
}
