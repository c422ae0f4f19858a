package org.peerage.interop.speaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * peerage's {@link Speaker} run in the test JVM: one or more sessions (each a {@link Link} to a daemon), a listener
 * for the passive ones, events collected in an {@link EventLog}, and the Adj-RIB-In read back through the public
 * {@link Speaker#writeMrt} (a TABLE_DUMP_V2 file decoded with peerage's own MRT reader). Closing shuts every session
 * down with a Cease and stops the network threads.
 */
final class PeerageSpeaker implements AutoCloseable {
    /** Next hops the speaker puts on its routes: documentation addresses, since GoBGP and FRR refuse loopback ones. */
    static final String NEXT_HOP_V4 = StaticRoute.DEFAULT_NEXT_HOP_V4;
    static final String NEXT_HOP_V6 = StaticRoute.DEFAULT_NEXT_HOP_V6;

    private final Transport transport;
    private final BgpListener listener;
    private final Speaker speaker;
    private final EventLog events;
    private final List<String> names;
    private boolean closed;

    private PeerageSpeaker(List<Speaker.Spec> specs, List<InetSocketAddress> listenOn, int threads) {
        this.transport = Transport.create(threads);
        BgpListener l = null;
        try {
            l = listenOn.isEmpty() ? null : BgpListener.bind(transport, listenOn);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        this.listener = l;
        this.events = new EventLog();
        this.speaker = new Speaker(transport, listener, specs, new EventSink(events, System.nanoTime()), false);
        this.names = specs.stream().map(Speaker.Spec::name).toList();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final List<Speaker.Spec> specs = new ArrayList<>();
        private final List<InetSocketAddress> listenOn = new ArrayList<>();
        private int threads;

        /**
         * Network threads; by default as many as sessions, up to the cores, as {@code peerage speaker} does.
         * PassiveAcceptRaceTest asks for two with one session, to put the listener and the session on different
         * threads.
         */
        Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** A session over {@code link} announcing {@code routes} with the documentation next hops. */
        Builder session(Link link, List<StaticRoute> routes) {
            return session(link, link.peerConfig(), link.options(), Routes.table(routes));
        }

        Builder session(Link link, PeerConfig config, SessionOptions options, RouteTable routes) {
            return session(link, config, options, routes, NEXT_HOP_V4, NEXT_HOP_V6);
        }

        Builder session(Link link, PeerConfig config, SessionOptions options, RouteTable routes, String nextHop4,
                        String nextHop6) {
            specs.add(new Speaker.Spec(link.name(), config, options, routes, InetText.parseAddress(nextHop4),
                    InetText.parseAddress(nextHop6)));
            if (config.passive() && !listenOn.contains(link.listenAddress())) {
                listenOn.add(link.listenAddress());
            }
            return this;
        }

        /** Binds the listener (if any session is passive) and starts every session. */
        PeerageSpeaker start() {
            PeerageSpeaker s = new PeerageSpeaker(specs, listenOn, threads > 0 ? threads
                    : Math.min(specs.size(), Runtime.getRuntime().availableProcessors()));
            s.speaker.start();
            return s;
        }
    }

    Speaker speaker() {
        return speaker;
    }

    EventLog events() {
        return events;
    }

    PeerSession session(String name) {
        return speaker.sessions().get(index(name));
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no session " + name + " in " + names);
        }
        return i;
    }

    /** Waits for the session's "established" event (the n-th one, counting re-establishments). */
    void awaitEstablished(String name, int nth, Duration timeout) {
        events.await("established", name, nth, e -> true, timeout);
    }

    void awaitEstablished(String name, Duration timeout) {
        awaitEstablished(name, 1, timeout);
    }

    boolean established(String name) {
        return session(name).state() == SessionState.ESTABLISHED;
    }

    int received(String name) {
        return speaker.received().get(name);
    }

    /**
     * Polls the session's Adj-RIB-In (small tables: each poll dumps it) until {@code until} holds; returns it.
     */
    List<ReceivedRoute> awaitRib(String name, Predicate<List<ReceivedRoute>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedRoute> rib = List.of();
        while (System.nanoTime() < deadline) {
            rib = ribIn(name);
            if (until.test(rib)) {
                return rib;
            }
            sleep(50);
        }
        throw new AssertionError(name + "'s Adj-RIB-In did not reach the expected state within " + timeout
                + "; it holds:\n  " + String.join("\n  ", rib.stream().limit(20).map(Object::toString).toList())
                + "\nevents:\n" + events);
    }

    /** Waits until the session holds a route for each of {@code prefixes}; returns the whole Adj-RIB-In. */
    List<ReceivedRoute> awaitPrefixes(String name, Duration timeout, String... prefixes) {
        Set<String> wanted = Set.of(prefixes);
        return awaitRib(name, rib -> rib.stream().map(ReceivedRoute::prefixText).collect(Collectors.toSet())
                .containsAll(wanted), timeout);
    }

    /** Every session's Adj-RIB-In, by session name. */
    Map<String, List<ReceivedRoute>> ribIn() {
        Map<String, List<ReceivedRoute>> rib = new LinkedHashMap<>();
        names.forEach(n -> rib.put(n, new ArrayList<>()));
        ribIn(r -> rib.get(r.session()).add(r));
        return rib;
    }

    List<ReceivedRoute> ribIn(String name) {
        return ribIn().get(name);
    }

    /** One path of a session's Adj-RIB-In as stored: no conversion, for full tables. */
    interface RibEntryConsumer {
        void accept(String session, Prefix prefix, long pathId, List<PathAttribute> attributes);
    }

    /** Streams every session's Adj-RIB-In, dumped with {@link Speaker#writeMrt} and read back. */
    void ribIn(Consumer<ReceivedRoute> each) {
        ribEntries((session, prefix, pathId, attributes) -> each.accept(ReceivedRoute.of(session, prefix, pathId,
                attributes)));
    }

    /** Streams every session's Adj-RIB-In, dumped with {@link Speaker#writeMrt} and read back, as stored. */
    void ribEntries(RibEntryConsumer each) {
        Path file = null;
        try {
            file = Files.createTempFile("peerage-interop-rib-", ".mrt");
            speaker.writeMrt(file, System.currentTimeMillis() / 1000);
            try (MrtReader reader = MrtReader.open(file.toString())) {
                MrtRecord r;
                while ((r = reader.next()) != null) {
                    if (MrtDecoder.decode(r) instanceof MrtEntry.RibTable t) {
                        // Entries are passed on as decoded, malformations (say, an AS 0 the decoder flags) or not:
                        // what the session stored is what is being checked.
                        for (MrtEntry.RibEntry e : t.entries()) {
                            each.accept(names.get(e.peerIndex()), t.prefix(), e.pathId(), e.attributes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Shuts every session down (Cease / Administrative Shutdown), unbinds and stops the network threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            speaker.shutdown("peerage interop test over");
        } finally {
            speaker.close();
            if (listener != null) {
                listener.close();
            }
            transport.close();
        }
    }
}
