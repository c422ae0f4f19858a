package org.peerage.bgp.wire;

/**
 * IP addresses as text, written exactly as glibc's inet_ntop does (which is what bgpdump, BIRD and most operators'
 * tools print): IPv6 with the longest run of two or more zero groups compressed (the first on a tie), lower-case hex,
 * and the IPv4-compatible and IPv4-mapped forms written with a dotted quad.
 */
public final class InetText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private InetText() {
    }

    public static String format(byte[] address) {
        byte[] out = new byte[64];
        int n = address.length == 4 ? appendIpv4(out, 0, address, 0) : appendIpv6(out, 0, address, 0);
        return new String(out, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    public static String formatIpv4(int address) {
        byte[] out = new byte[16];
        int n = appendIpv4(out, 0, address);
        return new String(out, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Appends a dotted quad of the 4 bytes at {@code src[off]}; returns the new position. At most 15 bytes. */
    public static int appendIpv4(byte[] out, int pos, byte[] src, int off) {
        return appendIpv4(out, pos, ((src[off] & 0xFF) << 24) | ((src[off + 1] & 0xFF) << 16)
                | ((src[off + 2] & 0xFF) << 8) | (src[off + 3] & 0xFF));
    }

    public static int appendIpv4(byte[] out, int pos, int address) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            pos = appendDecimalByte(out, pos, (address >>> shift) & 0xFF);
            if (shift > 0) out[pos++] = '.';
        }
        return pos;
    }

    private static int appendDecimalByte(byte[] out, int pos, int v) {
        if (v >= 100) {
            out[pos++] = (byte) ('0' + v / 100);
            out[pos++] = (byte) ('0' + v / 10 % 10);
        } else if (v >= 10) {
            out[pos++] = (byte) ('0' + v / 10);
        }
        out[pos++] = (byte) ('0' + v % 10);
        return pos;
    }

    /** Appends the 16 bytes at {@code src[off]} in inet_ntop form; returns the new position. At most 45 bytes. */
    public static int appendIpv6(byte[] out, int pos, byte[] src, int off) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((src[off + 2 * i] & 0xFF) << 8) | (src[off + 2 * i + 1] & 0xFF);
        }
        int bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (words[i] == 0) {
                if (curBase == -1) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase != -1) {
                if (bestBase == -1 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase != -1 && (bestBase == -1 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase != -1 && bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase != -1 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) out[pos++] = ':';
                continue;
            }
            if (i != 0) out[pos++] = ':';
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xFFFF))) {
                return appendIpv4(out, pos, src, off + 12);
            }
            pos = appendHexWord(out, pos, words[i]);
        }
        if (bestBase != -1 && bestBase + bestLen == 8) {
            out[pos++] = ':';
        }
        return pos;
    }

    /** Appends a 16-bit value as lower-case hex without leading zeros; returns the new position. */
    public static int appendHexWord(byte[] out, int pos, int w) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (w >>> shift) & 0xF;
            if (d != 0 || started || shift == 0) {
                out[pos++] = HEX[d];
                started = true;
            }
        }
        return pos;
    }

    /** Parses a dotted quad or an IPv6 address (with optional embedded dotted quad) into 4 or 16 bytes. */
    public static byte[] parseAddress(String text) {
        if (text.indexOf(':') < 0) {
            return parseIpv4(text, text);
        }
        return parseIpv6(text);
    }

    private static byte[] parseIpv4(String text, String whole) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IP address: " + whole);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v;
            try {
                v = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address: " + whole);
            }
            if (v < 0 || v > 255 || parts[i].isEmpty() || parts[i].length() > 3) {
                throw new IllegalArgumentException("not an IP address: " + whole);
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] parseIpv6(String text) {
        int dbl = text.indexOf("::");
        if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
            throw new IllegalArgumentException("not an IPv6 address (two '::'): " + text);
        }
        String head = dbl >= 0 ? text.substring(0, dbl) : text;
        String tail = dbl >= 0 ? text.substring(dbl + 2) : "";
        int[] headWords = words(head, text);
        int[] tailWords = words(tail, text);
        int total = headWords.length + tailWords.length;
        if (total > 8 || (dbl < 0 && total != 8) || (dbl >= 0 && total == 8)) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < headWords.length; i++) {
            b[2 * i] = (byte) (headWords[i] >> 8);
            b[2 * i + 1] = (byte) headWords[i];
        }
        for (int i = 0; i < tailWords.length; i++) {
            int w = 8 - tailWords.length + i;
            b[2 * w] = (byte) (tailWords[i] >> 8);
            b[2 * w + 1] = (byte) tailWords[i];
        }
        return b;
    }

    private static int[] words(String part, String whole) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] groups = part.split(":", -1);
        boolean dotted = groups[groups.length - 1].indexOf('.') >= 0;
        int[] w = new int[groups.length + (dotted ? 1 : 0)];
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (dotted && i == groups.length - 1) {
                byte[] v4 = parseIpv4(g, whole);
                w[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                w[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                break;
            }
            if (g.isEmpty() || g.length() > 4) {
                throw new IllegalArgumentException("not an IPv6 address: " + whole);
            }
            try {
                w[i] = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv6 address: " + whole);
            }
        }
        return w;
    }
}
