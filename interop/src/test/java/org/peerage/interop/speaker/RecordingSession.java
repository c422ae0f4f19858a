package org.peerage.interop.speaker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;

/**
 * A bare {@link PeerSession} (the session layer without the speaker) that records everything it is told, in order:
 * ups, downs, UPDATEs and ROUTE-REFRESH messages. For tests that need to see individual messages: route refresh
 * markers, the exact Down action, UPDATEs the test sends itself.
 */
final class RecordingSession implements SessionListener, AutoCloseable {
    /** One thing the session reported. */
    sealed interface Event {
        record Up(Negotiated negotiated) implements Event {
        }

        record Down(SessionAction.Down down) implements Event {
        }

        record Update(UpdateMessage update) implements Event {
        }

        record Refresh(RouteRefreshMessage message) implements Event {
        }
    }

    private final Transport transport = Transport.create(1);
    private final BgpListener listener;
    private final PeerSession session;
    private final List<Event> events = new ArrayList<>();

    RecordingSession(Link link) {
        this(link, link.peerConfig(), link.options());
    }

    RecordingSession(Link link, PeerConfig config, SessionOptions options) {
        this.session = new PeerSession(transport, config, options, this, link.name());
        BgpListener l = null;
        if (config.passive()) {
            try {
                l = BgpListener.bind(transport, List.of(link.listenAddress()));
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
            l.register(session);
        }
        this.listener = l;
    }

    RecordingSession start() {
        session.start();
        return this;
    }

    PeerSession session() {
        return session;
    }

    @Override
    public synchronized void up(PeerSession s, Negotiated negotiated) {
        events.add(new Event.Up(negotiated));
        notifyAll();
    }

    @Override
    public synchronized void down(PeerSession s, SessionAction.Down down) {
        events.add(new Event.Down(down));
        notifyAll();
    }

    @Override
    public synchronized void update(PeerSession s, UpdateMessage update, boolean withdrawAll) {
        events.add(new Event.Update(update));
        notifyAll();
    }

    @Override
    public synchronized void refresh(PeerSession s, RouteRefreshMessage request) {
        events.add(new Event.Refresh(request));
        notifyAll();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Index of the next event to be recorded, to wait for what comes after it. */
    synchronized int mark() {
        return events.size();
    }

    /** Waits until the events recorded since {@code mark} satisfy {@code until}; returns them. */
    synchronized List<Event> await(int mark, Predicate<List<Event>> until, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Event> now = List.copyOf(events.subList(mark, events.size()));
            if (until.test(now)) {
                return now;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; recorded since mark:\n  " + String.join("\n  ", now.stream().map(Object::toString).toList()));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    Negotiated awaitUp(Duration timeout) {
        List<Event> e = await(0, l -> l.stream().anyMatch(x -> x instanceof Event.Up), timeout, "session up");
        return e.stream().filter(x -> x instanceof Event.Up).map(x -> ((Event.Up) x).negotiated()).findFirst()
                .orElseThrow();
    }

    SessionAction.Down awaitDown(int mark, Duration timeout) {
        List<Event> e = await(mark, l -> l.stream().anyMatch(x -> x instanceof Event.Down), timeout, "session down");
        return e.stream().filter(x -> x instanceof Event.Down).map(x -> ((Event.Down) x).down()).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() {
        try {
            session.stop("peerage interop test over").orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        } finally {
            if (listener != null) {
                listener.close();
            }
            transport.close();
        }
    }
}
