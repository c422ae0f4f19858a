package org.peerage.policy.rtr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.peerage.policy.rtr.pdu.Pdu;
import org.peerage.policy.rtr.pdu.PduCodec;
import org.peerage.policy.rtr.pdu.PduResult;

/** A scripted RTR cache on loopback: the test says what to answer to each query, and sees what the router sent. */
final class FakeCache implements AutoCloseable {
    /** Answers one PDU from the router. */
    interface Script {
        void answer(Pdu fromRouter, Connection to) throws IOException;
    }

    /** One router connection. */
    static final class Connection {
        private final Socket socket;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void send(Pdu... pdus) throws IOException {
            for (Pdu p : pdus) {
                sendRaw(PduCodec.encode(p));
            }
        }

        synchronized void sendRaw(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final Script script;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Pdu> received = new LinkedBlockingQueue<>();
    private volatile Connection latest;
    private volatile String routerError;

    private volatile boolean up = true;

    FakeCache(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("fake-cache-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    RtrCache cache(int preference) {
        return new RtrCache("127.0.0.1", port(), preference);
    }

    /** The next PDU the router sent, once it has been answered, waiting for it. */
    Pdu next() throws InterruptedException {
        Pdu p = received.poll(20, TimeUnit.SECONDS);
        if (routerError != null) {
            throw new AssertionError(routerError);
        }
        if (p == null) {
            throw new AssertionError("the router sent nothing to the fake cache on port " + port());
        }
        return p;
    }

    /** The connection that came last, for pushing a Serial Notify. */
    Connection latest() {
        return latest;
    }

    /**
     * Drops every connection and closes new ones at once, as a cache that is down (keeping the port: rebinding it
     * right after closing races with the JVM's release of the listening socket).
     */
    void down() throws IOException {
        up = false;
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** Serves again after {@link #down}. */
    void up() {
        up = true;
    }

    /** Stops listening and drops every connection, as a cache that dies. */
    @Override
    public void close() throws IOException {
        server.close();
        down();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (!up) {
                    s.close();
                    continue;
                }
                sockets.add(s);
                Connection c = new Connection(s);
                latest = c;
                Thread.ofVirtual().name("fake-cache-connection").start(() -> serve(s, c));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s, Connection c) {
        try (s) {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[PduCodec.MAX_LENGTH];
            int have = 0;
            while (true) {
                PduResult r = PduCodec.decode(buf, 0, have);
                if (r instanceof PduResult.NeedMore m) {
                    int n = in.read(buf, have, Math.max(m.missing(), 1));
                    if (n < 0) {
                        return;
                    }
                    have += n;
                } else if (r instanceof PduResult.Decoded d) {
                    System.arraycopy(buf, d.length(), buf, 0, have - d.length());
                    have -= d.length();
                    try {
                        script.answer(d.pdu(), c);
                    } finally {
                        received.add(d.pdu()); // after the answer: a test that sees the query sees it answered
                    }
                } else {
                    routerError = "the router sent a malformed PDU: " + r;
                    received.add(new Pdu.ResetQuery(0)); // wakes next(), which reports the error
                    return;
                }
            }
        } catch (IOException e) {
            // The router or the test closed the connection.
        }
    }
}
