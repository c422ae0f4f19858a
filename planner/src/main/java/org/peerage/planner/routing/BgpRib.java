package org.peerage.planner.routing;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Routes from a live BGP session through the speaker: we announce nothing, wait until End-of-RIB went both ways,
 * take the session's Adj-RIB-In and close the session with a Cease.
 */
public final class BgpRib {
    /** How to reach the router. */
    public record Session(InetSocketAddress peer, long peerAs, long localAs, int routerId, InetAddress local,
                          boolean passive, int listenPort, String md5) {
    }

    private BgpRib() {
    }

    public static RoutingTable.Builder load(Session s, Duration timeout) throws TimeoutException, InterruptedException {
        PeerConfig config = PeerConfig.of(s.localAs(), s.routerId(), s.peerAs()).withPassive(s.passive())
                .withTimers(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(10), false);
        SessionOptions options = SessionOptions.of(s.peer(), s.local()).withMd5(s.md5());
        String name = "rib";
        try (Transport transport = Transport.create(1);
             BgpListener listener = s.passive() ? BgpListener.bind(transport,
                     List.of(new InetSocketAddress(s.local(), s.listenPort()))) : null;
             Speaker speaker = new Speaker(transport, listener, List.of(new Speaker.Spec(name, config, options,
                     new RouteTable(), Speaker.localNextHop(s.local(), false), Speaker.localNextHop(s.local(), true))),
                     new EventSink(OutputStream.nullOutputStream(), System.nanoTime()), true)) {
            speaker.start();
            int status;
            try {
                status = speaker.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("BGP session with " + s.peer() + " failed: " + e.getCause());
            } catch (TimeoutException e) {
                speaker.shutdown("peerage traffic: gave up waiting for End-of-RIB");
                throw new TimeoutException("no End-of-RIB from " + s.peer() + " within " + timeout.toSeconds()
                        + " s (received " + speaker.received().get(name) + " routes)");
            }
            if (status != 0) {
                throw new IllegalStateException("BGP session with " + s.peer() + " ended before End-of-RIB");
            }
            Map<Route, List<PathAttribute>> rib = speaker.adjRibIn(name);
            speaker.shutdown("peerage traffic: routing table loaded");
            RoutingTable.Builder routes = new RoutingTable.Builder();
            for (var e : rib.entrySet()) {
                routes.add(e.getKey().prefix(), Paths.intern(routes.asPaths(), e.getValue()));
            }
            return routes;
        }
    }
}
