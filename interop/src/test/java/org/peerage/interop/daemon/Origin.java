package org.peerage.interop.daemon;

import java.util.Locale;

/** ORIGIN path attribute (RFC 4271 §5.1.1). */
public enum Origin {
    IGP, EGP, INCOMPLETE;

    /** Accepts "igp"/"i"/"0", "egp"/"e"/"1", "incomplete"/"?"/"2", any case. */
    public static Origin parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "igp", "i", "0" -> IGP;
            case "egp", "e", "1" -> EGP;
            case "incomplete", "?", "2" -> INCOMPLETE;
            default -> throw new IllegalArgumentException("not an ORIGIN: " + text);
        };
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
