package org.peerage.bgp.speaker;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.peerage.bgp.mrt.MrtEncoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtWriter;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.RouteRefreshSubtype;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * A route speaker: one or many BGP sessions in one process, each announcing a table (packed into few UPDATEs,
 * sent as fast as the peer reads and no faster), then End-of-RIB; each keeping an Adj-RIB-In of what it receives.
 * Reports events as JSON lines. Used to load and to observe routers in tests and benchmarks.
 */
public final class Speaker implements AutoCloseable {

    /** One session: its config, connection options, routes to announce and next hops to put on them. */
    public record Spec(String name, PeerConfig config, SessionOptions options, RouteTable routes, byte[] nextHop4,
                       byte[] nextHop6) {
    }

    private final Transport transport;
    private final BgpListener listener;
    private final EventSink events;
    private final boolean exitAfterEor;
    private final List<Run> runs = new ArrayList<>();
    private final ExecutorService packer = Executors.newVirtualThreadPerTaskExecutor();
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger finishedRuns = new java.util.concurrent.atomic.AtomicInteger();

    /** Client-side completion: the current generation of targets (see {@link #expect}) and UPDATE timing. */
    private volatile Targets targets = new Targets(0, 0, "start");
    private final Object timing = new Object();
    private long markNanos = System.nanoTime();
    private long firstUpdateNanos;
    private long lastUpdateNanos;
    private long maxGapNanos;
    private long updatesSinceMark;

    private record Targets(int sessions, long routes, String label, java.util.concurrent.atomic.AtomicInteger reached) {
        Targets(int sessions, long routes, String label) {
            this(sessions, routes, label, new java.util.concurrent.atomic.AtomicInteger());
        }
    }

    public Speaker(Transport transport, BgpListener listener, List<Spec> specs, EventSink events,
                   boolean exitAfterEor) {
        this.transport = transport;
        this.listener = listener;
        this.events = events;
        this.exitAfterEor = exitAfterEor;
        for (Spec s : specs) {
            runs.add(new Run(s));
        }
    }

    /**
     * Before {@link #start}: every session keeps only which routes it holds, not their attributes, and ignores
     * routes whose AS_PATH holds its own AS (see {@link AdjRibIn#AdjRibIn(boolean, long)}).
     */
    public void countOnly() {
        for (Run r : runs) r.rib = new AdjRibIn(true, r.spec.config().localAs());
    }

    public void start() {
        for (Run r : runs) {
            if (listener != null) listener.register(r.session);
            r.session.start();
        }
    }

    /** Completes with the exit status: 0 once every session sent and received End-of-RIB, 1 on a failure. */
    public CompletableFuture<Integer> done() {
        return done;
    }

    /** Administrative shutdown of every session with an RFC 8203 message; waits for the NOTIFICATIONs to go out. */
    public void shutdown(String message) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Run r : runs) {
            stops.add(r.session.stop(message));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(10,
                java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /** Writes every session's Adj-RIB-In as one TABLE_DUMP_V2 RIB dump. */
    public void writeMrt(Path file, long timestamp) throws IOException {
        List<MrtEntry.Peer> peers = new ArrayList<>();
        Map<Prefix, List<MrtEntry.RibEntry>> plain = new TreeMap<>();
        Map<Prefix, List<MrtEntry.RibEntry>> withPathIds = new TreeMap<>();
        for (Run r : runs) {
            int index = peers.size();
            Negotiated n = r.lastNegotiated;
            peers.add(new MrtEntry.Peer(n == null ? 0 : n.peerId(), r.spec.options().remote().getAddress().getAddress(),
                    n == null ? r.spec.config().remoteAs() : n.peerAs()));
            Map<Route, List<PathAttribute>> rib = CompletableFuture.supplyAsync(() -> Map.copyOf(r.rib.routes()),
                    r.session.loop()).join();
            for (var e : rib.entrySet()) {
                Route route = e.getKey();
                var entry = MrtEntry.RibEntry.of(index, timestamp, route.hasPathId() ? route.pathId() : -1,
                        e.getValue());
                (route.hasPathId() ? withPathIds : plain).computeIfAbsent(route.prefix(), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        try (OutputStream out = Files.newOutputStream(file); MrtWriter w = new MrtWriter(out)) {
            w.write(timestamp, new MrtEntry.PeerIndexTable(runs.isEmpty() ? 0 : runs.getFirst().spec.config()
                    .routerId(), "peerage-speaker", peers));
            long sequence = 0;
            for (var table : List.of(plain, withPathIds)) {
                boolean addPath = table == withPathIds;
                for (var e : table.entrySet()) {
                    AddressFamily family = e.getKey().isIpv6() ? AddressFamily.IPV6_UNICAST
                            : AddressFamily.IPV4_UNICAST;
                    w.write(timestamp, new MrtEntry.RibTable(MrtEncoder.ribSubtype(family, addPath), sequence++,
                            family, e.getKey(), addPath, e.getValue()));
                }
            }
        }
    }

    public List<PeerSession> sessions() {
        return runs.stream().map(r -> r.session).toList();
    }

    /** A snapshot of what one session (by spec name) has received, or an empty map for an unknown name. */
    public Map<Route, List<PathAttribute>> adjRibIn(String name) {
        for (Run r : runs) {
            if (r.spec.name().equals(name)) {
                return CompletableFuture.supplyAsync(() -> Map.copyOf(r.rib.routes()), r.session.loop()).join();
            }
        }
        return Map.of();
    }

    /**
     * Sets how many routes each session (by index) should hold, -1 for none, and restarts the UPDATE timing under
     * {@code label}. Each session emits "complete" when its Adj-RIB-In holds exactly its target; once every session
     * with a target does, "all-complete" reports the time, the UPDATEs received since this call and the longest gap
     * between two of them (any session). A session that falls away from its target afterwards is counted again.
     */
    public void expect(int[] perSession, String label) {
        int n = 0;
        long routes = 0;
        for (int t : perSession) {
            if (t >= 0) {
                n++;
                routes += t;
            }
        }
        synchronized (timing) {
            markNanos = System.nanoTime();
            firstUpdateNanos = 0;
            lastUpdateNanos = 0;
            maxGapNanos = 0;
            updatesSinceMark = 0;
        }
        Targets gen = new Targets(n, routes, label);
        targets = gen;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            int t = i < perSession.length ? perSession[i] : -1;
            r.session.execute(() -> r.setTarget(gen, t));
        }
    }

    /** Administrative stop (Cease) of the sessions with index in [from, to). */
    public void stopSessions(int from, int to, String message) {
        for (int i = from; i < Math.min(to, runs.size()); i++) runs.get(i).session.stop(message);
    }

    /** Starts the sessions with index in [from, to) again. */
    public void startSessions(int from, int to) {
        for (int i = from; i < Math.min(to, runs.size()); i++) runs.get(i).session.start();
    }

    /** One "counts" event: sessions, total routes held, the smallest and largest session, UPDATEs since the mark. */
    public void emitCounts() {
        Map<String, Integer> got = received();
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : got.values()) {
            total += c;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sessions", got.size());
        f.put("routes", total);
        f.put("min", got.isEmpty() ? 0 : min);
        f.put("max", max);
        f.put("target_routes", targets.routes());
        f.put("sessions_complete", targets.reached().get());
        synchronized (timing) {
            f.put("updates_since_mark", updatesSinceMark);
        }
        events.emit("counts", f);
    }

    private void updateReceived() {
        long now = System.nanoTime();
        synchronized (timing) {
            if (firstUpdateNanos == 0) firstUpdateNanos = now;
            else maxGapNanos = Math.max(maxGapNanos, now - lastUpdateNanos);
            lastUpdateNanos = now;
            updatesSinceMark++;
        }
    }

    private void allComplete(Targets gen) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("label", gen.label());
        f.put("sessions", gen.sessions());
        f.put("routes", gen.routes());
        synchronized (timing) {
            f.put("updates_since_mark", updatesSinceMark);
            f.put("first_update_after_mark_ms", firstUpdateNanos == 0 ? -1 : (firstUpdateNanos - markNanos) / 1_000_000);
            f.put("last_update_after_mark_ms", lastUpdateNanos == 0 ? -1 : (lastUpdateNanos - markNanos) / 1_000_000);
            f.put("max_gap_ms", maxGapNanos / 1_000_000.0);
            f.put("after_mark_ms", (System.nanoTime() - markNanos) / 1_000_000);
        }
        events.emit("all-complete", f);
    }

    /** Routes received so far by each session. */
    public Map<String, Integer> received() {
        // Asked of every session's event loop at once, then collected: one at a time, each ask waited for its loop's
        // next turn, and with a hundred sessions receiving flat out a count took tens of seconds.
        List<CompletableFuture<Integer>> sizes = new ArrayList<>(runs.size());
        for (Run r : runs) sizes.add(CompletableFuture.supplyAsync(r.rib::size, r.session.loop()));
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) m.put(runs.get(i).spec.name(), sizes.get(i).join());
        return m;
    }

    @Override
    public void close() {
        packer.shutdownNow();
        if (listener != null) {
            for (Run r : runs) listener.unregister(r.session);
        }
    }

    /** One session's progress; every field is touched only on the session's event loop. */
    private final class Run implements SessionListener {
        final Spec spec;
        final PeerSession session;
        AdjRibIn rib = new AdjRibIn();
        Negotiated lastNegotiated;
        Iterator<byte[]> pending;
        int updatesSent;
        boolean eorSent;
        Set<AddressFamily> eorAwaited = Set.of();
        boolean eorReceived;
        boolean finished;
        long generation;
        Targets targetGeneration;
        int target = -1;
        boolean reached;

        Run(Spec spec) {
            this.spec = spec;
            this.session = new PeerSession(transport, spec.config(), spec.options(), this, spec.name());
        }

        @Override
        public void up(PeerSession s, Negotiated n) {
            lastNegotiated = n;
            eorSent = false;
            eorReceived = false;
            eorAwaited = new HashSet<>(n.families());
            if (rib.staleCount() == 0) {
                rib.clear();
            }
            events.emit("established", Map.of("session", spec.name(), "peer_as", n.peerAs(),
                    "peer_id", InetText.formatIpv4(n.peerId()), "hold_time", n.holdTime(),
                    "four_octet_as", n.fourOctetAs(), "add_path_receive", n.addPathReceive().toString(),
                    "add_path_send", n.addPathSend().toString()));
            long gen = ++generation;
            // Packing a full table takes a while: off the event loop, then back to it to send.
            packer.execute(() -> {
                List<byte[]> updates = pack(n, null);
                session.execute(() -> {
                    if (gen == generation) {
                        pending = updates.iterator();
                        pump();
                    }
                });
            });
        }

        /** Encoded UPDATEs for every route, or for one family's (a route refresh request). */
        private List<byte[]> pack(Negotiated n, AddressFamily only) {
            CodecContext ctx = n.sendContext();
            List<byte[]> out = new ArrayList<>();
            for (var group : spec.routes().byAttributes().entrySet()) {
                List<PathAttribute> attrs = ExportPolicy.ebgp(group.getKey(), spec.config().localAs(),
                        n.fourOctetAs());
                List<Prefix> v4 = new ArrayList<>();
                List<Prefix> v6 = new ArrayList<>();
                for (Prefix p : group.getValue()) (p.isIpv6() ? v6 : v4).add(p);
                if (spec.nextHop4() != null && wanted(n, only, AddressFamily.IPV4_UNICAST)) {
                    out.addAll(UpdatePacker.pack(attrs, v4, spec.nextHop4(), ctx));
                }
                if (spec.nextHop6() != null && wanted(n, only, AddressFamily.IPV6_UNICAST)) {
                    out.addAll(UpdatePacker.pack(attrs, v6, spec.nextHop6(), ctx));
                }
            }
            return out;
        }

        private static boolean wanted(Negotiated n, AddressFamily only, AddressFamily f) {
            return n.families().contains(f) && (only == null || only.equals(f));
        }

        /**
         * A route refresh request (RFC 2918): the family's routes again, between BoRR and EoRR markers when
         * enhanced route refresh was negotiated (RFC 7313), which lets the peer drop what we no longer announce.
         */
        @Override
        public void refresh(PeerSession s, RouteRefreshMessage request) {
            Negotiated n = lastNegotiated;
            AddressFamily family = request.family();
            if (n == null || !n.families().contains(family)
                    || request.subtype() != RouteRefreshSubtype.NORMAL.code()) {
                return;
            }
            events.emit("refresh-requested", Map.of("session", spec.name(), "family", family.toString()));
            long gen = generation;
            packer.execute(() -> {
                List<byte[]> updates = pack(n, family);
                session.execute(() -> {
                    if (gen != generation) return;
                    CodecContext ctx = n.sendContext();
                    if (n.enhancedRouteRefresh()) {
                        session.sendEncoded(Unpooled.wrappedBuffer(BgpMessageCodec.encode(
                                RouteRefreshMessage.of(family, RouteRefreshSubtype.BEGINNING), ctx)));
                    }
                    for (byte[] u : updates) session.sendEncoded(Unpooled.wrappedBuffer(u));
                    if (n.enhancedRouteRefresh()) {
                        session.sendEncoded(Unpooled.wrappedBuffer(BgpMessageCodec.encode(
                                RouteRefreshMessage.of(family, RouteRefreshSubtype.END), ctx)));
                    }
                    session.flush();
                });
            });
        }

        /** Sends while the peer keeps up; resumed by {@link #writable}. */
        private void pump() {
            if (pending == null) {
                return;
            }
            while (pending.hasNext() && session.writable()) {
                session.sendEncoded(Unpooled.wrappedBuffer(pending.next()));
                updatesSent++;
            }
            if (!pending.hasNext() && !eorSent && lastNegotiated != null) {
                for (AddressFamily f : lastNegotiated.families()) {
                    session.sendEncoded(Unpooled.wrappedBuffer(BgpMessageCodec.encode(UpdateMessage.endOfRib(f),
                            lastNegotiated.sendContext())));
                }
                eorSent = true;
                pending = null;
                events.emit("eor-sent", Map.of("session", spec.name(), "routes", spec.routes().size(),
                        "updates", updatesSent));
                checkDone();
            }
            session.flush();
        }

        @Override
        public void writable(PeerSession s) {
            pump();
        }

        @Override
        public void update(PeerSession s, UpdateMessage u, boolean withdrawAll) {
            AddressFamily eor = u.endOfRibFamily();
            if (eor != null) {
                eorAwaited.remove(eor);
                if (eorAwaited.isEmpty() && !eorReceived) {
                    eorReceived = true;
                    int swept = rib.sweepStale();
                    if (swept > 0) {
                        events.emit("stale-removed", Map.of("session", spec.name(), "routes", swept));
                        checkTarget();
                    }
                    events.emit("eor-received", Map.of("session", spec.name(), "routes", rib.size()));
                    checkDone();
                }
                return;
            }
            rib.apply(u, withdrawAll);
            updateReceived();
            checkTarget();
        }

        @Override
        public void malformed(PeerSession s, Malformation m) {
            events.emit("malformed", Map.of("session", spec.name(), "action", m.action().name(),
                    "reason", m.reason()));
        }

        @Override
        public void down(PeerSession s, SessionAction.Down d) {
            generation++;
            pending = null;
            keepOrClear(d);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("session", spec.name());
            f.put("reason", d.reason());
            if (d.sent() != null) f.put("notification_sent", d.sent().describe());
            if (d.received() != null) f.put("notification_received", d.received().describe());
            f.put("routes_received", rib.size());
            events.emit("down", f);
            checkTarget();
            if (exitAfterEor && !(eorSent && eorReceived) && !d.reason().equals("administrative shutdown")) {
                done.complete(1);
            }
        }

        /**
         * Graceful restart, receiving-speaker side (RFC 4724 §4.2): when a peer that announced the capability drops
         * the session without a NOTIFICATION (or with one, if it set the N bit, RFC 8538) and did not shut it down
         * administratively, its routes stay, marked stale, for its restart time.
         */
        private void keepOrClear(SessionAction.Down d) {
            if (finished && exitAfterEor) {
                return; // the run is over: what was received is what --write-mrt must write
            }
            Negotiated n = d.negotiated();
            var gr = n == null ? null : n.peerGracefulRestart();
            boolean notified = d.received() != null || d.sent() != null;
            boolean graceful = gr != null && gr.restartTime() > 0 && (!notified || gr.notificationSupported())
                    && !d.reason().equals("administrative shutdown");
            if (!graceful) {
                rib.clear();
                return;
            }
            rib.markAllStale();
            long gen = generation;
            session.loop().schedule(() -> {
                if (gen == generation && session.state() != org.peerage.bgp.session.SessionState.ESTABLISHED) {
                    int swept = rib.sweepStale();
                    events.emit("stale-removed", Map.of("session", spec.name(), "routes", swept,
                            "reason", "restart time expired"));
                }
            }, gr.restartTime(), java.util.concurrent.TimeUnit.SECONDS);
        }

        void setTarget(Targets gen, int t) {
            targetGeneration = gen;
            target = t;
            reached = false;
            checkTarget();
        }

        /** Whether the Adj-RIB-In holds exactly the target now; counts the change (see {@link #expect}). */
        void checkTarget() {
            if (target < 0 || targetGeneration == null) {
                return;
            }
            boolean now = rib.size() == target;
            if (now && !reached) {
                reached = true;
                events.emit("complete", Map.of("session", spec.name(), "routes", target,
                        "label", targetGeneration.label()));
                if (targetGeneration.reached().incrementAndGet() == targetGeneration.sessions()
                        && targetGeneration == targets) {
                    allComplete(targetGeneration);
                }
            } else if (!now && reached) {
                reached = false;
                targetGeneration.reached().decrementAndGet();
            }
        }

        /** Counts this session once it has both sent and received End-of-RIB; the last one completes the run. */
        private void checkDone() {
            if (eorSent && eorReceived && !finished) {
                finished = true;
                if (finishedRuns.incrementAndGet() == runs.size() && exitAfterEor) {
                    done.complete(0);
                }
            }
        }
    }

    /** The addresses to use as next hops when none is given: the session's own local address. */
    public static byte[] localNextHop(InetAddress local, boolean ipv6) {
        if (local == null) return null;
        byte[] a = local.getAddress();
        return (a.length == 16) == ipv6 ? a : null;
    }
}
