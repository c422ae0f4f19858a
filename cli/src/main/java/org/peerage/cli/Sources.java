package org.peerage.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where a row comes from, shortly: "peeringdb", "ixf", "peeringdb+ixf". */
final class Sources {
    private Sources() {
    }

    static String shortly(List<String> sources) {
        Set<String> kinds = new LinkedHashSet<>();
        for (String s : sources) {
            kinds.add(s.startsWith("ixf:") ? "ixf" : s);
        }
        return String.join("+", kinds);
    }
}
