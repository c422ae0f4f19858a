package org.peerage.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.testdata.RawPeer;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessage;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.RouteRefreshSubtype;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.open.EnhancedRouteRefreshCapability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.GracefulRestartCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RouteRefreshCapability;

/** The speaker against a hand-driven peer: refresh, End-of-RIB, graceful restart helper behaviour. */
@Timeout(60)
class SpeakerTest {
    private static final InetAddress US = address("127.0.5.1");
    private static final InetAddress THEM = address("127.0.5.2");

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static OpenMessage peerOpen(int restartTime) {
        return OpenMessage.of(64601, 90, 0x0A000002, List.of(new MultiprotocolCapability(AddressFamily.IPV4_UNICAST,
                0), new RouteRefreshCapability(), new EnhancedRouteRefreshCapability(), new FourOctetAsCapability(64601),
                new GracefulRestartCapability(0, restartTime, List.of())));
    }

    private static UpdateMessage route(String prefix) {
        return new UpdateMessage(List.of(), List.of(Origin.of(0), AsPath.of(List.of(AsPathSegment.sequence(64601))),
                NextHop.of(0x7F000502)), List.of(Route.of(Prefix.parse(prefix))));
    }

    private record Setup(Transport transport, Speaker speaker, ByteArrayOutputStream events) implements AutoCloseable {
        @Override
        public void close() {
            speaker.close();
            transport.close();
        }

        String log() {
            return events.toString(StandardCharsets.UTF_8);
        }
    }

    private static Setup speaker(int port, RouteTable routes) {
        Transport t = Transport.create(1);
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        PeerConfig c = PeerConfig.of(65000, 0x0A000001, 64601).withFamilies(java.util.Set.of(
                AddressFamily.IPV4_UNICAST)).withTimers(Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300), true);
        Speaker s = new Speaker(t, null, List.of(new Speaker.Spec("s", c,
                SessionOptions.of(new InetSocketAddress(THEM, port), US), routes, US.getAddress(), null)),
                new EventSink(events, System.nanoTime()), false);
        s.start();
        return new Setup(t, s, events);
    }

    @Test
    void announcesItsTableThenEndOfRibAndAnswersAnEnhancedRouteRefresh() throws Exception {
        int port = freePort();
        RouteTable table = new RouteTable();
        table.put(Prefix.parse("192.0.2.0/24"), List.of(Origin.of(0), AsPath.of(List.of(AsPathSegment.sequence(3356)))));
        table.put(Prefix.parse("198.51.100.0/24"), List.of(Origin.of(2), AsPath.of(List.of())));
        try (RawPeer raw = new RawPeer(THEM, port); Setup s = speaker(port, table)) {
            raw.accept();
            raw.handshake(peerOpen(0));
            List<Route> got = new java.util.ArrayList<>();
            BgpMessage m;
            while (!((m = raw.read(CodecContext.DEFAULT)) instanceof UpdateMessage eor && eor.endOfRibFamily() != null)) {
                if (m instanceof UpdateMessage u) {
                    got.addAll(u.nlri());
                    assertThat(u.attributes().get(1).toString()).startsWith("65000");
                }
            }
            assertThat(got).extracting(Route::prefix).containsExactlyInAnyOrder(Prefix.parse("192.0.2.0/24"),
                    Prefix.parse("198.51.100.0/24"));
            raw.send(RouteRefreshMessage.of(AddressFamily.IPV4_UNICAST, RouteRefreshSubtype.NORMAL),
                    CodecContext.DEFAULT);
            List<Object> refresh = new java.util.ArrayList<>();
            do {
                m = raw.read(CodecContext.DEFAULT);
                if (m instanceof RouteRefreshMessage rr) refresh.add(RouteRefreshSubtype.of(rr.subtype()));
                if (m instanceof UpdateMessage u) refresh.addAll(u.nlri().stream().map(Route::prefix).toList());
            } while (!(m instanceof RouteRefreshMessage rr && rr.subtype() == RouteRefreshSubtype.END.code()));
            assertThat(refresh).hasSize(4).startsWith(RouteRefreshSubtype.BEGINNING).endsWith(RouteRefreshSubtype.END);
        }
    }

    @Test
    void keepsAGracefullyRestartingPeersRoutesUntilItsEndOfRib() throws Exception {
        int port = freePort();
        try (RawPeer raw = new RawPeer(THEM, port); Setup s = speaker(port, new RouteTable())) {
            raw.accept();
            raw.handshake(peerOpen(120));
            raw.send(route("203.0.113.0/24"), CodecContext.DEFAULT);
            raw.send(route("203.0.113.128/25"), CodecContext.DEFAULT);
            waitFor(() -> s.speaker().received().get("s") == 2);
            raw.dropConnection();
            waitFor(() -> s.log().contains("\"event\":\"down\""));
            assertThat(s.speaker().received()).isEqualTo(Map.of("s", 2));

            raw.accept();
            raw.handshake(peerOpen(120));
            raw.send(route("203.0.113.0/24"), CodecContext.DEFAULT);
            raw.send(UpdateMessage.endOfRib(), CodecContext.DEFAULT);
            waitFor(() -> s.log().contains("stale-removed"));
            assertThat(s.speaker().received()).isEqualTo(Map.of("s", 1));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
