package org.peerage.routeserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.RtrCacheStatus;
import org.peerage.rib.Paths;
import org.peerage.rib.SlotSet;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.config.FilterSettings.MaxPrefixAction;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.export.BatchEncoder;
import org.peerage.routeserver.export.Changes;
import org.peerage.routeserver.export.Encoder;
import org.peerage.routeserver.export.ExportForms;
import org.peerage.routeserver.export.ExportPlan;
import org.peerage.routeserver.export.ExportRound;
import org.peerage.routeserver.export.Exporter;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.filter.ClientPolicy;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.PolicyData;

/**
 * The IXP route server (RFC 7947): every client's routes go through import policy into one RIB that keeps every
 * path, accepted or not; each client is sent, per prefix, the best accepted path it is allowed to have (path hiding
 * solved per receiver), transparently. The RIB has one thread of its own; ctx.sessions hand it their UPDATEs on their
 * network threads. Receivers that keep up are sent each change at once, encoded once for all who get the same
 * bytes; a receiver whose output queue is full is only marked with the prefixes it still needs and catches up, in
 * bounded chunks, when it drains — so a slow client never holds up the others and never grows an unbounded queue.
 */
public final class RouteServer implements AutoCloseable {
    /** Slots looked at, and routes put in messages, per catch-up chunk of one receiver. */
    private static final int CHUNK_SLOTS = 16_384;
    private static final int CHUNK_ROUTES = 4_096;
    private static final int EXPORT_CHUNK = 1_024;
    /** UPDATEs of one session taken in per RIB task, so that one busy session does not hold up the others. */
    private static final int INBOX_RUN = 64;
    /** Slots per plan when many change at once (a reload): bounds the buffer one encoding takes. */
    private static final int PLAN_SLOTS = 16_384;

    private final RibContext ctx;
    private final LookingGlass lookingGlass;
    private final Transport transport;
    private final BgpListener listener;
    private final ScheduledExecutorService ribThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rib");
        t.setDaemon(true);
        return t;
    });
    private RibIngest ingest; // replaced by a reload; the RIB thread's
    private final SlotSet toExport = new SlotSet(); // RIB thread: slots received UPDATEs changed, not yet exported
    private boolean exportScheduled; // RIB thread: an exportReceived task is queued
    private final MemoryReturn memoryReturn = new MemoryReturn(this::exportIdle,
            () -> Thread.ofPlatform().daemon().name("memory-return").start(MemoryReturn::collectAndTrim));
    private final RtrFeed rtr;
    private VrpTable fileVrps; // the VRPs of the files, joined to the caches' in the import policy
    private final Consumer<String> log;
    private final long started = System.currentTimeMillis();
    private volatile java.time.Instant lastReconfigured = java.time.Instant.now();
    private volatile long reloads;
    private volatile double lastReloadSeconds;

    public RouteServer(RouteServerConfig config, PolicyData data, Transport transport, Consumer<String> log) {
        this.ctx = new RibContext(config);
        this.lookingGlass = new LookingGlass(ctx);
        this.transport = transport;
        this.log = log;
        ctx.importPolicy = new ImportPolicy(data, ctx.config.blackholing());
        this.fileVrps = data.vrps();
        this.rtr = new RtrFeed(this::onRib, this::rtrChanged, log);
        ctx.exporter = exporter(config);
        this.ingest = new RibIngest(ctx.rib, ctx.attributes, ctx.importPolicy);
        this.listener = BgpListener.bind(transport, ctx.config.listen());
        for (ClientConfig c : ctx.config.clients()) {
            ClientPolicy policy = ClientPolicy.compile(c, sameAsAddresses(config, c.asn()), data);
            for (InetAddress ip : c.ips()) addSession(c, ip, policy);
        }
        ribThread.scheduleWithFixedDelay(guarded(this::sweep), 30, 30, TimeUnit.SECONDS);
        ribThread.scheduleWithFixedDelay(guarded(memoryReturn::check), 1, 1, TimeUnit.SECONDS);
        if (ctx.config.mrtDumps() != null) {
            long every = ctx.config.mrtDumps().interval().toMillis();
            dumpThread.scheduleAtFixedRate(() -> periodicDump(ctx.config.mrtDumps().directory()), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Periodic dumps run here: a dump waits for the RIB thread chunk by chunk, so it must not run on it. */
    private final ScheduledExecutorService dumpThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mrt-dump");
        t.setDaemon(true);
        return t;
    });

    /** Writes ctx.rib.YYYYMMDD.HHMM.gz into {@code dir} (through a temporary file, so readers never see half a dump). */
    private void periodicDump(Path dir) {
        String name = "rib." + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd.HHmm")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()) + ".gz";
        Path tmp = dir.resolve("." + name + ".tmp");
        try {
            try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(
                    tmp), 1 << 16)) {
                dumpMrt(out);
            }
            java.nio.file.Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log.accept("MRT RIB dump written: " + dir.resolve(name));
        } catch (java.io.IOException | RuntimeException e) {
            log.accept("MRT RIB dump to " + dir + " failed: " + e.getMessage());
        }
    }

    private Exporter exporter(RouteServerConfig c) {
        ExportForms forms = new ExportForms(ctx.attributes, c.asn(), c.blackholing(), c.informationalCommunities());
        return new Exporter(ctx.rib, ctx.attributes, ctx.clients, forms, c.asn(), c.wellKnownCommunities(),
                ctx.commonSent);
    }

    private static List<InetAddress> sameAsAddresses(RouteServerConfig config, long asn) {
        return config.clients().stream().filter(o -> o.asn() == asn).flatMap(o -> o.ips().stream()).toList();
    }

    private ClientSession addSession(ClientConfig c, InetAddress ip, ClientPolicy policy) {
        int index = ctx.clients.add(c.asn(), 0, ip.getAddress());
        ClientSession s = new ClientSession(index, c, ip.getHostAddress(), ctx.commonSent);
        s.policy = policy;
        s.session = peerSession(s, c, ip);
        ctx.sessions.add(s);
        listener.register(s.session);
        return s;
    }

    private PeerSession peerSession(ClientSession s, ClientConfig c, InetAddress ip) {
        PeerConfig pc = PeerConfig.of(ctx.config.asn(), ctx.config.routerId(), c.asn()).withPassive(c.passive())
                .withHoldTime(c.holdTime()).withExtendedNextHop(c.extendedNextHop())
                .withTimers(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), true);
        if (c.addPath()) {
            pc = pc.withAddPath(Map.of(AddressFamily.IPV4_UNICAST, AddPathMode.SEND,
                    AddressFamily.IPV6_UNICAST, AddPathMode.SEND));
        }
        InetAddress local = localFor(ip, ctx.config.listen().getFirst().getAddress());
        SessionOptions options = SessionOptions.of(new InetSocketAddress(ip, c.port()), local)
                .withMd5(c.password()).withGtsm(c.gtsm());
        return new PeerSession(transport, pc, options, new Events(s), s.name());
    }

    /** The local address for ctx.sessions to {@code peer}: the listening one if of the same family, else any. */
    private InetAddress localFor(InetAddress peer, InetAddress listen) {
        for (InetSocketAddress l : ctx.config.listen()) {
            if (l.getAddress().getAddress().length == peer.getAddress().length && !l.getAddress().isAnyLocalAddress()) {
                return l.getAddress();
            }
        }
        return listen.getAddress().length == peer.getAddress().length && !listen.isAnyLocalAddress() ? listen : null;
    }

    /**
     * Starts every session, and returns once each accepts its client's connection: a connection that came before
     * would find the session Idle and be refused.
     */
    public void start() {
        onRib(() -> rtr.use(ctx.config.rtrCaches()));
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (ClientSession c : ctx.sessions) {
            if (!c.removed) started.add(c.session.start());
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
    }

    public RouteServerConfig config() {
        return ctx.config;
    }

    public List<InetSocketAddress> listening() {
        return listener.localAddresses();
    }

    /** Sessions by name and state, for status output and tests. */
    public Map<String, SessionState> sessions() {
        Map<String, SessionState> m = new LinkedHashMap<>();
        for (ClientSession c : ctx.sessions) {
            if (!c.removed) m.put(c.name(), c.session.state());
        }
        return m;
    }

    /** Runs {@code query} on the RIB thread and waits for its answer: a consistent view for status and tests. */
    public <T> T onRibThread(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, ribThread).join();
    }

    /** When the configuration in use was loaded. */
    public java.time.Instant lastReconfigured() {
        return lastReconfigured;
    }

    /** RIB size, policy data and reload counters. */
    public RouteServerStats stats() {
        return onRibThread(() -> {
            PolicyData data = ctx.importPolicy.data();
            return new RouteServerStats(ctx.rib.prefixes().size(), ctx.rib.pathCount(), ctx.attributes.size(),
                    data.vrps().size(), data.aspas().size(), data.irr() == null ? 0 : data.irr().routeCount(), reloads,
                    lastReloadSeconds);
        });
    }

    /** Prefixes and paths held, and distinct attribute sets. */
    public long[] counts() {
        return onRibThread(() -> new long[] {ctx.rib.prefixes().size(), ctx.rib.pathCount(), ctx.attributes.size()});
    }

    /** What the route server holds for a prefix, path by path, and who each path is exported to. */
    public List<RouteView> routes(Prefix prefix) {
        return onRibThread(() -> lookingGlass.routes(prefix));
    }

    /**
     * For every path of a prefix: each import check's outcome with its evidence, and per receiving client whether
     * it was exported and why not (optionally only the paths from, and the receivers of, one client AS: 0 for all).
     */
    public List<Explanation> explain(Prefix prefix, long clientAs) {
        return onRibThread(() -> lookingGlass.explain(prefix, clientAs));
    }

    /** The paths a looking-glass query asks for, in prefix-slot order. */
    public List<RouteEntry> query(RouteQuery q) {
        return onRibThread(() -> lookingGlass.query(q));
    }

    /** Whether a session of this id exists. */
    public boolean hasSession(String id) {
        return lookingGlass.hasSession(id);
    }

    /** Per client session: counts of routes held, accepted and filtered by reason. */
    public List<ClientView> clients() {
        return onRibThread(lookingGlass::clients);
    }

    // ---- session events, handed to the RIB thread -------------------------------------------------------------

    private final class Events implements SessionListener {
        private final ClientSession c;

        Events(ClientSession c) {
            this.c = c;
        }

        @Override
        public void stateChanged(PeerSession s, SessionState from, SessionState to) {
            c.stateSinceMillis = System.currentTimeMillis();
        }

        @Override
        public void up(PeerSession s, Negotiated n) {
            log.accept(c.name() + " established (" + n.families() + (n.addPathSend().isEmpty() ? "" : ", add-path")
                    + ")");
            inOrder((Runnable) () -> sessionUp(c, n));
        }

        @Override
        public void down(PeerSession s, SessionAction.Down d) {
            c.lastError = d.reason();
            log.accept(c.name() + " down: " + d.reason());
            inOrder((Runnable) () -> sessionDown(c));
        }

        @Override
        public void update(PeerSession s, UpdateMessage u, boolean withdrawAll) {
            inOrder(withdrawAll ? new Received(u, true) : u);
        }

        @Override
        public void refresh(PeerSession s, RouteRefreshMessage request) {
            inOrder((Runnable) () -> {
                c.out.clear();
                c.dirty.addRange(ctx.rib.prefixes().slotLimit());
                drain(c);
            });
        }

        @Override
        public void writable(PeerSession s) {
            onRib(() -> drain(c));
        }

        /**
         * Queues an UPDATE or an event (a Runnable) in the session's inbox; one RIB task takes in whatever the inbox
         * holds, so a burst costs a task per read rather than per message, and the session's events keep their order.
         */
        private void inOrder(Object m) {
            c.inbox.add(m);
            if (c.inboxScheduled.compareAndSet(false, true)) onRib(() -> takeIn(c));
        }
    }

    // ---- RIB thread --------------------------------------------------------------------------------------------

    /** Runs a task on the RIB thread. */
    private void onRib(Runnable task) {
        try {
            ribThread.execute(guarded(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the events of sessions still closing have nothing left to change.
            if (!ribThread.isShutdown()) throw e;
        }
    }

    /**
     * A task whose failure is reported: an executor would keep the exception in a future nobody reads, and a route
     * server that silently stops processing one client's updates is the worst kind of failure.
     */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                log.accept("internal error on the RIB thread: " + trace);
            }
        };
    }

    private void sessionUp(ClientSession c, Negotiated n) {
        c.negotiated = n;
        c.tearingDown = false;
        ctx.clients.setRouterId(c.index, n.peerId());
        c.out.clear();
        c.dirty.clear();
        c.dirty.addRange(ctx.rib.prefixes().slotLimit());
        c.eorPending = true;
        drain(c);
    }

    private void sessionDown(ClientSession c) {
        c.negotiated = null;
        c.out.clear();
        c.dirty.clear();
        c.eorPending = false;
        List<Integer> changed = new ArrayList<>();
        ctx.rib.removeAll(c.index, changed::add);
        c.resetCounts();
        propagate(toArray(changed));
        if (c.replacement != null) {
            replaceSession(c);
            return;
        }
        if (c.restartAfter != null) {
            Duration after = c.restartAfter;
            c.restartAfter = null;
            log.accept(c.name() + ": max-prefix restart in " + after.toSeconds() + " s");
            ribThread.schedule(guarded(() -> c.session.start()), after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** An UPDATE that comes with the instruction to withdraw all of the session's routes first. */
    private record Received(UpdateMessage update, boolean withdrawAll) {
    }

    /** Takes in what a session's inbox holds, up to {@link #INBOX_RUN} entries, then lets other work run. */
    private void takeIn(ClientSession c) {
        c.inboxScheduled.set(false); // before polling: an entry queued from now on schedules another run
        for (int i = 0; i < INBOX_RUN; i++) {
            Object m = c.inbox.poll();
            switch (m) {
                case null -> {
                    return;
                }
                case UpdateMessage u -> receive(c, u, false);
                case Received r -> receive(c, r.update(), r.withdrawAll());
                case Runnable event -> event.run();
                default -> throw new IllegalStateException("inbox entry " + m);
            }
        }
        if (!c.inbox.isEmpty() && c.inboxScheduled.compareAndSet(false, true)) onRib(() -> takeIn(c));
    }

    private void receive(ClientSession c, UpdateMessage u, boolean withdrawAll) {
        if (c.negotiated == null || c.tearingDown) return;
        c.updatesReceived++;
        RibIngest.Result r = ingest.apply(c, u, withdrawAll, this::maxPrefixReached);
        int[] changed = r.changedSlots();
        if (changed.length == 0) return;
        toExport.addAll(changed);
        if (!exportScheduled) {
            exportScheduled = true;
            onRib(this::exportReceived);
        }
    }

    /**
     * Exports what received UPDATEs changed. The task queues behind the UPDATEs already waiting for the RIB thread,
     * so under load one run covers many of them (each prefix diffed once per receiver however often it changed,
     * fuller UPDATEs out), and on a quiet server it runs at once. At most {@link #EXPORT_CHUNK} prefixes a run, so
     * that ingest goes on and a receiver's writability is looked at again between chunks (one that stops reading
     * goes over to pending prefixes before much is queued for it).
     */
    private void exportReceived() {
        int n = Math.min(toExport.size(), EXPORT_CHUNK);
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) slots[i] = toExport.poll();
        exportScheduled = !toExport.isEmpty();
        if (exportScheduled) onRib(this::exportReceived);
        propagate(slots);
    }

    /** Nothing waits to be exported: no received change, no receiver catching up. */
    private boolean exportIdle() {
        if (!toExport.isEmpty()) return false;
        for (ClientSession c : ctx.sessions) {
            if (!c.dirty.isEmpty()) return false;
        }
        return true;
    }

    /** The max-prefix limit was crossed by one more accepted route; true to refuse that route (action block). */
    private boolean maxPrefixReached(ClientSession c, boolean ipv6, long limit) {
        MaxPrefixAction action = c.policy.settings().maxPrefix().action();
        int f = ipv6 ? 1 : 0;
        String what = c.name() + ": max-prefix " + limit + " (" + (ipv6 ? "IPv6" : "IPv4") + ", "
                + c.policy.maxPrefixSource() + ") reached";
        switch (action) {
            case NONE -> {
                return false;
            }
            case WARNING -> {
                if (!c.maxPrefixWarned[f]) log.accept(what + ": warning only");
                c.maxPrefixWarned[f] = true;
                return false;
            }
            case BLOCK -> {
                if (!c.maxPrefixWarned[f]) log.accept(what + ": further routes refused");
                c.maxPrefixWarned[f] = true;
                return true;
            }
            case SHUTDOWN, RESTART -> {
                c.tearingDown = true;
                if (action == MaxPrefixAction.RESTART) c.restartAfter = c.policy.settings().maxPrefix().restartAfter();
                log.accept(what + ": session closed" + (action == MaxPrefixAction.RESTART ? ", restart after "
                        + c.restartAfter.toSeconds() + " s" : " until the configuration is reloaded"));
                c.session.stop(maxPrefixCease(ipv6, limit), "max-prefix " + limit + " reached");
                return true;
            }
        }
        return false;
    }

    /** Cease / Maximum Number of Prefixes Reached with AFI, SAFI and the limit (RFC 4486 §4). */
    private static NotificationMessage maxPrefixCease(boolean ipv6, long limit) {
        byte[] data = new WireWriter(7).u16(ipv6 ? AddressFamily.AFI_IPV6 : AddressFamily.AFI_IPV4)
                .u8(AddressFamily.SAFI_UNICAST).u32(limit).toByteArray();
        return NotificationMessage.of(NotificationCode.CEASE, CeaseSubcode.MAXIMUM_NUMBER_OF_PREFIXES_REACHED.code(),
                data);
    }

    /**
     * Sends the changes of some slots: at once to each receiver that keeps up (one encoding per distinct plan, one
     * buffer they all write); the others are marked and catch up when they drain.
     */
    private void propagate(int[] changed) {
        memoryReturn.changed(changed.length);
        if (changed.length <= PLAN_SLOTS) {
            propagateChunk(changed);
            return;
        }
        for (int from = 0; from < changed.length; from += PLAN_SLOTS) {
            propagateChunk(Arrays.copyOfRange(changed, from, Math.min(changed.length, from + PLAN_SLOTS)));
        }
    }

    private void propagateChunk(int[] changed) {
        if (changed.length == 0) return;
        Prefix[] prefixes = prefixes(changed);
        ExportRound round = ctx.exporter.round(changed, prefixes);
        BatchEncoder batch = null;
        Encoder addPaths = null;
        for (ClientSession to : ctx.sessions) {
            if (to.negotiated == null) {
                round.skip(to);
                continue;
            }
            if (!to.dirty.isEmpty() || to.eorPending || !to.session.writable()) {
                round.skip(to);
                to.dirty.addAll(changed);
                scheduleDrain(to);
                continue;
            }
            if (to.negotiated.addPathSend().isEmpty()) {
                if (batch == null) batch = new BatchEncoder(prefixes);
                send(to, round.plan(to), batch);
                continue;
            }
            Changes ch = new Changes();
            round.diff(to, ch);
            if (addPaths == null) addPaths = new Encoder();
            send(to, ch, addPaths);
        }
        round.commit();
        if (batch != null) batch.release();
    }

    /** The prefixes of the slots (null for a slot freed since). */
    private Prefix[] prefixes(int[] slots) {
        Prefix[] prefixes = new Prefix[slots.length];
        for (int i = 0; i < slots.length; i++) prefixes[i] = ctx.rib.prefixes().prefix(slots[i]);
        return prefixes;
    }

    private void send(ClientSession to, ExportPlan plan, BatchEncoder encoder) {
        if (plan.isEmpty()) return;
        to.routesSent += plan.routeCount();
        BatchEncoder.Encoded e = encoder.encode(plan, to.negotiated.sendContext());
        to.session.sendShared(e.buffer().retainedDuplicate(), e.messages());
    }

    private void send(ClientSession to, Changes ch, Encoder encoder) {
        if (ch.isEmpty()) return;
        to.routesSent += ch.routeCount();
        to.session.sendEncoded(encoder.encode(ch, to.negotiated.sendContext()));
    }

    /** One bounded chunk of a receiver's pending work, then another once its queue has room. */
    private void drain(ClientSession c) {
        c.drainScheduled = false;
        if (c.negotiated == null) return;
        if (c.negotiated.addPathSend().isEmpty()) {
            drainPlanned(c);
        } else {
            int[] slots = pollDirty(c, CHUNK_ROUTES);
            Changes ch = new Changes();
            ctx.exporter.catchUp(slots, prefixes(slots)).diff(c, ch);
            send(c, ch, new Encoder());
        }
        if (!c.dirty.isEmpty()) {
            scheduleDrain(c);
            return;
        }
        if (c.eorPending) {
            c.eorPending = false;
            List<byte[]> eor = new ArrayList<>();
            for (AddressFamily f : c.negotiated.families()) {
                eor.add(BgpMessageCodec.encode(UpdateMessage.endOfRib(f), c.negotiated.sendContext()));
            }
            c.session.sendEncoded(eor);
        }
    }

    /**
     * A chunk of a receiver's pending slots in plans of {@link #CHUNK_ROUTES} slots, until the chunk has that many
     * routes to send or {@link #CHUNK_SLOTS} slots were looked at.
     */
    private void drainPlanned(ClientSession c) {
        int looked = 0;
        int routes = 0;
        while (looked < CHUNK_SLOTS && routes < CHUNK_ROUTES) {
            int[] taken = pollDirty(c, Math.min(CHUNK_ROUTES, CHUNK_SLOTS - looked));
            if (taken.length == 0) break;
            looked += taken.length;
            BatchEncoder encoder = new BatchEncoder(prefixes(taken));
            ExportPlan plan = ctx.exporter.catchUp(taken, encoder.prefixes()).plan(c);
            send(c, plan, encoder);
            encoder.release();
            routes += plan.routeCount();
        }
    }

    /** Up to {@code max} of a receiver's pending slots, taken out of its pending set. */
    private static int[] pollDirty(ClientSession c, int max) {
        int[] slots = new int[Math.min(max, c.dirty.size())];
        for (int i = 0; i < slots.length; i++) slots[i] = c.dirty.poll();
        return slots;
    }

    /** Continues a receiver's catch-up after its event loop has written what is queued, if it then has room. */
    private void scheduleDrain(ClientSession c) {
        if (c.drainScheduled) return;
        c.drainScheduled = true;
        c.session.execute(() -> {
            if (c.session.writable()) {
                onRib(() -> drain(c));
            } else {
                // The writability event will call drain; until then nothing is scheduled.
                onRib(() -> c.drainScheduled = false);
            }
        });
    }

    /**
     * Frees the slots of prefixes no client announces any more, once no receiver still has them pending or sent and
     * no export of them is queued (until then a slot keeps its prefix, so a late withdrawal can still name it).
     */
    private void sweep() {
        for (int slot = 0; slot < ctx.rib.prefixes().slotLimit(); slot++) {
            if (ctx.rib.candidates(slot).length != 0 || ctx.rib.prefixes().prefix(slot) == null) continue;
            boolean referenced = toExport.contains(slot);
            for (ClientSession c : ctx.sessions) {
                if (c.out.sent(slot) != 0 || c.out.paths(slot).length != 0 || c.dirty.contains(slot)) {
                    referenced = true;
                    break;
                }
            }
            if (!referenced) ctx.rib.forgetIfEmpty(slot);
        }
    }

    private static int[] toArray(List<Integer> slots) {
        int[] a = slots.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    // ---- RPKI over RTR ------------------------------------------------------------------------------------------

    /** The caches' state, for status and metrics; empty without RTR. */
    public List<RtrCacheStatus> rtrStatus() {
        return rtr.status();
    }

    /**
     * The VRPs from RTR changed: only the paths under the changed coverage are validated again, and only the
     * prefixes whose outcome changed are exported again; no session is touched.
     */
    private void rtrChanged(VrpTable vrps, Set<Prefix> coverage) {
        long t0 = System.nanoTime();
        PolicyData data = ctx.importPolicy.data().withVrps(RtrFeed.joined(fileVrps, vrps));
        ctx.importPolicy = new ImportPolicy(data, ctx.config.blackholing());
        ingest = new RibIngest(ctx.rib, ctx.attributes, ctx.importPolicy);
        Reevaluation.Result r = Reevaluation.run(ctx, new boolean[0], coverageTable(coverage), false);
        propagate(r.changedSlots());
        log.accept(String.format("RPKI: %d VRPs from RTR (%d in use); %d paths validated again, %d changed, in %.3f s",
                vrps.size(), data.vrps().size(), r.evaluated(), r.changed(), (System.nanoTime() - t0) / 1e9));
    }

    /** Prefixes as a table whose covering() says whether a route lies under one of them. */
    private static VrpTable coverageTable(Set<Prefix> prefixes) {
        return VrpTable.of(prefixes.stream().map(p -> new Vrp(p, p.isIpv6() ? 128 : 32, 0, "", 0)).toList());
    }

    // ---- MRT dumps ----------------------------------------------------------------------------------------------

    /**
     * Writes an MRT TABLE_DUMP_V2 dump of every accepted path (RFC 6396) to {@code out}, chunk by chunk; each chunk is
     * read on the RIB thread, the writing happens on the caller's.
     */
    public void dumpMrt(java.io.OutputStream out) throws java.io.IOException {
        long now = System.currentTimeMillis() / 1000;
        int[] peerIndex = new int[ctx.sessions.size()];
        MrtEntry.PeerIndexTable peers = onRibThread(() -> {
            List<MrtEntry.Peer> list = new ArrayList<>();
            for (ClientSession c : ctx.sessions) {
                if (c.removed) {
                    peerIndex[c.index] = -1;
                    continue;
                }
                peerIndex[c.index] = list.size();
                byte[] address;
                try {
                    address = InetAddress.getByName(c.address).getAddress();
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
                list.add(new MrtEntry.Peer(c.negotiated == null ? 0 : c.negotiated.peerId(), address, c.asn(), true));
            }
            return new MrtEntry.PeerIndexTable(ctx.config.routerId(), "peerage route server AS" + ctx.config.asn(), list);
        });
        RibDump.RibSnapshot view = new RibDump.RibSnapshot() {
            public Prefix prefix(int slot) {
                return ctx.rib.prefixes().prefix(slot);
            }

            public long[] candidates(int slot) {
                return ctx.rib.candidates(slot);
            }

            /**
             * Sets decoded for the dump (the table keeps them encoded), by serial and id: an id freed and reused
             * between two chunks holds another set. Bounded; a dump's chunks share it.
             */
            private final Map<Long, List<PathAttribute>> decoded = new java.util.HashMap<>();

            public List<PathAttribute> attributes(long path) {
                int id = Paths.attributeId(path);
                if (decoded.size() > 65_536) decoded.clear();
                return decoded.computeIfAbsent((long) ctx.attributes.serial(id) << 32 | id,
                        k -> ctx.attributes.attributes(id));
            }

            public long since(int client) {
                return ctx.sessions.get(client).stateSinceMillis / 1000;
            }
        };
        long[] sequence = {0};
        try (org.peerage.bgp.mrt.MrtWriter w = new org.peerage.bgp.mrt.MrtWriter(out)) {
            w.write(now, peers);
            int limit = onRibThread(() -> ctx.rib.prefixes().slotLimit());
            for (int from = 0; from < limit; from += RibDump.CHUNK) {
                int start = from;
                for (MrtEntry e : onRibThread(() -> RibDump.records(view, start, Math.min(limit, start
                        + RibDump.CHUNK), peerIndex, sequence))) {
                    w.write(now, e);
                }
            }
        }
    }

    // ---- reload -------------------------------------------------------------------------------------------------

    /**
     * Reloads the configuration file and the data it names, and applies the differences without resetting any
     * session whose making did not change: removed ctx.clients are closed (Cease / Peer De-configured), new ones start,
     * ctx.clients whose session parameters changed are restarted (Cease / Other Configuration Change); the paths of
     * ctx.clients whose policy or data changed are checked again (RPKI only where VRPs changed), and only the prefixes
     * whose outcome changed are exported again. A file with errors is refused and the running configuration kept.
     */
    public ReloadResult reload() {
        long t0 = System.nanoTime();
        RouteServerConfig current = ctx.config;
        if (current.source() == null) return ReloadResult.refused(List.of("the configuration has no file to reload"));
        RouteServerConfig next;
        try {
            next = org.peerage.routeserver.config.ConfigLoader.load(current.source());
        } catch (org.peerage.routeserver.config.ConfigException e) {
            return logged(ReloadResult.refused(e.errors()));
        }
        List<String> restart = new ArrayList<>();
        if (next.asn() != current.asn()) restart.add("asn changed: restart the route server to apply it");
        if (next.routerId() != current.routerId()) restart.add("router_id changed: restart the route server");
        if (!next.listen().equals(current.listen())) restart.add("listen changed: restart the route server");
        if (!restart.isEmpty()) return logged(ReloadResult.refused(restart));
        PolicyData data;
        try {
            data = PolicyData.load(next, java.time.Instant.now());
        } catch (org.peerage.policy.PolicyDataException e) {
            return logged(ReloadResult.refused(List.of(e.getMessage())));
        }
        return logged(onRibThread(() -> applyReload(next, data, t0)));
    }

    private ReloadResult logged(ReloadResult r) {
        log.accept(r.summary());
        return r;
    }

    private ReloadResult applyReload(RouteServerConfig next, PolicyData loaded, long t0) {
        RouteServerConfig current = ctx.config;
        rtr.use(next.rtrCaches());
        fileVrps = loaded.vrps();
        PolicyData data = loaded.withVrps(RtrFeed.joined(fileVrps, rtr.vrps()));
        PolicyData old = ctx.importPolicy.data();
        boolean exportChanged = !next.blackholing().equals(current.blackholing())
                || next.wellKnownCommunities() != current.wellKnownCommunities()
                || next.informationalCommunities() != current.informationalCommunities()
                || next.gracefulShutdown().enabled() != current.gracefulShutdown().enabled();
        Set<Prefix> vrpChanges = VrpTable.changedCoverage(old.vrps(), data.vrps());
        boolean rpkiEverywhere = old.hasVrps() != data.hasVrps();
        VrpTable changedCoverage = coverageTable(vrpChanges);
        // Whatever every client's checks read: blackholing, ASPA objects (in the VRP files), PeeringDB records.
        boolean sharedChanged = !next.blackholing().equals(current.blackholing())
                || !old.fingerprints().equals(data.fingerprints()) && (aspaInUse(next)
                || !java.util.Objects.equals(old.fingerprint(current.peeringDb()), data.fingerprint(next.peeringDb())));
        ctx.config = next;
        ctx.importPolicy = new ImportPolicy(data, next.blackholing());
        ingest = new RibIngest(ctx.rib, ctx.attributes, ctx.importPolicy);
        if (exportChanged) ctx.exporter = exporter(next);

        java.util.Map<String, ClientSession> byKey = new java.util.HashMap<>();
        for (ClientSession c : ctx.sessions) {
            if (!c.removed) byKey.put(c.config.asn() + "/" + c.address, c);
        }
        boolean[] reevaluate = new boolean[ctx.sessions.size() + next.clients().stream().mapToInt(c -> c.ips().size())
                .sum()];
        int added = 0;
        int reset = 0;
        List<ClientSession> fullyDirty = new ArrayList<>();
        for (ClientConfig c : next.clients()) {
            ClientPolicy policy = ClientPolicy.compile(c, sameAsAddresses(next, c.asn()), data);
            for (InetAddress ip : c.ips()) {
                ClientSession s = byKey.remove(c.asn() + "/" + ip.getHostAddress());
                if (s == null) {
                    addSession(c, ip, policy).session.start();
                    added++;
                    continue;
                }
                boolean policyChanged = !s.policy.sameAs(policy)
                        || s.config.gracefulShutdown() != c.gracefulShutdown();
                reevaluate[s.index] = policyChanged || sharedChanged;
                if (s.config.announceBlackholes() != c.announceBlackholes()) fullyDirty.add(s);
                s.policy = policy;
                if (sessionParametersChanged(s.config, c)) {
                    s.replacement = c;
                    reset++;
                    s.session.stop(NotificationMessage.cease(CeaseSubcode.OTHER_CONFIGURATION_CHANGE),
                            "configuration changed").thenRun(() -> onRib(() -> {
                                if (s.replacement != null && s.negotiated == null) replaceSession(s);
                            }));
                } else {
                    s.config = c;
                }
            }
        }
        int removed = 0;
        for (ClientSession s : byKey.values()) {
            s.removed = true;
            removed++;
            listener.unregister(s.session);
            s.session.stop(NotificationMessage.cease(CeaseSubcode.PEER_DECONFIGURED), "client removed from the "
                    + "configuration");
        }
        Reevaluation.Result checked = Reevaluation.run(ctx, reevaluate, vrpChanges.isEmpty() ? null : changedCoverage,
                rpkiEverywhere);
        int[] changed = checked.changedSlots();
        if (exportChanged) {
            for (ClientSession c : ctx.sessions) {
                if (c.negotiated != null) c.dirty.addRange(ctx.rib.prefixes().slotLimit());
            }
        }
        for (ClientSession c : fullyDirty) {
            if (c.negotiated != null) c.dirty.addRange(ctx.rib.prefixes().slotLimit());
        }
        propagate(changed);
        for (ClientSession c : ctx.sessions) {
            if (c.negotiated != null && !c.dirty.isEmpty()) scheduleDrain(c);
            checkLimitsAfterReload(c);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        reloads++;
        lastReloadSeconds = seconds;
        lastReconfigured = java.time.Instant.now();
        return new ReloadResult(List.of(), added, removed, reset, checked.evaluated(), checked.changed(),
                exportChanged ? ctx.rib.prefixes().size() : changed.length, exportChanged, seconds);
    }

    private static boolean aspaInUse(RouteServerConfig c) {
        return c.clients().stream().anyMatch(x -> x.filters().enabled() && x.filters().aspa().enabled());
    }

    private static boolean sessionParametersChanged(ClientConfig a, ClientConfig b) {
        return a.passive() != b.passive() || a.port() != b.port() || a.holdTime() != b.holdTime()
                || !java.util.Objects.equals(a.password(), b.password()) || a.gtsm() != b.gtsm()
                || a.addPath() != b.addPath() || a.extendedNextHop() != b.extendedNextHop();
    }

    /** Once the old session is down: the client's new configuration, a new session, started. */
    private void replaceSession(ClientSession s) {
        ClientConfig c = s.replacement;
        s.replacement = null;
        listener.unregister(s.session);
        s.config = c;
        InetAddress ip;
        try {
            ip = InetAddress.getByName(s.address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // a literal address: cannot happen
        }
        s.session = peerSession(s, c, ip);
        listener.register(s.session);
        s.session.start();
    }

    /** A lowered max-prefix limit applies to routes already held: shutdown and restart close the session. */
    private void checkLimitsAfterReload(ClientSession c) {
        if (c.removed || c.negotiated == null || c.tearingDown) return;
        for (boolean ipv6 : new boolean[] {false, true}) {
            long limit = ipv6 ? c.policy.maxPrefixIpv6() : c.policy.maxPrefixIpv4();
            if (limit > 0 && c.accepted[ipv6 ? 1 : 0] > limit) {
                maxPrefixReached(c, ipv6, limit);
                return;
            }
        }
    }

    // ---- shutdown ----------------------------------------------------------------------------------------------

    /**
     * Stops the route server: with graceful_shutdown.drain_seconds, first every route is re-announced with
     * GRACEFUL_SHUTDOWN (RFC 8326) and the ctx.clients get that long to move traffic; then Cease / Administrative
     * Shutdown with {@code message} to every client.
     */
    public void shutdown(String message) {
        int drain = ctx.config.gracefulShutdown().drainSeconds();
        if (drain > 0) {
            log.accept("graceful shutdown: announcing every route with GRACEFUL_SHUTDOWN, stopping in " + drain
                    + " s");
            onRibThread(() -> {
                ctx.exporter.setDraining(true);
                for (ClientSession c : ctx.sessions) {
                    if (c.negotiated == null) continue;
                    c.dirty.addRange(ctx.rib.prefixes().slotLimit());
                    drain(c);
                }
                return null;
            });
            try {
                Thread.sleep(drain * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ClientSession c : ctx.sessions) stops.add(c.session.stop(message));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    @Override
    public void close() {
        rtr.close();
        listener.close();
        dumpThread.shutdownNow();
        ribThread.shutdownNow();
        try {
            // Gone when close returns: with it the RIB it holds (a warm-up's is garbage then).
            ribThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long startedMillis() {
        return started;
    }
}
