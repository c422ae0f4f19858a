package org.peerage.bgp.transport;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The socket options BGP needs beyond Netty's named ones: MD5 keys and the TTL settings of GTSM. */
final class SocketOptions {
    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IP_TTL = 2;
    private static final int IP_MINTTL = 21;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_MINHOPCOUNT = 73;

    static final ChannelOption<Integer> TTL = new IntegerUnixChannelOption("IP_TTL", IPPROTO_IP, IP_TTL);
    static final ChannelOption<Integer> MIN_TTL = new IntegerUnixChannelOption("IP_MINTTL", IPPROTO_IP, IP_MINTTL);
    static final ChannelOption<Integer> HOPS6 =
            new IntegerUnixChannelOption("IPV6_UNICAST_HOPS", IPPROTO_IPV6, IPV6_UNICAST_HOPS);
    static final ChannelOption<Integer> MIN_HOPS6 =
            new IntegerUnixChannelOption("IPV6_MINHOPCOUNT", IPPROTO_IPV6, IPV6_MINHOPCOUNT);

    private SocketOptions() {
    }

    static ChannelOption<Map<InetAddress, byte[]>> md5() {
        return EpollChannelOption.TCP_MD5SIG;
    }

    static byte[] key(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    static ChannelOption<Integer> ttl(InetAddress peer) {
        return peer instanceof Inet6Address ? HOPS6 : TTL;
    }

    static ChannelOption<Integer> minTtl(InetAddress peer) {
        return peer instanceof Inet6Address ? MIN_HOPS6 : MIN_TTL;
    }
}
