package org.peerage.policy;

/** AS numbers as registries and RPKI files write them: "AS64500", "as64500", "64500", or asdot "AS1.10" (RFC 5396). */
public final class Asns {
    public static final long MAX = 0xFFFF_FFFFL;

    private Asns() {
    }

    /** The AS number, or -1 if the text is not one (out of the 32-bit range counts as not one). */
    public static long parse(CharSequence text) {
        int n = text.length();
        int i = 0;
        if (n >= 2 && (text.charAt(0) == 'A' || text.charAt(0) == 'a') && (text.charAt(1) == 'S' || text.charAt(1) == 's')) {
            i = 2;
        }
        if (i == n) {
            return -1;
        }
        long v = 0;
        long high = -1;
        int digits = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                if (++digits > 10) {
                    return -1;
                }
            } else if (c == '.' && high < 0 && digits > 0) {
                high = v;
                v = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (high >= 0) {
            return high > 0xFFFF || v > 0xFFFF ? -1 : high << 16 | v;
        }
        return v > MAX ? -1 : v;
    }
}
