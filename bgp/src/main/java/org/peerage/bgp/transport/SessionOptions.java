package org.peerage.bgp.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where and how a session's TCP connection is made.
 *
 * @param remote         the peer's address and port
 * @param localAddress   address to bind outgoing connections to, or null
 * @param localPort      port to bind outgoing connections to, or 0 for any
 * @param md5Password    TCP MD5 signature key (RFC 2385), or null
 * @param gtsm           send with TTL 255 and require at least 254 on receipt (RFC 5082)
 * @param maxQueuedBytes output queue limit: a peer that lets more pile up is dropped (it stopped reading)
 */
public record SessionOptions(InetSocketAddress remote, InetAddress localAddress, int localPort, String md5Password,
                             boolean gtsm, long maxQueuedBytes) {
    public static final long DEFAULT_MAX_QUEUED = 64L << 20;

    public static SessionOptions of(InetSocketAddress remote, InetAddress local) {
        return new SessionOptions(remote, local, 0, null, false, DEFAULT_MAX_QUEUED);
    }

    public SessionOptions withMd5(String password) {
        return new SessionOptions(remote, localAddress, localPort, password, gtsm, maxQueuedBytes);
    }

    public SessionOptions withGtsm(boolean on) {
        return new SessionOptions(remote, localAddress, localPort, md5Password, on, maxQueuedBytes);
    }

    public SessionOptions withMaxQueuedBytes(long max) {
        return new SessionOptions(remote, localAddress, localPort, md5Password, gtsm, max);
    }

    public SessionOptions withLocalPort(int port) {
        return new SessionOptions(remote, localAddress, port, md5Password, gtsm, maxQueuedBytes);
    }
}
