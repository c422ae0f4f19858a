package org.peerage.bgp.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.peerage.bgp.wire.InetText;

/**
 * A buffered ASCII writer for line-oriented dumps: numbers and addresses are written as bytes without intermediate
 * strings, which is where a text dump of millions of routes spends its time.
 */
public final class AsciiSink implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    public AsciiSink(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 4096)];
    }

    public AsciiSink(OutputStream out) {
        this(out, 1 << 16);
    }

    /** Room for one field of bounded size (an address, a number); longer texts go through {@link #text}. */
    private void room(int n) {
        if (pos + n > buf.length) {
            flush();
        }
    }

    public AsciiSink ch(char c) {
        room(1);
        buf[pos++] = (byte) c;
        return this;
    }

    public AsciiSink text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return bytes(b, 0, b.length);
    }

    public AsciiSink bytes(byte[] b, int off, int len) {
        if (len > buf.length - pos) {
            flush();
            if (len > buf.length) {
                write(b, off, len);
                return this;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    public AsciiSink bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** A decimal long. */
    public AsciiSink number(long v) {
        room(20);
        if (v >= 0 && v < 100) {
            // Prefix lengths, states and small fields dominate; skip the general loop for them.
            if (v >= 10) {
                buf[pos++] = (byte) ('0' + v / 10);
            }
            buf[pos++] = (byte) ('0' + v % 10);
            return this;
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return text(Long.toString(v));
            }
            buf[pos++] = '-';
            v = -v;
        }
        int end = pos + digits(v);
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos = end;
        return this;
    }

    private static int digits(long v) {
        int n = 1;
        long limit = 10;
        while (n < 19 && v >= limit) {
            n++;
            limit *= 10;
        }
        return n;
    }

    /** An int read as unsigned 32 bits. */
    public AsciiSink unsigned(int v) {
        return number(v & 0xFFFF_FFFFL);
    }

    /** A number left-padded with zeros to {@code width} digits. */
    public AsciiSink padded(long v, int width) {
        room(20);
        for (int i = width - 1; i >= 0; i--) {
            buf[pos + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        pos += width;
        return this;
    }

    public AsciiSink ipv4(int address) {
        room(15);
        pos = InetText.appendIpv4(buf, pos, address);
        return this;
    }

    /** A 4- or 16-byte address in inet_ntop form. */
    public AsciiSink address(byte[] address, int off, int length) {
        room(45);
        pos = length == 4 ? InetText.appendIpv4(buf, pos, address, off) : InetText.appendIpv6(buf, pos, address, off);
        return this;
    }

    /** A 4- or 16-byte address, IPv6 written the way bgpdump writes it ({@link BgpdumpInet}). */
    AsciiSink bgpdumpAddress(byte[] address, int off, int length) {
        room(45);
        pos = length == 4 ? InetText.appendIpv4(buf, pos, address, off) : BgpdumpInet.appendIpv6(buf, pos, address, off);
        return this;
    }

    AsciiSink bgpdumpAddress(byte[] address) {
        return bgpdumpAddress(address, 0, address.length);
    }

    public AsciiSink address(byte[] address) {
        return address(address, 0, address.length);
    }

    public void flush() {
        write(buf, 0, pos);
        pos = 0;
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
