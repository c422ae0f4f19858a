package org.peerage.bgp.wire;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 prefix exactly as carried on the wire: the length and the (length + 7) / 8 significant bytes.
 * Bits past the length are kept as received so that re-encoding reproduces the input byte for byte.
 */
public final class Prefix implements Comparable<Prefix> {
    private final boolean ipv6;
    private final int length;
    private final byte[] bytes;

    private Prefix(boolean ipv6, int length, byte[] bytes) {
        this.ipv6 = ipv6;
        this.length = length;
        this.bytes = bytes;
    }

    /** A prefix from its significant bytes; {@code bytes.length} must be (length + 7) / 8. */
    public static Prefix of(boolean ipv6, int length, byte[] bytes) {
        int max = ipv6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " exceeds " + max);
        }
        if (bytes.length != (length + 7) / 8) {
            throw new IllegalArgumentException("prefix /" + length + " needs " + (length + 7) / 8 + " bytes, got "
                    + bytes.length);
        }
        return new Prefix(ipv6, length, bytes.clone());
    }

    /** Reads a prefix from wire bytes without validation; callers check the length first. */
    static Prefix wire(boolean ipv6, int length, byte[] buf, int off) {
        return new Prefix(ipv6, length, Arrays.copyOfRange(buf, off, off + (length + 7) / 8));
    }

    /** Parses "a.b.c.d/n" or "x::y/n"; host bits are cleared. */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix (no '/'): " + text);
        }
        byte[] address = InetText.parseAddress(text.substring(0, slash));
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        boolean v6 = address.length == 16;
        if (length < 0 || length > address.length * 8) {
            throw new IllegalArgumentException("prefix length out of range in " + text);
        }
        byte[] significant = Arrays.copyOf(address, (length + 7) / 8);
        if (length % 8 != 0) {
            significant[significant.length - 1] &= (byte) (0xFF << (8 - length % 8));
        }
        return new Prefix(v6, length, significant);
    }

    public boolean isIpv6() {
        return ipv6;
    }

    public int length() {
        return length;
    }

    /** Number of significant bytes on the wire. */
    public int byteCount() {
        return bytes.length;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    /** The full address (4 or 16 bytes), zero-padded. */
    public byte[] address() {
        return Arrays.copyOf(bytes, ipv6 ? 16 : 4);
    }

    /** Copies the significant bytes to the front of {@code dst} and zeroes the rest up to the address size. */
    public void copyAddressTo(byte[] dst) {
        System.arraycopy(bytes, 0, dst, 0, bytes.length);
        java.util.Arrays.fill(dst, bytes.length, ipv6 ? 16 : 4, (byte) 0);
    }

    /** Writes length byte and significant bytes; returns the new offset. */
    public int writeTo(byte[] out, int off) {
        out[off++] = (byte) length;
        System.arraycopy(bytes, 0, out, off, bytes.length);
        return off + bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && p.ipv6 == ipv6 && p.length == length && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(bytes) * 31 + length) * 2 + (ipv6 ? 1 : 0);
    }

    @Override
    public int compareTo(Prefix o) {
        if (ipv6 != o.ipv6) return ipv6 ? 1 : -1;
        int c = Arrays.compareUnsigned(address(), o.address());
        return c != 0 ? c : Integer.compare(length, o.length);
    }

    @Override
    public String toString() {
        return InetText.format(address()) + "/" + length;
    }
}
