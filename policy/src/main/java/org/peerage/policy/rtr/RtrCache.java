package org.peerage.policy.rtr;

/**
 * An RTR cache to connect to. Among several, the lowest {@code preference} that is synced is used (RFC 8210 §10);
 * equal preferences go by the order the caches were given.
 */
public record RtrCache(String host, int port, int preference) {
    public RtrCache {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("RTR cache without a host");
        }
        host = host.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RTR cache " + host + ": port " + port + " outside 1..65535");
        }
        if (preference < 0) {
            throw new IllegalArgumentException("RTR cache " + host + ":" + port + ": preference " + preference
                    + " is negative");
        }
    }

    /**
     * Parses {@code HOST:PORT[,PREFERENCE]}; an IPv6 address goes in brackets ({@code [2001:db8::1]:8282,2}).
     *
     * @param defaultPreference the preference when the text gives none
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RtrCache parse(String text, int defaultPreference) {
        String s = text.strip();
        int preference = defaultPreference;
        int comma = s.lastIndexOf(',');
        if (comma >= 0) {
            preference = number(s.substring(comma + 1), text, "preference");
            s = s.substring(0, comma);
        }
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException(bad(text));
            }
            host = s.substring(1, close);
            port = s.substring(close + 2);
        } else {
            int colon = s.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(bad(text) + " (no port)");
            }
            host = s.substring(0, colon);
            port = s.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException(bad(text) + " (write an IPv6 address in brackets: [" + host
                        + "]:" + port + ")");
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException(bad(text) + " (no host)");
        }
        return new RtrCache(host, number(port, text, "port"), preference);
    }

    private static int number(String digits, String text, String what) {
        String d = digits.strip();
        if (d.isEmpty() || d.length() > 9 || !d.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(bad(text) + " (" + what + " \"" + d + "\" is not a number)");
        }
        return Integer.parseInt(d);
    }

    private static String bad(String text) {
        return "\"" + text + "\" is not HOST:PORT[,PREFERENCE]";
    }

    /** {@code host:port}, IPv6 addresses in brackets. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return address();
    }
}
