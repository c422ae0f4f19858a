package org.peerage.cli;

/** AS numbers as operators write them: 3333, AS3333, as3333. */
final class Asn {
    private Asn() {
    }

    static long parse(String text) {
        String digits = text.regionMatches(true, 0, "AS", 0, 2) ? text.substring(2) : text;
        try {
            long asn = Long.parseLong(digits);
            if (asn >= 0 && asn <= 0xFFFF_FFFFL) {
                return asn;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not an AS number: " + text);
    }
}
