package org.peerage.interop.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real BGP daemon from Debian, started as a peer or oracle for interop tests: {@link Bird2}, {@link GoBgp},
 * {@link Frr}, {@link OpenBgpd}, {@link ExaBgp}.
 *
 * <p>Each one runs in the foreground as a child of the test JVM, with its configuration, control socket and logs in a
 * temporary directory ({@link #workDir()}), listens only on the loopback addresses of its {@link DaemonPeer}s and never
 * touches the kernel routing table. {@link #close()} stops it (SIGTERM, then SIGKILL, children included); a JVM
 * shutdown hook stops whatever a test left running. Failures of the harness itself ({@link #start()}, the
 * {@code await...} methods) are {@link DaemonFailure}s whose message ends with {@link #diagnostics()}: configuration
 * and log tails. {@link DaemonExtension} does the same for any other test failure, and keeps the directory.
 */
public interface Daemon extends AutoCloseable {

    /** "bird2", "gobgp", "frr", "openbgpd" or "exabgp". */
    String name();

    List<DaemonPeer> peers();

    Path workDir();

    /** Writes the configuration, starts the process and waits until its control interface answers. */
    Daemon start();

    boolean running();

    /** The session with the peer at {@code peerAddress}, as the daemon reports it; UNKNOWN if it cannot tell. */
    SessionState sessionState(String peerAddress);

    /** Waits until the session with {@code peerAddress} is Established; fails with the daemon's logs otherwise. */
    void waitEstablished(String peerAddress, Duration timeout);

    /** Waits until every configured session is Established. */
    default void waitEstablished(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (DaemonPeer peer : peers()) {
            waitEstablished(peer.remoteAddress(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** Every path received from any peer (all paths, not only the best), with attributes as the daemon shows them. */
    List<DaemonRoute> receivedRoutes();

    default List<DaemonRoute> receivedRoutes(String peerAddress) {
        return receivedRoutes().stream().filter(r -> r.peer().equals(peerAddress)).toList();
    }

    /** Polls {@link #receivedRoutes()} until {@code until} holds; returns that list or fails with the logs. */
    List<DaemonRoute> awaitReceivedRoutes(Predicate<List<DaemonRoute>> until, Duration timeout);

    /** Waits until exactly {@code count} paths have been received. */
    default List<DaemonRoute> awaitReceivedRoutes(int count, Duration timeout) {
        return awaitReceivedRoutes(routes -> routes.size() == count, timeout);
    }

    /** Originates more routes (or replaces those with the same prefix and path id) while running. */
    void announce(List<StaticRoute> routes);

    /** Stops originating the routes with these prefixes and path ids. */
    void withdraw(List<StaticRoute> routes);

    /** Configuration, process status and the tail of every log, for failure messages. */
    String diagnostics();

    /** Stops the daemon and its children; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
