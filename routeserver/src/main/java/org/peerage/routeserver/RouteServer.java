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
import org.peerage.rib.AttributeTable;
import org.peerage.rib.Clients;
import org.peerage.rib.LocRib;
import org.peerage.rib.Paths;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.config.FilterSettings.MaxPrefixAction;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.export.Changes;
import org.peerage.routeserver.export.Encoder;
import org.peerage.routeserver.export.ExportForms;
import org.peerage.routeserver.export.Exporter;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.filter.ClientPolicy;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.filter.RouteFacts;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.PolicyData;

/**
 * The IXP route server (RFC 7947): every client's routes go through import policy into one RIB that keeps every
 * path, accepted or not; each client is sent, per prefix, the best accepted path it is allowed to have (path hiding
 * solved per receiver), transparently. The RIB has one thread of its own; sessions hand it their UPDATEs on their
 * network threads. Receivers that keep up are sent each change at once, encoded once for all who get the same
 * bytes; a receiver whose output queue is full is only marked with the prefixes it still needs and catches up, in
 * bounded chunks, when it drains — so a slow client never holds up the others and never grows an unbounded queue.
 */
public final class RouteServer implements AutoCloseable {
    /** Slots looked at, and routes put in messages, per catch-up chunk of one receiver. */
    private static final int CHUNK_SLOTS = 16_384;
    private static final int CHUNK_ROUTES = 4_096;

    private volatile RouteServerConfig config;
    private final Transport transport;
    private final BgpListener listener;
    private final ScheduledExecutorService ribThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rib");
        t.setDaemon(true);
        return t;
    });
    private final AttributeTable attributes = new AttributeTable();
    private final Clients clients = new Clients();
    private final LocRib rib = new LocRib(attributes, clients);
    // Replaced by a reload; the RIB thread's.
    private Exporter exporter;
    private ImportPolicy importPolicy;
    private RibIngest ingest;
    /** Every session ever configured, by client index; a removed one stays (marked) so indices stay valid. */
    private final List<ClientSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Consumer<String> log;
    private final long started = System.currentTimeMillis();
    private volatile java.time.Instant lastReconfigured = java.time.Instant.now();
    private volatile long reloads;
    private volatile double lastReloadSeconds;

    public RouteServer(RouteServerConfig config, PolicyData data, Transport transport, Consumer<String> log) {
        this.config = config;
        this.transport = transport;
        this.log = log;
        this.importPolicy = new ImportPolicy(data, config.blackholing());
        this.exporter = exporter(config);
        this.ingest = new RibIngest(rib, attributes, importPolicy);
        this.listener = BgpListener.bind(transport, config.listen());
        for (ClientConfig c : config.clients()) {
            ClientPolicy policy = ClientPolicy.compile(c, sameAsAddresses(config, c.asn()), data);
            for (InetAddress ip : c.ips()) addSession(c, ip, policy);
        }
        ribThread.scheduleWithFixedDelay(guarded(this::sweep), 30, 30, TimeUnit.SECONDS);
        if (config.mrtDumps() != null) {
            long every = config.mrtDumps().interval().toMillis();
            dumpThread.scheduleAtFixedRate(() -> periodicDump(config.mrtDumps().directory()), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Periodic dumps run here: a dump waits for the RIB thread chunk by chunk, so it must not run on it. */
    private final ScheduledExecutorService dumpThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mrt-dump");
        t.setDaemon(true);
        return t;
    });

    /** Writes rib.YYYYMMDD.HHMM.gz into {@code dir} (through a temporary file, so readers never see half a dump). */
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
        ExportForms forms = new ExportForms(attributes, c.asn(), c.blackholing(), c.informationalCommunities());
        return new Exporter(rib, attributes, clients, forms, c.asn(), c.wellKnownCommunities());
    }

    private static List<InetAddress> sameAsAddresses(RouteServerConfig config, long asn) {
        return config.clients().stream().filter(o -> o.asn() == asn).flatMap(o -> o.ips().stream()).toList();
    }

    private ClientSession addSession(ClientConfig c, InetAddress ip, ClientPolicy policy) {
        int index = clients.add(c.asn(), 0, ip.getAddress());
        ClientSession s = new ClientSession(index, c, ip.getHostAddress());
        s.policy = policy;
        s.session = peerSession(s, c, ip);
        sessions.add(s);
        listener.register(s.session);
        return s;
    }

    private PeerSession peerSession(ClientSession s, ClientConfig c, InetAddress ip) {
        PeerConfig pc = PeerConfig.of(config.asn(), config.routerId(), c.asn()).withPassive(c.passive())
                .withHoldTime(c.holdTime()).withExtendedNextHop(c.extendedNextHop())
                .withTimers(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), true);
        if (c.addPath()) {
            pc = pc.withAddPath(Map.of(AddressFamily.IPV4_UNICAST, AddPathMode.SEND,
                    AddressFamily.IPV6_UNICAST, AddPathMode.SEND));
        }
        InetAddress local = localFor(ip, config.listen().getFirst().getAddress());
        SessionOptions options = SessionOptions.of(new InetSocketAddress(ip, c.port()), local)
                .withMd5(c.password()).withGtsm(c.gtsm());
        return new PeerSession(transport, pc, options, new Events(s), s.name());
    }

    /** The local address for sessions to {@code peer}: the listening one if of the same family, else any. */
    private InetAddress localFor(InetAddress peer, InetAddress listen) {
        for (InetSocketAddress l : config.listen()) {
            if (l.getAddress().getAddress().length == peer.getAddress().length && !l.getAddress().isAnyLocalAddress()) {
                return l.getAddress();
            }
        }
        return listen.getAddress().length == peer.getAddress().length && !listen.isAnyLocalAddress() ? listen : null;
    }

    public void start() {
        for (ClientSession c : sessions) {
            if (!c.removed) c.session.start();
        }
    }

    public RouteServerConfig config() {
        return config;
    }

    public List<InetSocketAddress> listening() {
        return listener.localAddresses();
    }

    /** Sessions by name and state, for status output and tests. */
    public Map<String, SessionState> sessions() {
        Map<String, SessionState> m = new LinkedHashMap<>();
        for (ClientSession c : sessions) {
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
            PolicyData data = importPolicy.data();
            return new RouteServerStats(rib.prefixes().size(), rib.pathCount(), attributes.size(),
                    data.vrps().size(), data.aspas().size(), data.irr() == null ? 0 : data.irr().routeCount(), reloads,
                    lastReloadSeconds);
        });
    }

    /** Prefixes and paths held, and distinct attribute sets. */
    public long[] counts() {
        return onRibThread(() -> new long[] {rib.prefixes().size(), rib.pathCount(), attributes.size()});
    }

    /** What the route server holds for a prefix, path by path, and who each path is exported to. */
    public List<RouteView> routes(Prefix prefix) {
        return onRibThread(() -> {
            int slot = rib.prefixes().get(prefix);
            List<RouteView> out = new ArrayList<>();
            if (slot < 0) return out;
            long best = rib.best(slot);
            for (long path : rib.candidates(slot)) {
                out.add(RouteView.of(path, path == best, sessions.get(Paths.client(path)), attributes, slot,
                        sessions, exporter, prefix.isIpv6()));
            }
            return out;
        });
    }

    /**
     * For every path of a prefix: each import check's outcome with its evidence, and per receiving client whether
     * it was exported and why not (optionally only the paths from, and the receivers of, one client AS: 0 for all).
     */
    public List<Explanation> explain(Prefix prefix, long clientAs) {
        return onRibThread(() -> {
            int slot = rib.prefixes().get(prefix);
            List<Explanation> out = new ArrayList<>();
            if (slot < 0) return out;
            boolean ipv6 = prefix.isIpv6();
            long best = rib.best(slot);
            for (long path : rib.candidates(slot)) {
                ClientSession from = sessions.get(Paths.client(path));
                List<PathAttribute> attrs = attributes.attributes(Paths.attributeId(path));
                List<Explanation.Check> attributeChecks = new ArrayList<>();
                List<Explanation.Check> prefixChecks = new ArrayList<>();
                RouteFacts facts = RouteFacts.of(attrs);
                RejectReason attributeVerdict = importPolicy.attributeVerdict(from.policy, facts,
                        (check, outcome, detail) -> attributeChecks.add(new Explanation.Check(check, outcome, detail)));
                importPolicy.evaluate(from.policy, facts, attributeVerdict, prefix,
                        (check, outcome, detail) -> prefixChecks.add(new Explanation.Check(check, outcome, detail)));
                List<Explanation.Check> checks = inCheckOrder(prefixChecks, attributeChecks);
                if (Paths.verdict(path) == RejectReason.MAX_PREFIX.verdict()) {
                    long limit = ipv6 ? from.policy.maxPrefixIpv6() : from.policy.maxPrefixIpv4();
                    checks.add(new Explanation.Check("max-prefix", org.peerage.routeserver.filter.Evidence.Outcome
                            .FAILED, "it came after " + limit + " accepted " + (ipv6 ? "IPv6" : "IPv4") + " routes, the "
                            + "limit (" + from.policy.maxPrefixSource() + "), with action block"));
                }
                RouteView view = RouteView.of(path, path == best, from, attributes, slot, sessions, exporter, ipv6);
                Map<String, String> receivers = new LinkedHashMap<>();
                for (ClientSession to : sessions) {
                    if (to.removed) continue;
                    if (clientAs != 0 && from.config.asn() != clientAs && to.config.asn() != clientAs) continue;
                    if (to == from) continue;
                    receivers.put(to.name(), exportFate(path, view, to, slot, ipv6));
                }
                out.add(new Explanation(view, checks, receivers));
            }
            return out;
        });
    }

    /** The checks in the order they run: the prefix's own first, then the attribute set's, then the rest. */
    private static List<Explanation.Check> inCheckOrder(List<Explanation.Check> prefixChecks,
                                                        List<Explanation.Check> attributeChecks) {
        java.util.Set<String> first = java.util.Set.of("filters", "prefix length", "bogon prefix", "block list");
        List<Explanation.Check> out = new ArrayList<>();
        prefixChecks.stream().filter(c -> first.contains(c.name())).forEach(out::add);
        out.addAll(attributeChecks);
        prefixChecks.stream().filter(c -> !first.contains(c.name())).forEach(out::add);
        return out;
    }

    private String exportFate(long path, RouteView view, ClientSession to, int slot, boolean ipv6) {
        if (to.negotiated == null) return "session not established";
        if (!to.receives(ipv6)) return "the session does not carry " + (ipv6 ? "IPv6" : "IPv4");
        if (view.rejected() != null) return "not exported: refused by import policy (" + view.rejected().label()
                + ")";
        String refusal = exporter.refusal(path, to, ipv6);
        if (refusal != null) return "not exported: " + refusal;
        if (view.exportedTo().contains(to.name())) return "exported";
        long sent = rib.bestAllowed(slot, p -> exporter.allowed(p, to, ipv6));
        return sent < 0 ? "not exported yet (pending)" : "not exported: it gets the better path from "
                + sessions.get(Paths.client(sent)).name();
    }

    /** The paths a looking-glass query asks for, in prefix-slot order. */
    public List<RouteEntry> query(RouteQuery q) {
        return onRibThread(() -> {
            List<RouteEntry> out = new ArrayList<>();
            switch (q) {
                case RouteQuery.OfPrefix p -> {
                    int slot = rib.prefixes().get(p.prefix());
                    if (slot >= 0) for (long path : rib.candidates(slot)) out.add(entry(slot, path));
                }
                case RouteQuery.Table t -> {
                    for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
                        for (long path : rib.candidates(slot)) {
                            if (Paths.isAccepted(path) != t.filtered()) out.add(entry(slot, path));
                        }
                    }
                }
                case RouteQuery.Accepted a -> session(a.sessionId()).ifPresent(c -> rib.forEachPathOf(c.index,
                        (slot, path) -> {
                            if (Paths.isAccepted(path)) out.add(entry(slot, path));
                        }));
                case RouteQuery.Filtered f -> session(f.sessionId()).ifPresent(c -> rib.forEachPathOf(c.index,
                        (slot, path) -> {
                            if (!Paths.isAccepted(path)) out.add(entry(slot, path));
                        }));
                case RouteQuery.NotExported n -> session(n.sessionId()).ifPresent(to -> {
                    for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
                        Prefix p = rib.prefixes().prefix(slot);
                        if (p == null || !to.receives(p.isIpv6())) continue;
                        for (long path : rib.candidates(slot)) {
                            if (!Paths.isAccepted(path)) break;
                            if (Paths.client(path) != to.index && sessions.get(Paths.client(path)).asn() != to.asn()
                                    && !exporter.allowed(path, to, p.isIpv6())) {
                                out.add(entry(slot, path));
                            }
                        }
                    }
                });
            }
            return out;
        });
    }

    /** Whether a session of this id exists. */
    public boolean hasSession(String id) {
        return session(id).isPresent();
    }

    private java.util.Optional<ClientSession> session(String id) {
        return sessions.stream().filter(c -> !c.removed && c.id().equals(id)).findFirst();
    }

    private RouteEntry entry(int slot, long path) {
        ClientSession from = sessions.get(Paths.client(path));
        int tags = Paths.tags(path);
        int verdict = Paths.verdict(path);
        return new RouteEntry(rib.prefixes().prefix(slot), from.id(), from.asn(), from.address,
                attributes.attributes(Paths.attributeId(path)), verdict == 0 ? null : RejectReason.ofVerdict(verdict),
                RouteView.rpkiLabel(tags), (tags & ImportPolicy.BLACKHOLE_TAG) != 0, path == rib.best(slot),
                from.stateSinceMillis);
    }

    /** Per client session: counts of routes held, accepted and filtered by reason. */
    public List<ClientView> clients() {
        return onRibThread(() -> {
            long[] preferred = new long[sessions.size()];
            for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
                long best = rib.best(slot);
                if (best >= 0) preferred[Paths.client(best)]++;
            }
            return sessions.stream().filter(c -> !c.removed).map(c -> ClientView.of(c, preferred[c.index])).toList();
        });
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
            onRib(() -> sessionUp(c, n));
        }

        @Override
        public void down(PeerSession s, SessionAction.Down d) {
            c.lastError = d.reason();
            log.accept(c.name() + " down: " + d.reason());
            onRib(() -> sessionDown(c));
        }

        @Override
        public void update(PeerSession s, UpdateMessage u, boolean withdrawAll) {
            onRib(() -> receive(c, u, withdrawAll));
        }

        @Override
        public void refresh(PeerSession s, RouteRefreshMessage request) {
            onRib(() -> {
                c.out.clear();
                c.dirty.addRange(rib.prefixes().slotLimit());
                drain(c);
            });
        }

        @Override
        public void writable(PeerSession s) {
            onRib(() -> drain(c));
        }
    }

    // ---- RIB thread --------------------------------------------------------------------------------------------

    /** Runs a task on the RIB thread. */
    private void onRib(Runnable task) {
        ribThread.execute(guarded(task));
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
        clients.setRouterId(c.index, n.peerId());
        c.out.clear();
        c.dirty.clear();
        c.dirty.addRange(rib.prefixes().slotLimit());
        c.eorPending = true;
        drain(c);
    }

    private void sessionDown(ClientSession c) {
        c.negotiated = null;
        c.out.clear();
        c.dirty.clear();
        c.eorPending = false;
        List<Integer> changed = new ArrayList<>();
        rib.removeAll(c.index, changed::add);
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

    private void receive(ClientSession c, UpdateMessage u, boolean withdrawAll) {
        if (c.negotiated == null || c.tearingDown) return;
        c.updatesReceived++;
        RibIngest.Result r = ingest.apply(c, u, withdrawAll, this::maxPrefixReached);
        propagate(r.changedSlots());
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
     * Sends the changes of some slots: at once to each receiver that keeps up (one encoding per distinct batch);
     * the others are marked and catch up when they drain.
     */
    private void propagate(int[] changed) {
        if (changed.length == 0) return;
        Encoder shared = new Encoder();
        for (ClientSession to : sessions) {
            if (to.negotiated == null) continue;
            if (!to.dirty.isEmpty() || to.eorPending || !to.session.writable()) {
                to.dirty.addAll(changed);
                scheduleDrain(to);
                continue;
            }
            Changes ch = new Changes();
            for (int slot : changed) {
                Prefix p = rib.prefixes().prefix(slot);
                if (p != null) exporter.diff(slot, p, to, ch);
            }
            send(to, ch, shared);
        }
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
        Changes ch = new Changes();
        int looked = 0;
        while (looked < CHUNK_SLOTS && ch.routeCount() < CHUNK_ROUTES) {
            int slot = c.dirty.poll();
            if (slot < 0) break;
            looked++;
            Prefix p = rib.prefixes().prefix(slot);
            if (p != null) exporter.diff(slot, p, c, ch);
        }
        send(c, ch, new Encoder());
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
     * Frees the slots of prefixes no client announces any more, once no receiver still has them pending or sent
     * (until then a slot keeps its prefix, so a late withdrawal can still name it).
     */
    private void sweep() {
        for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
            if (rib.candidates(slot).length != 0 || rib.prefixes().prefix(slot) == null) continue;
            boolean referenced = false;
            for (ClientSession c : sessions) {
                if (c.out.sent(slot) != 0 || c.out.paths(slot).length != 0 || c.dirty.contains(slot)) {
                    referenced = true;
                    break;
                }
            }
            if (!referenced) rib.forgetIfEmpty(slot);
        }
    }

    private static int[] toArray(List<Integer> slots) {
        int[] a = slots.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    // ---- MRT dumps ----------------------------------------------------------------------------------------------

    /**
     * Writes an MRT TABLE_DUMP_V2 dump of every accepted path (RFC 6396) to {@code out}, chunk by chunk; each chunk is
     * read on the RIB thread, the writing happens on the caller's.
     */
    public void dumpMrt(java.io.OutputStream out) throws java.io.IOException {
        long now = System.currentTimeMillis() / 1000;
        int[] peerIndex = new int[sessions.size()];
        MrtEntry.PeerIndexTable peers = onRibThread(() -> {
            List<MrtEntry.Peer> list = new ArrayList<>();
            for (ClientSession c : sessions) {
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
            return new MrtEntry.PeerIndexTable(config.routerId(), "peerage route server AS" + config.asn(), list);
        });
        RibDump.RibSnapshot view = new RibDump.RibSnapshot() {
            public Prefix prefix(int slot) {
                return rib.prefixes().prefix(slot);
            }

            public long[] candidates(int slot) {
                return rib.candidates(slot);
            }

            public List<PathAttribute> attributes(long path) {
                return attributes.attributes(Paths.attributeId(path));
            }

            public long since(int client) {
                return sessions.get(client).stateSinceMillis / 1000;
            }
        };
        long[] sequence = {0};
        try (org.peerage.bgp.mrt.MrtWriter w = new org.peerage.bgp.mrt.MrtWriter(out)) {
            w.write(now, peers);
            int limit = onRibThread(() -> rib.prefixes().slotLimit());
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
     * session whose making did not change: removed clients are closed (Cease / Peer De-configured), new ones start,
     * clients whose session parameters changed are restarted (Cease / Other Configuration Change); the paths of
     * clients whose policy or data changed are checked again (RPKI only where VRPs changed), and only the prefixes
     * whose outcome changed are exported again. A file with errors is refused and the running configuration kept.
     */
    public ReloadResult reload() {
        long t0 = System.nanoTime();
        RouteServerConfig current = config;
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

    private ReloadResult applyReload(RouteServerConfig next, PolicyData data, long t0) {
        RouteServerConfig current = config;
        PolicyData old = importPolicy.data();
        boolean exportChanged = !next.blackholing().equals(current.blackholing())
                || next.wellKnownCommunities() != current.wellKnownCommunities()
                || next.informationalCommunities() != current.informationalCommunities()
                || next.gracefulShutdown().enabled() != current.gracefulShutdown().enabled();
        java.util.Set<Prefix> vrpChanges = org.peerage.policy.rpki.VrpTable.changedCoverage(old.vrps(), data.vrps());
        boolean rpkiEverywhere = old.hasVrps() != data.hasVrps();
        org.peerage.policy.rpki.VrpTable changedCoverage = org.peerage.policy.rpki.VrpTable.of(vrpChanges.stream()
                .map(p -> new org.peerage.policy.rpki.Vrp(p, p.isIpv6() ? 128 : 32, 0, "", 0)).toList());
        // Whatever every client's checks read: blackholing, ASPA objects (in the VRP files), PeeringDB records.
        boolean sharedChanged = !next.blackholing().equals(current.blackholing())
                || !old.fingerprints().equals(data.fingerprints()) && (aspaInUse(next)
                || !java.util.Objects.equals(old.fingerprint(current.peeringDb()), data.fingerprint(next.peeringDb())));
        config = next;
        importPolicy = new ImportPolicy(data, next.blackholing());
        ingest = new RibIngest(rib, attributes, importPolicy);
        if (exportChanged) exporter = exporter(next);

        java.util.Map<String, ClientSession> byKey = new java.util.HashMap<>();
        for (ClientSession c : sessions) {
            if (!c.removed) byKey.put(c.config.asn() + "/" + c.address, c);
        }
        boolean[] reevaluate = new boolean[sessions.size() + next.clients().stream().mapToInt(c -> c.ips().size())
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
        long[] counts = reevaluate(reevaluate, vrpChanges.isEmpty() ? null : changedCoverage, rpkiEverywhere);
        int[] changed = java.util.Arrays.copyOf(changedSlots, changedSlotCount);
        changedSlotCount = 0;
        if (exportChanged) {
            for (ClientSession c : sessions) {
                if (c.negotiated != null) c.dirty.addRange(rib.prefixes().slotLimit());
            }
        }
        for (ClientSession c : fullyDirty) {
            if (c.negotiated != null) c.dirty.addRange(rib.prefixes().slotLimit());
        }
        propagate(changed);
        for (ClientSession c : sessions) {
            if (c.negotiated != null && !c.dirty.isEmpty()) scheduleDrain(c);
            checkLimitsAfterReload(c);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        reloads++;
        lastReloadSeconds = seconds;
        lastReconfigured = java.time.Instant.now();
        return new ReloadResult(List.of(), added, removed, reset, counts[0], counts[1],
                exportChanged ? rib.prefixes().size() : changed.length, exportChanged, seconds);
    }

    private int[] changedSlots = new int[64];
    private int changedSlotCount;

    /**
     * Checks again the paths of the clients marked in {@code clientsToCheck}, and the paths under changed VRPs of
     * every client. Returns {re-evaluated, changed}; the slots that changed are collected in changedSlots.
     */
    private long[] reevaluate(boolean[] clientsToCheck, org.peerage.policy.rpki.VrpTable changedVrps,
                              boolean rpkiEverywhere) {
        long evaluated = 0;
        long changed = 0;
        java.util.Map<Long, Integer> attributeVerdicts = new java.util.HashMap<>();
        java.util.Map<Integer, RouteFacts> facts = new java.util.HashMap<>();
        for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
            long[] candidates = rib.candidates(slot);
            if (candidates.length == 0) continue;
            Prefix p = null;
            boolean underChangedVrp = false;
            boolean slotChanged = false;
            for (long path : candidates.clone()) {
                int client = Paths.client(path);
                ClientSession c = sessions.get(client);
                if (c.removed) continue;
                boolean wholeClient = clientsToCheck[client] || rpkiEverywhere;
                if (p == null) {
                    p = rib.prefixes().prefix(slot);
                    underChangedVrp = changedVrps != null && !changedVrps.covering(p).isEmpty();
                }
                if (!wholeClient && !underChangedVrp) continue;
                evaluated++;
                int id = Paths.attributeId(path);
                RouteFacts f = facts.computeIfAbsent(id, k -> RouteFacts.of(attributes.attributes(k)));
                long key = (long) client << 32 | (id & 0xFFFF_FFFFL);
                int attributeVerdict = attributeVerdicts.computeIfAbsent(key, k -> {
                    RejectReason r = importPolicy.attributeVerdict(c.policy, f, null);
                    return r == null ? 0 : r.verdict();
                });
                int rpki = Paths.tags(path) & 3;
                int outcome = importPolicy.evaluate(c.policy, f, attributeVerdict == 0 ? null
                        : RejectReason.ofVerdict(attributeVerdict), p, underChangedVrp || rpkiEverywhere ? -1 : rpki,
                        null);
                boolean gshut = c.config.gracefulShutdown() && f.hasCommunity(
                        org.peerage.bgp.wire.attr.Communities.GRACEFUL_SHUTDOWN);
                int verdict = outcome & 0xFF;
                if (verdict == 0 && Paths.verdict(path) == RejectReason.MAX_PREFIX.verdict()) {
                    verdict = RejectReason.MAX_PREFIX.verdict(); // the limit still holds it back
                }
                long now = Paths.of(client, id, verdict, outcome >>> 8, gshut);
                if (now == path) continue;
                changed++;
                slotChanged = true;
                attributes.retain(id);
                c.count(-1, p.isIpv6(), Paths.verdict(path));
                rib.putInSlot(slot, now);
                c.count(1, p.isIpv6(), verdict);
            }
            if (slotChanged) {
                if (changedSlotCount == changedSlots.length) {
                    changedSlots = java.util.Arrays.copyOf(changedSlots, changedSlotCount * 2);
                }
                changedSlots[changedSlotCount++] = slot;
            }
        }
        return new long[] {evaluated, changed};
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
     * GRACEFUL_SHUTDOWN (RFC 8326) and the clients get that long to move traffic; then Cease / Administrative
     * Shutdown with {@code message} to every client.
     */
    public void shutdown(String message) {
        int drain = config.gracefulShutdown().drainSeconds();
        if (drain > 0) {
            log.accept("graceful shutdown: announcing every route with GRACEFUL_SHUTDOWN, stopping in " + drain
                    + " s");
            onRibThread(() -> {
                exporter.setDraining(true);
                for (ClientSession c : sessions) {
                    if (c.negotiated == null) continue;
                    c.dirty.addRange(rib.prefixes().slotLimit());
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
        for (ClientSession c : sessions) stops.add(c.session.stop(message));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    @Override
    public void close() {
        listener.close();
        dumpThread.shutdownNow();
        ribThread.shutdownNow();
    }

    long startedMillis() {
        return started;
    }
}
