package org.peerage.flow.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;

/**
 * Receives export datagrams on one or more UDP sockets, one thread each, decoding as they arrive (templates are
 * kept per socket, exporter and observation domain, as RFC 7011 keeps them per transport session). Decoded batches
 * go to one sink, which the threads take turns at. The sockets ask the kernel for a large receive buffer so that
 * bursts (an exporter flushing its cache) are not dropped while a batch is being written.
 */
public final class UdpCollector implements AutoCloseable {
    /** Asked for; Linux grants up to net.core.rmem_max. */
    public static final int RECEIVE_BUFFER = 32 << 20;
    private static final int FLUSH_MILLIS = 1000;

    private final List<Listener> listeners = new ArrayList<>();
    private final Exporters exporters = new Exporters();
    private final FlowSink sink;
    private volatile boolean running = true;
    private volatile long stopDeadline = Long.MAX_VALUE;
    private CollectorStats stopped;

    private final class Listener implements Runnable {
        final DatagramSocket socket;
        final FlowCollector collector;
        final Thread thread;
        IOException failure;

        Listener(InetSocketAddress address, Consumer<String> log) throws IOException {
            socket = new DatagramSocket(null);
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
            socket.setSoTimeout(100);
            socket.bind(address);
            collector = new FlowCollector(exporters, UdpCollector.this::deliver, log);
            thread = Thread.ofPlatform().name("flow-" + address).unstarted(this);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[65536];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            long lastFlush = System.currentTimeMillis();
            try {
                while (true) {
                    try {
                        packet.setLength(buffer.length);
                        socket.receive(packet);
                        long now = System.currentTimeMillis();
                        collector.accept(packet.getAddress(), packet.getPort(), buffer, 0, packet.getLength(), now);
                        if (now - lastFlush >= FLUSH_MILLIS) {
                            collector.flush();
                            lastFlush = now;
                        }
                        if (!running && now > stopDeadline) {
                            break;
                        }
                    } catch (SocketTimeoutException idle) {
                        collector.flush();
                        lastFlush = System.currentTimeMillis();
                        if (!running) {
                            break;
                        }
                    }
                }
                collector.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /**
     * Binds every address (port 0 picks a free one, see {@link #boundPorts()}) and starts receiving.
     *
     * @param log where malformed datagrams are reported, with their exporter
     */
    public UdpCollector(List<InetSocketAddress> addresses, FlowSink sink, Consumer<String> log) throws IOException {
        this.sink = sink;
        try {
            for (InetSocketAddress a : addresses) {
                listeners.add(new Listener(a, log));
            }
        } catch (IOException e) {
            listeners.forEach(l -> l.socket.close());
            throw new IOException("cannot listen on " + addresses + ": " + e.getMessage(), e);
        }
        listeners.forEach(l -> l.thread.start());
    }

    private void deliver(FlowBatch batch) throws IOException {
        synchronized (sink) {
            sink.accept(batch);
        }
    }

    public List<Integer> boundPorts() {
        return listeners.stream().map(l -> l.socket.getLocalPort()).toList();
    }

    /** The receive buffer the kernel granted the first socket. */
    public int receiveBufferSize() {
        try {
            return listeners.getFirst().socket.getReceiveBufferSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops receiving, writes what was decoded and returns the counters of all sockets merged. What is still in
     * the sockets' buffers when this is called is read first (until a 100 ms pause, for at most 2 s).
     */
    public synchronized CollectorStats stop() throws IOException {
        if (stopped != null) {
            return stopped;
        }
        stopDeadline = System.currentTimeMillis() + 2000;
        running = false;
        CollectorStats total = new CollectorStats();
        IOException failure = null;
        for (Listener l : listeners) {
            try {
                l.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            l.socket.close();
            total.add(l.collector.stats());
            if (l.failure != null && failure == null) {
                failure = l.failure;
            }
        }
        stopped = total;
        if (failure != null) {
            throw failure;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
