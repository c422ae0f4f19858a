package org.peerage.bgp.mrt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a decompressor on its own thread, a few chunks ahead of the reader, so that decompression and decoding use
 * two cores. A source error is raised to the reader only after every byte read before it.
 */
final class PrefetchingInputStream extends InputStream {
    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS_AHEAD = 8;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final InputStream source;
    private final Thread producer;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;
    private IOException failure;

    PrefetchingInputStream(InputStream source) {
        this.source = source;
        this.producer = Thread.ofPlatform().daemon().name("mrt-decompress").start(this::produce);
    }

    private void produce() {
        while (!closed) {
            byte[] chunk = new byte[CHUNK];
            int n = 0;
            IOException failure = null;
            try {
                int r;
                while (n < CHUNK && (r = source.read(chunk, n, CHUNK - n)) >= 0) {
                    n += r;
                }
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException(e.toString(), e);
            }
            if (n > 0) {
                put(n == CHUNK ? chunk : Arrays.copyOf(chunk, n));
            }
            if (failure != null) {
                put(failure);
                return;
            }
            if (n < CHUNK) {
                put(END);
                return;
            }
        }
    }

    private void put(Object item) {
        try {
            while (!closed && !chunks.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // The reader is slower than the decompressor: wait for room, or for close().
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@code current} hold unread bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
        while (pos >= current.length) {
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof IOException e) {
                failure = e;
            } else {
                current = (byte[]) item;
                pos = 0;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        chunks.clear();
        producer.interrupt();
        source.close();
    }
}
