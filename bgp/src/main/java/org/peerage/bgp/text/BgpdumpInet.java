package org.peerage.bgp.text;

import org.peerage.bgp.wire.InetText;

/**
 * IPv6 text as bgpdump 1.6.2 writes it (its own fmt_ipv6, not inet_ntop): the longest zero run is compressed even
 * when it is a single group (first run on a tie), a zero run ending the address after a non-zero group still gets
 * "::", and IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, for values above 1) addresses are written
 * with a dotted quad.
 */
final class BgpdumpInet {
    private BgpdumpInet() {
    }

    /** Appends 16 bytes at {@code src[off]}; returns the new position. At most 45 bytes. */
    static int appendIpv6(byte[] out, int pos, byte[] src, int off) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((src[off + 2 * i] & 0xFF) << 8) | (src[off + 2 * i + 1] & 0xFF);
        }
        boolean leading96Zero = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 && words[4] == 0;
        if (leading96Zero && words[5] == 0xFFFF) {
            pos = ascii(out, pos, "::ffff:");
            return InetText.appendIpv4(out, pos, src, off + 12);
        }
        long low32 = ((long) words[6] << 16) | words[7];
        if (leading96Zero && words[5] == 0 && low32 > 1) {
            pos = ascii(out, pos, "::");
            return InetText.appendIpv4(out, pos, src, off + 12);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; i++) {
            int run = 0;
            while (i + run < 8 && words[i + run] == 0) {
                run++;
            }
            if (run > bestLength) {
                bestStart = i;
                bestLength = run;
            }
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                if (i == 0) out[pos++] = ':';
                out[pos++] = ':';
                i += bestLength - 1;
                continue;
            }
            pos = InetText.appendHexWord(out, pos, words[i]);
            if (i != 7) out[pos++] = ':';
        }
        return pos;
    }

    private static int ascii(byte[] out, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            out[pos++] = (byte) s.charAt(i);
        }
        return pos;
    }
}
