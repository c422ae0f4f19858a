package org.peerage.bgp.wire;

/** Big-endian reads from a byte array; callers check bounds first (decoders turn short input into Malformations). */
public final class WireReader {
    private WireReader() {
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static int i32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xFFFF_FFFFL;
    }

    public static long i64(byte[] b, int off) {
        return ((long) i32(b, off) << 32) | u32(b, off + 4);
    }
}
