package org.peerage.interop.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback addresses and ports for daemons under test.
 *
 * <p>Linux routes all of 127.0.0.0/8 to {@code lo} without any setup, so every daemon gets an address of its own and
 * ports only have to be unique per address, except on {@code ::1}, the single IPv6 loopback address, which all IPv6
 * sessions share. Addresses come from 127.S.x.y where S (64..191) is derived from this JVM's pid, so that concurrent
 * test JVMs, and engineers' hand-started daemons on 127.0.x / 127.1.x, rarely meet.
 */
public final class Ports {
    private static final int SECOND_OCTET = 64 + (int) (ProcessHandle.current().pid() % 128);
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A loopback address no other call in this JVM returned, e.g. "127.93.0.2". */
    public static String loopbackAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "127." + SECOND_OCTET + "." + (n / 250 % 256) + "." + (n % 250 + 2);
    }

    public static List<String> loopbackAddresses(int count) {
        List<String> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(loopbackAddress());
        }
        return addresses;
    }

    /** A TCP port free on 127.0.0.1. */
    public static int freePort() {
        return freePort("127.0.0.1");
    }

    /**
     * A TCP port (above 1024) that is free on every one of {@code addresses} right now and was not handed out before
     * by this JVM. The kernel picks it (bind to port 0); a daemon that lands on one address with IPv4 and ::1 with IPv6
     * should ask with both.
     */
    public static int freePort(String... addresses) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = bindAndClose(addresses[0], 0);
            if (port <= 1024 || HANDED_OUT.contains(port)) {
                continue;
            }
            boolean freeEverywhere = true;
            for (int i = 1; i < addresses.length && freeEverywhere; i++) {
                freeEverywhere = bindAndClose(addresses[i], port) == port;
            }
            if (freeEverywhere && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + String.join(", ", addresses));
    }

    /** Binds {@code port} (0: any) on {@code address} and closes it; returns the bound port, or -1 if taken. */
    private static int bindAndClose(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return socket.getLocalPort();
        } catch (java.net.BindException e) {
            if (port == 0) {
                throw new UncheckedIOException("cannot bind " + address, e);
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + address + " port " + port, e);
        }
    }
}
