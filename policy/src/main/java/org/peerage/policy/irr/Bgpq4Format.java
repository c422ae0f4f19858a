package org.peerage.policy.irr;

import java.util.List;

/**
 * Prefix lists and AS lists written exactly as bgpq4 (1.x) writes them, so that tooling built around bgpq4 can take
 * peerage's output unchanged.
 */
public enum Bgpq4Format {
    /** Cisco IOS prefix-list, bgpq4's default. */
    CISCO,
    /** bgpq4 -j. */
    JSON,
    /** bgpq4 -b. */
    BIRD;

    /** bgpq4 breaks AS lists after this many numbers. */
    private static final int AS_WIDTH = 8;

    /** The prefix list for one family's entries (from {@link Bgpq4Tree#entries}); empty lists as bgpq4 writes them. */
    public String prefixList(String name, boolean ipv6, List<Bgpq4Tree.Entry> entries) {
        StringBuilder sb = new StringBuilder();
        switch (this) {
            case CISCO -> {
                String kind = ipv6 ? "ipv6" : "ip";
                sb.append("no ").append(kind).append(" prefix-list ").append(name).append('\n');
                if (entries.isEmpty()) {
                    sb.append("! generated prefix-list ").append(name).append(" is empty\n");
                    sb.append(kind).append(" prefix-list ").append(name).append(" deny ")
                            .append(ipv6 ? "::/0" : "0.0.0.0/0").append('\n');
                }
                for (Bgpq4Tree.Entry e : entries) {
                    sb.append(kind).append(" prefix-list ").append(name).append(" permit ").append(e.prefix());
                    if (e.aggregate()) {
                        if (e.low() > e.prefix().length()) {
                            sb.append(" ge ").append(e.low());
                        }
                        sb.append(" le ").append(e.high());
                    }
                    sb.append('\n');
                }
            }
            case JSON -> {
                sb.append("{ \"").append(name).append("\": [");
                boolean comma = false;
                for (Bgpq4Tree.Entry e : entries) {
                    sb.append(comma ? "," : "").append("\n    { \"prefix\": \"")
                            .append(e.prefix().toString().replace("/", "\\/")).append("\", \"exact\": ");
                    if (!e.aggregate()) {
                        sb.append("true }");
                    } else if (e.low() > e.prefix().length()) {
                        sb.append("false,\n      \"greater-equal\": ").append(e.low()).append(", \"less-equal\": ")
                                .append(e.high()).append(" }");
                    } else {
                        sb.append("false, \"less-equal\": ").append(e.high()).append(" }");
                    }
                    comma = true;
                }
                sb.append("\n] }\n");
            }
            case BIRD -> {
                if (entries.isEmpty()) {
                    return ""; // bgpq4 prints nothing for an empty BIRD list
                }
                sb.append(name).append(" = [");
                boolean comma = false;
                for (Bgpq4Tree.Entry e : entries) {
                    sb.append(comma ? "," : "").append("\n    ").append(e.prefix());
                    if (e.aggregate()) {
                        sb.append('{').append(Math.max(e.low(), e.prefix().length())).append(',').append(e.high())
                                .append('}');
                    }
                    comma = true;
                }
                sb.append("\n];\n");
            }
        }
        return sb.toString();
    }

    /**
     * The AS numbers: for JSON and BIRD as bgpq4 -t writes them (eight to a line); for CISCO, which bgpq4 has no
     * AS list for, one "AS123" per line.
     */
    public String asList(String name, long[] asns) {
        StringBuilder sb = new StringBuilder();
        switch (this) {
            case CISCO -> {
                for (long asn : asns) {
                    sb.append("AS").append(asn).append('\n');
                }
            }
            case JSON -> {
                sb.append("{\"").append(name).append("\": [");
                for (int i = 0; i < asns.length; i++) {
                    sb.append(i > 0 ? "," : "");
                    if (i % AS_WIDTH == 0) {
                        sb.append("\n  ");
                    }
                    sb.append(asns[i]);
                }
                sb.append("\n]}\n");
            }
            case BIRD -> {
                sb.append(name).append(" = [");
                if (asns.length == 0) {
                    return sb.append("];\n").toString();
                }
                for (int i = 0; i < asns.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(i % AS_WIDTH == 0 ? "\n    " : " ").append(asns[i]);
                }
                sb.append("\n];\n");
            }
        }
        return sb.toString();
    }
}
