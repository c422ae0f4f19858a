package org.peerage.bgp.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens for BGP connections and hands each to the session configured for its source address, registered on that
 * session's event loop. Connections from unknown addresses are closed at once. The listening sockets carry the MD5
 * keys of all registered peers (the kernel checks them before the handshake completes), and, once any registered
 * peer uses GTSM, the minimum TTL of 254 (RFC 5082): the kernel then drops every SYN sent from further away, so a
 * listener shared by GTSM and non-GTSM peers must not be on the same address.
 */
public final class BgpListener implements AutoCloseable {
    private final Transport transport;
    private final Map<InetAddress, PeerSession> peers = new ConcurrentHashMap<>();
    private final List<Channel> servers = new ArrayList<>();

    private BgpListener(Transport transport) {
        this.transport = transport;
    }

    /** Binds every address; fails with the address in the message if one cannot be bound. */
    public static BgpListener bind(Transport transport, List<InetSocketAddress> addresses) {
        BgpListener l = new BgpListener(transport);
        for (InetSocketAddress a : addresses) {
            ServerBootstrap b = new ServerBootstrap().group(transport.group()).channel(transport.serverChannel())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel server) {
                            server.pipeline().addLast(l.new Dispatcher());
                        }
                    })
                    .childHandler(new ChannelInboundHandlerAdapter());
            try {
                l.servers.add(b.bind(a).syncUninterruptibly().channel());
            } catch (Exception e) { // the native transport throws its bind errors unchecked, whatever their type
                l.close();
                throw new IllegalStateException("cannot listen on " + a + ": " + e.getMessage(), e);
            }
        }
        return l;
    }

    /** The addresses actually bound (port 0 resolves to the one chosen). */
    public List<InetSocketAddress> localAddresses() {
        return servers.stream().map(c -> (InetSocketAddress) c.localAddress()).toList();
    }

    public void register(PeerSession session) {
        peers.put(session.options().remote().getAddress(), session);
        updateMd5Keys();
        if (session.options().gtsm() && transport.nativeEpoll()) {
            for (Channel server : servers) {
                InetAddress bound = ((InetSocketAddress) server.localAddress()).getAddress();
                server.config().setOption(SocketOptions.minTtl(bound), 254);
                server.config().setOption(SocketOptions.ttl(bound), 255);
            }
        }
    }

    public void unregister(PeerSession session) {
        peers.remove(session.options().remote().getAddress(), session);
        updateMd5Keys();
    }

    private void updateMd5Keys() {
        if (!transport.nativeEpoll()) {
            return;
        }
        Map<InetAddress, byte[]> keys = new HashMap<>();
        for (PeerSession s : peers.values()) {
            if (s.options().md5Password() != null) {
                keys.put(s.options().remote().getAddress(), SocketOptions.key(s.options().md5Password()));
            }
        }
        for (Channel server : servers) {
            server.config().setOption(SocketOptions.md5(), keys);
        }
    }

    /** Sits before the acceptor on each listening channel and takes every accepted child itself. */
    private final class Dispatcher extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel child = (Channel) msg;
            InetSocketAddress remote = (InetSocketAddress) child.remoteAddress();
            PeerSession session = remote == null ? null : peers.get(remote.getAddress());
            if (session == null) {
                child.unsafe().closeForcibly();
                return;
            }
            child.config().setOption(ChannelOption.TCP_NODELAY, true);
            child.config().setOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                    new WriteBufferWaterMark(256 << 10, 1 << 20));
            session.installPipeline(child);
            // No read before the session has adopted the channel: a first read racing ahead of accept() would
            // hand the peer's OPEN to a session that does not know this connection yet.
            child.config().setAutoRead(false);
            session.loop().register(child).addListener(f -> {
                if (!f.isSuccess()) {
                    child.unsafe().closeForcibly();
                    return;
                }
                if (session.options().gtsm() && transport.nativeEpoll()) {
                    child.config().setOption(SocketOptions.ttl(remote.getAddress()), 255);
                    child.config().setOption(SocketOptions.minTtl(remote.getAddress()), 254);
                }
                session.accept(child);
                child.config().setAutoRead(true);
            });
        }
    }

    @Override
    public void close() {
        for (Channel c : servers) {
            c.close().syncUninterruptibly();
        }
        servers.clear();
    }
}
