package org.peerage.policy;

import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;

/**
 * A prefix as two 64-bit words, the form the policy tables search in: the address left-aligned (an IPv4 address fills
 * the top 32 bits of {@code hi}, IPv6 bits 0-63 are {@code hi} and 64-127 {@code lo}). Comparing words unsigned
 * orders prefixes by address, as routers list them.
 */
public final class PrefixBits {
    private PrefixBits() {
    }

    public static long hi(Prefix p) {
        long v = 0;
        int n = Math.min(p.byteCount(), 8);
        for (int i = 0; i < n; i++) {
            v |= (p.byteAt(i) & 0xFFL) << (56 - 8 * i);
        }
        return v;
    }

    public static long lo(Prefix p) {
        long v = 0;
        for (int i = 8; i < p.byteCount(); i++) {
            v |= (p.byteAt(i) & 0xFFL) << (56 - 8 * (i - 8));
        }
        return v;
    }

    /** The top {@code length} bits of the 128-bit word pair {@code hi:lo}, as hi. */
    public static long maskHi(long hi, int length) {
        return length >= 64 ? hi : length == 0 ? 0 : hi & (-1L << (64 - length));
    }

    public static long maskLo(long lo, int length) {
        return length <= 64 ? 0 : length == 128 ? lo : lo & (-1L << (128 - length));
    }

    /** Bit {@code i} (0 = most significant) of the word pair. */
    public static boolean bit(long hi, long lo, int i) {
        return i < 64 ? (hi << i) < 0 : (lo << (i - 64)) < 0;
    }

    public static Prefix toPrefix(boolean ipv6, long hi, long lo, int length) {
        byte[] b = new byte[(length + 7) / 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i < 8 ? hi >>> (56 - 8 * i) : lo >>> (56 - 8 * (i - 8)));
        }
        return Prefix.of(ipv6, length, b);
    }

    /**
     * Parses "a.b.c.d/n" or "x::y/n" and refuses host bits past the length (a registry or RPKI object with them is
     * malformed, and silently widening it would hide the mistake).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Prefix parseStrict(String text) {
        Prefix p = parseLoose(text);
        byte[] given = InetText.parseAddress(text.substring(0, text.indexOf('/')).strip());
        byte[] kept = p.address();
        for (int i = 0; i < given.length; i++) {
            if (given[i] != kept[i]) {
                throw new IllegalArgumentException("host bits set past /" + p.length() + " in " + text.strip()
                        + " (the prefix is " + p + ")");
            }
        }
        return p;
    }

    /** Parses a prefix and clears host bits; a bare address is refused. */
    public static Prefix parseLoose(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a prefix (no '/length'): " + t);
        }
        String len = t.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad prefix length in " + t);
        }
        return Prefix.parse(t);
    }
}
