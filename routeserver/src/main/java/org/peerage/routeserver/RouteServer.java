package org.peerage.routeserver;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.PeerSession;
import org.peerage.bgp.transport.SessionListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.AttributeTable;
import org.peerage.rib.Clients;
import org.peerage.rib.LocRib;
import org.peerage.rib.PathSelection;

/**
 * A transparent route server (RFC 7947): every client's routes go into one Loc-RIB; each client is sent, per
 * prefix, the best path from another AS (path hiding solved by choosing per receiver), with attributes unchanged.
 * The RIB has one thread of its own; sessions hand it their UPDATEs and it hands back encoded messages, encoding
 * each distinct (attributes, prefixes) batch once for all the receivers that get it.
 */
public final class RouteServer implements AutoCloseable {
    private final RouteServerConfig config;
    private final Transport transport;
    private final BgpListener listener;
    private final ExecutorService ribThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rib");
        t.setDaemon(true);
        return t;
    });
    private final AttributeTable attributes = new AttributeTable();
    private final Clients clients = new Clients();
    private final LocRib rib = new LocRib(attributes, clients);
    private final List<Client> byIndex = new ArrayList<>();
    private final Consumer<String> log;

    /** One session with one client address; its Adj-RIB-Out is what it was last sent, per prefix slot. */
    private final class Client implements SessionListener {
        final int index;
        final ClientConfig config;
        final PeerSession session;
        Negotiated negotiated;
        int[] sent = new int[0]; // attribute id + 1 last sent per slot, 0 = nothing

        Client(int index, ClientConfig config, PeerConfig peerConfig, SessionOptions options) {
            this.index = index;
            this.config = config;
            this.session = new PeerSession(transport, peerConfig, options, this, "AS" + config.asn() + "/"
                    + options.remote().getAddress().getHostAddress());
        }

        int sent(int slot) {
            return slot < sent.length ? sent[slot] : 0;
        }

        void setSent(int slot, int value) {
            if (slot >= sent.length) sent = Arrays.copyOf(sent, Math.max(slot + 1, sent.length * 2 + 16));
            sent[slot] = value;
        }

        @Override
        public void up(PeerSession s, Negotiated n) {
            log.accept(name() + " established (" + n.families() + ")");
            ribThread.execute(() -> {
                negotiated = n;
                clients.setRouterId(index, n.peerId());
                sendFullTable(this);
            });
        }

        @Override
        public void down(PeerSession s, SessionAction.Down d) {
            log.accept(name() + " down: " + d.reason());
            ribThread.execute(() -> {
                negotiated = null;
                sent = new int[0];
                List<Integer> changed = new ArrayList<>();
                rib.withdrawAll(index, changed::add);
                propagate(changed);
            });
        }

        @Override
        public void update(PeerSession s, UpdateMessage u, boolean withdrawAll) {
            ribThread.execute(() -> receive(this, u, withdrawAll));
        }

        @Override
        public void refresh(PeerSession s, RouteRefreshMessage request) {
            ribThread.execute(() -> {
                sent = new int[0];
                sendFullTable(this);
            });
        }

        String name() {
            return "AS" + config.asn() + " " + session.options().remote().getAddress().getHostAddress();
        }
    }

    public RouteServer(RouteServerConfig config, Transport transport, Consumer<String> log) {
        this.config = config;
        this.transport = transport;
        this.log = log;
        this.listener = BgpListener.bind(transport, config.listen());
        for (ClientConfig c : config.clients()) {
            for (var ip : c.ips()) {
                int index = clients.add(c.asn(), 0, ip.getAddress());
                PeerConfig pc = PeerConfig.of(config.asn(), config.routerId(), c.asn()).withPassive(c.passive())
                        .withHoldTime(c.holdTime()).withTimers(Duration.ofSeconds(5), Duration.ofSeconds(1),
                                Duration.ofSeconds(60), true);
                InetSocketAddress listen = config.listen().getFirst();
                SessionOptions options = SessionOptions.of(new InetSocketAddress(ip, 179), listen.getAddress())
                        .withMd5(c.password());
                Client client = new Client(index, c, pc, options);
                byIndex.add(client);
                listener.register(client.session);
            }
        }
    }

    public void start() {
        for (Client c : byIndex) c.session.start();
    }

    public List<InetSocketAddress> listening() {
        return listener.localAddresses();
    }

    /** Sessions by client address and state, for status output and tests. */
    public Map<String, SessionState> sessions() {
        Map<String, SessionState> m = new LinkedHashMap<>();
        for (Client c : byIndex) m.put(c.name(), c.session.state());
        return m;
    }

    /** Prefixes and paths in the Loc-RIB, and distinct attribute sets (read on the RIB thread). */
    public long[] counts() {
        return CompletableFuture.supplyAsync(() -> new long[] {rib.prefixes().size(), rib.pathCount(),
                attributes.size()}, ribThread).join();
    }

    // ---- RIB thread --------------------------------------------------------------------------------------------

    private void receive(Client from, UpdateMessage u, boolean withdrawAll) {
        if (from.negotiated == null) return;
        List<Integer> changed = new ArrayList<>();
        List<Route> withdrawn = new ArrayList<>(u.withdrawn());
        MpUnreachNlri unreach = u.mpUnreach();
        if (unreach != null && unreach.family().isIpPrefixFamily()) withdrawn.addAll(unreach.withdrawn());
        List<Route> announced = new ArrayList<>(u.nlri());
        MpReachNlri reach = u.mpReach();
        if (reach != null && reach.family().safi() == AddressFamily.SAFI_UNICAST) announced.addAll(reach.nlri());
        if (withdrawAll) {
            withdrawn.addAll(announced);
            announced.clear();
        }
        for (Route r : withdrawn) {
            int slot = rib.withdraw(from.index, r.prefix());
            if (slot >= 0) changed.add(slot);
        }
        if (!announced.isEmpty()) {
            List<PathAttribute> stored = new ArrayList<>(u.attributes().size());
            for (PathAttribute a : u.attributes()) {
                if (a instanceof MpUnreachNlri) continue;
                // IPv6 routes keep their next hop in an MP_REACH_NLRI without NLRI; export rebuilds the attribute.
                stored.add(a instanceof MpReachNlri m ? new MpReachNlri(m.flags(), m.family(), m.nextHop(), 0,
                        List.of(), null, false) : a);
            }
            int id = attributes.intern(stored);
            for (int i = 0; i < announced.size(); i++) {
                if (i > 0) attributes.retain(id);
                changed.add(rib.announce(from.index, announced.get(i).prefix(), id));
            }
        }
        propagate(changed);
    }

    /** For each receiver, the best path per changed prefix that it may have, compared with what it was sent. */
    private void propagate(List<Integer> changedSlots) {
        if (changedSlots.isEmpty()) return;
        Map<Object, List<byte[]>> encodedOnce = new HashMap<>();
        for (Client to : byIndex) {
            if (to.negotiated == null) continue;
            Map<Integer, List<Prefix>> announce = new LinkedHashMap<>();
            List<Prefix> withdraw = new ArrayList<>();
            for (int slot : changedSlots) {
                long best = bestFor(slot, to);
                int now = best < 0 ? 0 : PathSelection.attributeId(best) + 1;
                if (now == to.sent(slot)) continue;
                to.setSent(slot, now);
                Prefix p = rib.prefixes().prefix(slot);
                if (p == null || !to.negotiated.families().contains(family(p))) continue;
                if (now == 0) withdraw.add(p);
                else announce.computeIfAbsent(now - 1, k -> new ArrayList<>()).add(p);
            }
            send(to, announce, withdraw, encodedOnce);
        }
        for (int slot : changedSlots) rib.forgetIfEmpty(slot);
    }

    private long bestFor(int slot, Client to) {
        long receiverAs = to.config.asn();
        // Never back to the AS it came from: the client would drop it as a loop, and a path it can use is hidden.
        return rib.bestAllowed(slot, path -> clients.asn(PathSelection.client(path)) != receiverAs);
    }

    private void sendFullTable(Client to) {
        Map<Integer, List<Prefix>> announce = new LinkedHashMap<>();
        for (int slot = 0; slot < rib.prefixes().slotLimit(); slot++) {
            long best = bestFor(slot, to);
            if (best < 0) continue;
            Prefix p = rib.prefixes().prefix(slot);
            if (p == null || !to.negotiated.families().contains(family(p))) continue;
            to.setSent(slot, PathSelection.attributeId(best) + 1);
            announce.computeIfAbsent(PathSelection.attributeId(best), k -> new ArrayList<>()).add(p);
        }
        send(to, announce, List.of(), new HashMap<>());
        CodecContext ctx = to.negotiated.sendContext();
        for (AddressFamily f : to.negotiated.families()) {
            to.session.sendEncoded(Unpooled.wrappedBuffer(BgpMessageCodec.encode(UpdateMessage.endOfRib(f), ctx)));
        }
        to.session.flush();
    }

    /** Encodes (once per distinct batch and sending context) and queues a receiver's changes. */
    private void send(Client to, Map<Integer, List<Prefix>> announce, List<Prefix> withdraw,
                      Map<Object, List<byte[]>> encodedOnce) {
        CodecContext ctx = to.negotiated.sendContext();
        List<byte[]> messages = new ArrayList<>();
        for (boolean v6 : new boolean[] {false, true}) {
            List<Prefix> w = withdraw.stream().filter(p -> p.isIpv6() == v6).toList();
            if (!w.isEmpty()) {
                messages.addAll(encodedOnce.computeIfAbsent(List.of("withdraw", w, ctx),
                        k -> ExportBuilder.withdraw(w, ctx)));
            }
        }
        for (var e : announce.entrySet()) {
            for (boolean v6 : new boolean[] {false, true}) {
                List<Prefix> ps = e.getValue().stream().filter(p -> p.isIpv6() == v6).toList();
                if (ps.isEmpty()) continue;
                int id = e.getKey();
                messages.addAll(encodedOnce.computeIfAbsent(List.of(id, ps, ctx),
                        k -> ExportBuilder.announce(attributes.attributes(id), ps, ctx)));
            }
        }
        for (byte[] m : messages) to.session.sendEncoded(Unpooled.wrappedBuffer(m));
        if (!messages.isEmpty()) to.session.flush();
    }

    private static AddressFamily family(Prefix p) {
        return p.isIpv6() ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
    }

    /** Cease / Administrative Shutdown to every client, then stops. */
    public void shutdown(String message) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Client c : byIndex) stops.add(c.session.stop(message));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).orTimeout(10,
                java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    @Override
    public void close() {
        listener.close();
        ribThread.shutdownNow();
    }
}
