package org.peerage.bgp.wire;

import java.util.Arrays;

/** A growable big-endian byte buffer for encoders; lengths are written after their content by {@link #putU16At}. */
public final class WireWriter {
    private byte[] buf;
    private int pos;

    public WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    public int position() {
        return pos;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u32(long v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    public WireWriter prefix(Prefix p) {
        ensure(1 + p.byteCount());
        pos = p.writeTo(buf, pos);
        return this;
    }

    /** Reserves {@code n} bytes to be patched later; returns their offset. */
    public int skip(int n) {
        ensure(n);
        int at = pos;
        pos += n;
        return at;
    }

    /** Moves the bytes from {@code at} on up by {@code n}, leaving {@code n} bytes there to be written with put. */
    public void insertGap(int at, int n) {
        ensure(n);
        System.arraycopy(buf, at, buf, at + n, pos - at);
        pos += n;
    }

    /** Forgets what was written, keeping the buffer for the next use. */
    public void reset() {
        pos = 0;
    }

    public void putU8At(int at, int v) {
        buf[at] = (byte) v;
    }

    public void putU16At(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
