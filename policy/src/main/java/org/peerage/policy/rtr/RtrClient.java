package org.peerage.policy.rtr;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.VrpTable;

/**
 * An RPKI-to-Router client (RFC 8210, falling back to RFC 6810 per cache) for several caches with preferences
 * (RFC 8210 §10): the data in use is that of the most preferred cache that is synced; when it fails the next synced
 * one takes over, and when it is synced again it is used again. With none synced, the most preferred cache still
 * holding data is used until that data expires; then no VRPs are in use, and every route is NotFound.
 *
 * <p>One thread runs every connection and timer; {@link RtrListener#changed} is called on it whenever the data in
 * use changes. {@link #vrps} and {@link #status} may be called from any thread. Each cache's data is built from
 * complete answers only (an End of Data makes it current); BGPsec router keys are read past.
 */
public final class RtrClient implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    private static final int READ_BUFFER = 64 * 1024;

    private final List<CacheSession> given;
    private final List<CacheSession> byPreference;
    private final RtrListener listener;
    private final Consumer<String> log;
    private final RtrClock clock;
    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<SocketChannel> opening = ConcurrentHashMap.newKeySet();
    private final List<Connection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final Thread thread;
    private volatile boolean closed;
    private volatile VrpTable vrps = VrpTable.empty();
    private volatile List<RtrCacheStatus> status;
    private CacheSession inUse;

    private RtrClient(List<RtrCache> caches, RtrListener listener, Consumer<String> log, RtrClock clock)
            throws IOException {
        if (caches.isEmpty()) {
            throw new IllegalArgumentException("no RTR cache given");
        }
        Set<String> seen = new HashSet<>();
        for (RtrCache c : caches) {
            if (!seen.add(c.address())) {
                throw new IllegalArgumentException("RTR cache " + c.address() + " is given twice");
            }
        }
        this.listener = listener;
        this.log = log;
        this.clock = clock;
        long now = clock.nanoTime();
        this.given = caches.stream().map(c -> new CacheSession(c, clock, log, now)).toList();
        // A stable sort: equal preferences keep the order given.
        this.byPreference = given.stream().sorted(Comparator.comparingInt(s -> s.cache().preference())).toList();
        this.status = given.stream().map(s -> s.status(false)).toList();
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().daemon().name("rtr-client").unstarted(this::run);
    }

    /** Starts the client, logging to standard error. */
    public static RtrClient start(List<RtrCache> caches, RtrListener listener) {
        return start(caches, listener, System.err::println);
    }

    /**
     * Starts the client on its own thread and returns at once; until the first End of Data, {@link #vrps} is empty.
     *
     * @param log receives a line per event worth an operator's attention, each naming the cache
     * @throws IllegalArgumentException for no caches or one given twice
     */
    public static RtrClient start(List<RtrCache> caches, RtrListener listener, Consumer<String> log) {
        return start(caches, listener, log, RtrClock.SYSTEM);
    }

    static RtrClient start(List<RtrCache> caches, RtrListener listener, Consumer<String> log, RtrClock clock) {
        RtrClient client;
        try {
            client = new RtrClient(List.copyOf(caches), listener, log, clock);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open a selector", e);
        }
        client.thread.start();
        return client;
    }

    /** The VRPs in use: empty until a cache has sent its End of Data, and again when all data has expired. */
    public VrpTable vrps() {
        return vrps;
    }

    /** Every cache, in the order given. */
    public List<RtrCacheStatus> status() {
        return status;
    }

    /** Has the client look at its clock now: for a test clock that was moved on. */
    void clockChanged() {
        selector.wakeup();
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- the loop (the client's thread) -------------------------------------------------------------------------

    private void run() {
        try {
            while (!closed) {
                try {
                    step();
                } catch (RuntimeException e) {
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    log.accept("RTR client: internal error: " + trace);
                }
            }
        } finally {
            for (Connection c : List.copyOf(connections)) {
                c.close();
            }
            for (SocketChannel ch : opening) {
                closeQuietly(ch);
            }
            try {
                selector.close();
            } catch (IOException e) {
                log.accept("RTR client: closing: " + e.getMessage());
            }
        }
    }

    private void step() {
        long now = clock.nanoTime();
        long wait = Long.MAX_VALUE;
        for (CacheSession s : given) {
            s.tick(now);
            if (s.connectDue(now)) {
                connect(s);
            }
            wait = Math.min(wait, s.nanosUntilNext(now));
        }
        publish();
        try {
            if (wait == 0) {
                selector.selectNow();
            } else {
                selector.select(wait == Long.MAX_VALUE ? 0 : Math.max(1, Math.ceilDiv(wait, 1_000_000)));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        now = clock.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
            Connection c = (Connection) key.attachment();
            if (key.isValid() && key.isWritable()) {
                c.flush();
            }
            if (key.isValid() && key.isReadable()) {
                c.read(now);
            }
        }
        selector.selectedKeys().clear();
        for (Runnable t; (t = tasks.poll()) != null; ) {
            t.run();
        }
        publish();
    }

    /** Chooses the data in use, tells the listener if it changed, and updates what other threads read. */
    private void publish() {
        CacheSession chosen = choose();
        if (chosen != inUse) {
            log.accept(chosen == null ? "RTR: no cache has data: no VRPs in use (every route is NotFound)"
                    : "RTR: using the VRPs of " + chosen.cache().address() + " (preference "
                            + chosen.cache().preference() + (chosen.synced() ? "" : ", not synced") + ")");
            inUse = chosen;
        }
        VrpTable next = chosen == null ? VrpTable.empty() : chosen.data();
        VrpTable current = vrps;
        if (next != current) {
            Set<Prefix> changed = VrpTable.changedCoverage(current, next);
            vrps = next;
            if (!changed.isEmpty()) {
                try {
                    listener.changed(next, changed);
                } catch (RuntimeException e) {
                    log.accept("RTR: the listener failed: " + e);
                }
            }
        }
        status = given.stream().map(s -> s.status(s == chosen)).toList();
    }

    /** The most preferred synced cache; failing that, the most preferred one still holding data. */
    private CacheSession choose() {
        CacheSession holding = null;
        for (CacheSession s : byPreference) {
            if (s.synced()) {
                return s;
            }
            if (holding == null && s.data() != null) {
                holding = s;
            }
        }
        return holding;
    }

    /** Connects on a virtual thread (name resolution and connect block); the result comes back as a task. */
    private void connect(CacheSession s) {
        s.connecting();
        RtrCache cache = s.cache();
        Thread.ofVirtual().name("rtr-connect " + cache.address()).start(() -> {
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open();
                opening.add(ch);
                InetSocketAddress address = new InetSocketAddress(cache.host(), cache.port());
                if (address.isUnresolved()) {
                    throw new UnresolvedAddressException();
                }
                ch.socket().connect(address, CONNECT_TIMEOUT_MILLIS);
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SocketChannel connected = ch;
                post(() -> attach(s, connected));
            } catch (IOException | UnresolvedAddressException e) {
                closeQuietly(ch);
                opening.remove(ch);
                String reason = e instanceof UnresolvedAddressException ? "cannot resolve " + cache.host()
                        : e instanceof SocketTimeoutException ? "no answer within " + CONNECT_TIMEOUT_MILLIS / 1000
                                + " s"
                        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                post(() -> s.connectFailed(reason, clock.nanoTime()));
            }
        });
    }

    private void attach(CacheSession s, SocketChannel ch) {
        opening.remove(ch);
        if (closed) {
            closeQuietly(ch);
            return;
        }
        SelectionKey key;
        try {
            key = ch.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            closeQuietly(ch);
            s.connectFailed(e.getMessage(), clock.nanoTime());
            return;
        }
        Connection c = new Connection(s, ch, key);
        key.attach(c);
        connections.add(c);
        s.connected(c, clock.nanoTime());
    }

    private void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Closing is all that was wanted.
            }
        }
    }

    /** One TCP connection to a cache. */
    private final class Connection implements CacheSession.Link {
        private final CacheSession session;
        private final SocketChannel channel;
        private final SelectionKey key;
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private boolean open = true;

        Connection(CacheSession session, SocketChannel channel, SelectionKey key) {
            this.session = session;
            this.channel = channel;
            this.key = key;
        }

        @Override
        public void send(byte[] pdu) {
            if (open) {
                out.add(ByteBuffer.wrap(pdu));
                flush();
            }
        }

        void flush() {
            try {
                while (!out.isEmpty()) {
                    ByteBuffer b = out.peek();
                    channel.write(b);
                    if (b.hasRemaining()) {
                        break;
                    }
                    out.poll();
                }
                key.interestOps(out.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            } catch (IOException e) {
                // The session may be in the middle of handling a PDU: tell it once that is done.
                String reason = "cannot send: " + e.getMessage();
                post(() -> broken(reason));
            }
        }

        void read(long now) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                broken("connection lost: " + e.getMessage());
                return;
            }
            if (n < 0) {
                broken("the cache closed the connection");
            } else if (n > 0) {
                session.received(readBuffer.array(), 0, n, now);
            }
        }

        private void broken(String reason) {
            if (open) {
                close();
                session.disconnected(this, reason, clock.nanoTime());
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                key.cancel();
                closeQuietly(channel);
                connections.remove(this);
            }
        }
    }
}
