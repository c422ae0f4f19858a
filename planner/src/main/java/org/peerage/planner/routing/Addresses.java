package org.peerage.planner.routing;

/** Address bytes to the primitive forms the lookup structures use. */
public final class Addresses {
    private Addresses() {
    }

    public static int ipv4(byte[] a) {
        return ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
    }

    public static long hi(byte[] a) {
        return word(a, 0);
    }

    public static long lo(byte[] a) {
        return word(a, 8);
    }

    private static long word(byte[] a, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (a[off + i] & 0xFF);
        }
        return v;
    }
}
