package org.peerage.policy.irr;

import org.peerage.policy.Asns;

/** RPSL as-set names (RFC 2622 §5.1): "AS-FOO", hierarchical "AS123:AS-FOO", and references with a source. */
final class AsSetNames {
    private AsSetNames() {
    }

    /** An as-set name: ':'-separated parts, each an AS number or an "AS-" name, at least one of them a name. */
    static boolean isSetName(String upper) {
        if (upper.isEmpty()) {
            return false;
        }
        boolean named = false;
        for (String part : upper.split(":", -1)) {
            if (part.startsWith("AS-") && part.length() > 3 && word(part)) {
                named = true;
            } else if (Asns.parse(part) < 0 || !part.startsWith("AS")) {
                return false;
            }
        }
        return named;
    }

    /** A set name, optionally qualified with its source: "RIPE::AS-FOO". */
    static boolean isSetReference(String upper) {
        int q = upper.indexOf("::");
        if (q >= 0) {
            return q > 0 && word(upper.substring(0, q)) && isSetName(upper.substring(q + 2));
        }
        return isSetName(upper);
    }

    static String sourceOf(String upper) {
        int q = upper.indexOf("::");
        return q > 0 ? upper.substring(0, q) : null;
    }

    static String nameOf(String upper) {
        int q = upper.indexOf("::");
        return q >= 0 ? upper.substring(q + 2) : upper;
    }

    private static boolean word(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
