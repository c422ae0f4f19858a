package org.peerage.bgp.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.peerage.bgp.session.Fsm;
import org.peerage.bgp.session.FsmState;
import org.peerage.bgp.session.Negotiated;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionEvent;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.session.SessionTimer;
import org.peerage.bgp.session.Transition;
import org.peerage.bgp.wire.BgpMessage;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.FrameResult;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.NotificationMessage;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.RouteRefreshMessage;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Drives one peer's {@link Fsm} over Netty. Everything about the peer — FSM, timers, its connections — runs on one
 * event loop, so there are no locks; other threads hand work over with {@link #execute}. A connection that arrives
 * while another is opening is held as pending until its OPEN names the peer's BGP identifier, then one of the two is
 * closed as RFC 4271 §6.8 says.
 */
public final class PeerSession {
    private static final CodecContext BEFORE_OPEN = CodecContext.DEFAULT;
    private static final int LOW_WATER = 256 << 10;
    private static final int HIGH_WATER = 1 << 20;

    private final Transport transport;
    private final EventLoop loop;
    private final Fsm fsm;
    private final SessionOptions options;
    private final SessionListener listener;
    private final String name;
    private final Map<SessionTimer, ScheduledFuture<?>> timers = new EnumMap<>(SessionTimer.class);
    private final Map<SessionTimer, Long> timerGenerations = new EnumMap<>(SessionTimer.class);
    private long timerGeneration;
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    /** Bytes of messages handed to the event loop from other threads, not yet in the channel's queue. */
    private final AtomicLong handedOver = new AtomicLong();

    private FsmState state = FsmState.INITIAL;
    private Channel channel;
    private boolean outgoing;
    private ChannelFuture connecting;
    private Channel pending;
    private volatile SessionState publicState = SessionState.IDLE;
    private volatile Negotiated negotiated;

    public PeerSession(Transport transport, PeerConfig config, SessionOptions options, SessionListener listener,
                       String name) {
        this.transport = transport;
        this.loop = transport.group().next();
        this.fsm = new Fsm(config);
        this.options = options;
        this.listener = listener;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public PeerConfig config() {
        return fsm.config();
    }

    public SessionOptions options() {
        return options;
    }

    public SessionState state() {
        return publicState;
    }

    /** What the OPEN exchange agreed, while the session is at least OpenConfirm; null otherwise. */
    public Negotiated negotiated() {
        return negotiated;
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }

    public EventLoop loop() {
        return loop;
    }

    /** Runs {@code task} on this session's event loop. */
    public void execute(Runnable task) {
        if (loop.inEventLoop()) task.run();
        else loop.execute(task);
    }

    /** Starts the session; completes once the session has left Idle (and accepts its peer's connections). */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        execute(() -> {
            handle(new SessionEvent.Start());
            started.complete(null);
        });
        return started;
    }

    /** Administrative shutdown with an RFC 8203 message; completes once the NOTIFICATION is written and closed. */
    public CompletableFuture<Void> stop(String message) {
        return stop(new SessionEvent.Stop(message));
    }

    /**
     * Stops the session with the given Cease NOTIFICATION (and no automatic restart: {@link #start} again when it
     * may come back); completes once the NOTIFICATION is written and the connection closed.
     */
    public CompletableFuture<Void> stop(NotificationMessage cease, String reason) {
        return stop(new SessionEvent.Stop(null, cease, reason));
    }

    private CompletableFuture<Void> stop(SessionEvent.Stop stop) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> {
            Channel c = channel;
            handle(stop);
            if (c == null) {
                done.complete(null);
            } else {
                c.closeFuture().addListener(f -> done.complete(null));
            }
        });
        return done;
    }

    /**
     * True while UPDATEs may be queued without exceeding the high-water mark, counting what other threads have
     * handed to the event loop and it has not queued yet (a fast producer would otherwise queue far past the mark
     * before the channel notices).
     */
    public boolean writable() {
        Channel c = channel;
        return c != null && c.bytesBeforeUnwritable() > handedOver.get()
                && publicState == SessionState.ESTABLISHED;
    }

    /** Queues an UPDATE (encoded with the negotiated context); call {@link #flush()} after a batch. */
    public void send(UpdateMessage update) {
        execute(() -> {
            if (state.state() == SessionState.ESTABLISHED) {
                write(update);
            }
        });
    }

    /** Queues bytes that are already a whole encoded message; the buffer is released by the write. */
    public void sendEncoded(ByteBuf message) {
        execute(() -> {
            if (state.state() != SessionState.ESTABLISHED || channel == null) {
                message.release();
                return;
            }
            messagesOut.incrementAndGet();
            channel.write(message, channel.voidPromise());
            checkOverflow();
        });
    }

    /**
     * Queues whole encoded messages and flushes them, in one hand-over to the event loop. The arrays are wrapped, not
     * copied, so one encoding can be written to many sessions; they must not change afterwards.
     */
    public void sendEncoded(List<byte[]> messages) {
        if (messages.isEmpty()) return;
        long handed = messages.stream().mapToLong(m -> m.length).sum();
        handedOver.addAndGet(handed);
        execute(() -> {
            handedOver.addAndGet(-handed);
            if (state.state() != SessionState.ESTABLISHED || channel == null) return;
            for (byte[] m : messages) {
                messagesOut.incrementAndGet();
                channel.write(Unpooled.wrappedBuffer(m), channel.voidPromise());
            }
            channel.flush();
            checkOverflow();
        });
    }

    /**
     * Queues a buffer of {@code messages} whole encoded messages and flushes it: one write however many it holds. The
     * session takes over the buffer's reference (a retained duplicate, when several sessions send the same bytes).
     */
    public void sendShared(ByteBuf buffer, int messages) {
        int bytes = buffer.readableBytes();
        handedOver.addAndGet(bytes);
        try {
            execute(() -> {
                handedOver.addAndGet(-bytes);
                if (state.state() != SessionState.ESTABLISHED || channel == null) {
                    buffer.release();
                    return;
                }
                messagesOut.addAndGet(messages);
                channel.writeAndFlush(buffer, channel.voidPromise());
                checkOverflow();
            });
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            handedOver.addAndGet(-bytes);
            buffer.release();
        }
    }

    public void flush() {
        execute(() -> {
            if (channel != null) channel.flush();
        });
    }

    /** Asks the peer to send its routes again (RFC 2918). */
    public void requestRefresh(RouteRefreshMessage request) {
        execute(() -> {
            if (state.state() == SessionState.ESTABLISHED) {
                write(request);
                channel.flush();
            }
        });
    }

    // ---- FSM driving -------------------------------------------------------------------------------------------

    private void handle(SessionEvent e) {
        SessionState before = state.state();
        Transition t = fsm.apply(state, e);
        state = t.next();
        publicState = state.state();
        for (SessionAction a : t.actions()) {
            perform(a);
        }
        if (channel != null) {
            channel.flush();
        }
        if (before != state.state()) {
            listener.stateChanged(this, before, state.state());
        }
    }

    private void perform(SessionAction a) {
        switch (a) {
            case SessionAction.Connect ignored -> connect();
            case SessionAction.Disconnect ignored -> disconnect();
            case SessionAction.Send s -> write(s.message());
            case SessionAction.StartTimer t -> startTimer(t.timer(), t.after().toMillis());
            case SessionAction.StopTimer t -> stopTimer(t.timer());
            case SessionAction.Up up -> {
                negotiated = up.negotiated();
                listener.up(this, up.negotiated());
            }
            case SessionAction.Down down -> {
                negotiated = null;
                listener.down(this, down);
            }
            case SessionAction.Deliver d -> listener.update(this, d.update(), d.withdrawAll());
            case SessionAction.Refresh r -> listener.refresh(this, r.request());
        }
    }

    private void write(BgpMessage m) {
        if (channel == null) {
            return;
        }
        Negotiated n = state.negotiated();
        CodecContext ctx = n == null ? BEFORE_OPEN : n.sendContext();
        messagesOut.incrementAndGet();
        channel.write(Unpooled.wrappedBuffer(BgpMessageCodec.encode(m, ctx)), channel.voidPromise());
        checkOverflow();
    }

    /** A peer that lets the output queue grow past the limit has stopped reading: drop it, never wait for it. */
    private void checkOverflow() {
        ChannelOutboundBuffer out = channel == null ? null : channel.unsafe().outboundBuffer();
        if (out != null && out.totalPendingWriteBytes() > options.maxQueuedBytes()
                && state.state() == SessionState.ESTABLISHED) {
            handle(new SessionEvent.OutputOverflow());
        }
    }

    private void startTimer(SessionTimer timer, long millis) {
        stopTimer(timer);
        long generation = ++timerGeneration;
        timerGenerations.put(timer, generation);
        timers.put(timer, loop.schedule(() -> {
            // A cancelled timer's task may already be queued: only the latest start of a timer may fire.
            Long current = timerGenerations.get(timer);
            if (current != null && current == generation) {
                timers.remove(timer);
                timerGenerations.remove(timer);
                handle(new SessionEvent.TimerExpired(timer));
            }
        }, millis, TimeUnit.MILLISECONDS));
    }

    private void stopTimer(SessionTimer timer) {
        ScheduledFuture<?> f = timers.remove(timer);
        timerGenerations.remove(timer);
        if (f != null) {
            f.cancel(false);
        }
    }

    // ---- connections -----------------------------------------------------------------------------------------

    private void connect() {
        if (channel != null || connecting != null) {
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER, HIGH_WATER))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        installPipeline(ch);
                    }
                });
        if (options.localAddress() != null || options.localPort() != 0) {
            b.localAddress(options.localAddress() == null ? new InetSocketAddress(options.localPort())
                    : new InetSocketAddress(options.localAddress(), options.localPort()));
        }
        if (options.md5Password() != null) {
            requireEpoll("TCP MD5");
            b.option(SocketOptions.md5(), Map.of(options.remote().getAddress(),
                    SocketOptions.key(options.md5Password())));
        }
        if (options.gtsm()) {
            requireEpoll("GTSM");
            b.option(SocketOptions.ttl(options.remote().getAddress()), 255);
            b.option(SocketOptions.minTtl(options.remote().getAddress()), 254);
        }
        ChannelFuture f = b.connect(options.remote());
        connecting = f;
        f.addListener((ChannelFutureListener) done -> {
            if (connecting != done) {
                done.channel().close();
                return;
            }
            connecting = null;
            if (!done.isSuccess()) {
                handle(new SessionEvent.TcpFailed(String.valueOf(done.cause().getMessage())));
            } else if (channel == null && (state.state() == SessionState.CONNECT
                    || state.state() == SessionState.ACTIVE)) {
                channel = done.channel();
                outgoing = true;
                handle(new SessionEvent.TcpConnected());
            } else {
                done.channel().close();
            }
        });
    }

    private void requireEpoll(String feature) {
        if (!transport.nativeEpoll()) {
            throw new IllegalStateException(feature + " needs the native epoll transport, unavailable here");
        }
    }

    private void disconnect() {
        if (connecting != null) {
            ChannelFuture c = connecting;
            connecting = null;
            c.cancel(false);
            c.channel().close();
        }
        if (channel != null) {
            Channel c = channel;
            channel = null;
            // Flush what is queued (a NOTIFICATION) before closing.
            c.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** An accepted connection for this peer, registered on this session's event loop. */
    void accept(Channel ch) {
        execute(() -> {
            switch (state.state()) {
                case IDLE -> ch.close();
                case CONNECT, ACTIVE -> {
                    if (connecting != null) {
                        ChannelFuture c = connecting;
                        connecting = null;
                        c.channel().close();
                    }
                    channel = ch;
                    outgoing = false;
                    handle(new SessionEvent.TcpConnected());
                }
                case OPEN_SENT, OPEN_CONFIRM -> {
                    if (pending != null) {
                        pending.close();
                    }
                    pending = ch;
                    ch.writeAndFlush(Unpooled.wrappedBuffer(BgpMessageCodec.encode(fsm.config().open(),
                            BEFORE_OPEN)));
                }
                case ESTABLISHED -> closeWithCollision(ch);
            }
        });
    }

    private static void closeWithCollision(Channel ch) {
        ch.writeAndFlush(Unpooled.wrappedBuffer(BgpMessageCodec.encode(
                NotificationMessage.cease(CeaseSubcode.CONNECTION_COLLISION_RESOLUTION), BEFORE_OPEN)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** RFC 4271 §6.8: keep the connection opened by the speaker with the higher BGP identifier. */
    private void resolveCollision(OpenMessage pendingOpen) {
        Channel incoming = pending;
        pending = null;
        boolean remoteHigher = Integer.compareUnsigned(pendingOpen.bgpIdentifier(), fsm.config().routerId()) > 0;
        boolean keepIncoming = remoteHigher ? outgoing : !outgoing;
        if (!keepIncoming) {
            closeWithCollision(incoming);
            return;
        }
        Channel old = channel;
        channel = incoming;
        outgoing = false;
        closeWithCollision(old);
        stopTimer(SessionTimer.HOLD);
        stopTimer(SessionTimer.KEEPALIVE);
        state = new FsmState(SessionState.OPEN_SENT, null, state.failures());
        handle(new SessionEvent.OpenReceived(pendingOpen));
    }

    void installPipeline(Channel ch) {
        ch.pipeline().addLast("frames", new BgpFrameDecoder(() -> {
            Negotiated n = state.negotiated();
            return n == null || ch != channel ? BEFORE_OPEN : n.receiveContext();
        }));
        ch.pipeline().addLast("session", new Inbound());
    }

    /** Turns decoded frames and channel state into FSM events, for the current and the pending connection. */
    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel ch = ctx.channel();
            if (ch == pending) {
                if (msg instanceof FrameResult.Message m && m.message() instanceof OpenMessage open) {
                    resolveCollision(open);
                } else if (msg instanceof FrameResult.Failed) {
                    pending = null;
                    ch.close();
                }
                return;
            }
            if (ch != channel) {
                return;
            }
            messagesIn.incrementAndGet();
            handle(event((FrameResult) msg));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Channel ch = ctx.channel();
            if (ch == pending) {
                pending = null;
            } else if (ch == channel) {
                channel = null;
                handle(new SessionEvent.TcpFailed("connection closed by the peer"));
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel && ctx.channel().isWritable()) {
                listener.writable(PeerSession.this);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // I/O errors (connection reset) end the connection; channelInactive reports it to the FSM.
            ctx.close();
        }
    }

    private SessionEvent event(FrameResult r) {
        return switch (r) {
            case FrameResult.NeedMore ignored -> throw new IllegalStateException("decoder emitted NeedMore");
            case FrameResult.Failed f -> new SessionEvent.MessageError(f.malformation());
            case FrameResult.Message m -> {
                ErrorAction worst = null;
                for (Malformation x : m.malformations()) {
                    worst = x.action().worse(worst);
                    listener.malformed(this, x);
                }
                yield switch (m.message()) {
                    case OpenMessage open -> new SessionEvent.OpenReceived(open);
                    case KeepaliveMessage ignored -> new SessionEvent.KeepaliveReceived();
                    case UpdateMessage u -> new SessionEvent.UpdateReceived(fourOctetView(u),
                            worst == ErrorAction.TREAT_AS_WITHDRAW);
                    case NotificationMessage n -> new SessionEvent.NotificationReceived(n);
                    case RouteRefreshMessage rr -> new SessionEvent.RouteRefreshReceived(rr);
                };
            }
        };
    }

    /**
     * The UPDATE as the RIB must see it: aggregators with AS 0 discarded (RFC 7607), and from a speaker without
     * 4-octet AS support, AS4_PATH merged in (RFC 6793 §4.2.3).
     */
    private UpdateMessage fourOctetView(UpdateMessage u) {
        List<PathAttribute> attrs = AttributeDecoder.withoutDiscardedAggregators(u.attributes());
        Negotiated n = state.negotiated();
        if (n != null && !n.fourOctetAs()) {
            attrs = As4Reconciliation.attributes(attrs);
        }
        return attrs == u.attributes() ? u : new UpdateMessage(u.withdrawn(), attrs, u.nlri());
    }

    @Override
    public String toString() {
        return name + " (" + options.remote() + ", " + publicState + ")";
    }
}
