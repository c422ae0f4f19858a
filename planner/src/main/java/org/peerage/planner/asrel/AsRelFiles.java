package org.peerage.planner.asrel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CAIDA's AS relationship file formats. serial-1: {@code <provider-as>|<customer-as>|-1} and
 * {@code <peer-as>|<peer-as>|0}; serial-2 adds a fourth column, the source of the inference (e.g. {@code bgp}).
 * Lines starting with # are comments; {@code # inferred clique: AS AS ...} names the clique. ppdc-ases (customer
 * cones): {@code <cone-as> <customer-1-as> ... <customer-N-as>}, one line per AS.
 */
public final class AsRelFiles {
    public static final String CLIQUE_COMMENT = "# inferred clique:";

    private AsRelFiles() {
    }

    /**
     * Writes serial-1 (with {@code withSource} false) or serial-2. Lines are ordered by the first AS written, then
     * the second: a p2c link is written provider first, a p2p link lower AS first. {@code header} lines are written
     * as comments before the clique line.
     */
    public static void write(AsRelationships rels, Writer out, boolean withSource, List<String> header)
            throws IOException {
        for (String h : header) {
            out.write(h.startsWith("#") ? h : "# " + h);
            out.write('\n');
        }
        long[] clique = rels.clique();
        if (clique.length > 0) {
            StringBuilder sb = new StringBuilder(CLIQUE_COMMENT);
            for (long a : clique) sb.append(' ').append(a);
            out.write(sb.append('\n').toString());
        }
        int n = rels.size();
        long[][] lines = new long[n][];
        for (int i = 0; i < n; i++) {
            long a = rels.first(i);
            long b = rels.second(i);
            Relationship r = rels.relationship(i);
            lines[i] = r == Relationship.C2P ? new long[] {b, a, -1, i} : new long[] {a, b, r == Relationship.P2C ? -1 : 0, i};
        }
        Arrays.sort(lines, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        StringBuilder sb = new StringBuilder(64);
        for (long[] l : lines) {
            sb.setLength(0);
            sb.append(l[0]).append('|').append(l[1]).append('|').append(l[2]);
            if (withSource) {
                String s = rels.source((int) l[3]);
                sb.append('|').append(s == null ? "bgp" : s);
            }
            out.write(sb.append('\n').toString());
        }
    }

    /** Reads serial-1 or serial-2 (a line may have three or four fields). */
    public static AsRelationships read(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        AsRelationships.Builder b = new AsRelationships.Builder();
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                if (line.startsWith(CLIQUE_COMMENT)) {
                    String rest = line.substring(CLIQUE_COMMENT.length()).strip();
                    b.clique(rest.isEmpty() ? new long[0]
                            : Arrays.stream(rest.split("\\s+")).mapToLong(s -> asn(s, -1)).toArray());
                }
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 3 && f.length != 4) {
                throw new IllegalArgumentException("line " + number + ": expected a|b|rel or a|b|rel|source: " + line);
            }
            long a = asn(f[0], number);
            long c = asn(f[1], number);
            Relationship rel = switch (f[2].strip()) {
                case "-1" -> Relationship.P2C;
                case "0" -> Relationship.P2P;
                default -> throw new IllegalArgumentException("line " + number + ": relationship " + f[2]
                        + " is neither -1 (p2c) nor 0 (p2p)");
            };
            try {
                b.add(a, c, rel, 0, f.length == 4 ? f[3].strip() : null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("conflicting lines: " + e.getMessage());
        }
    }

    /** Writes a ppdc-ases file: every cone AS, ascending, followed by its members, ascending. */
    public static void writeCones(CustomerCones cones, Writer out, List<String> header) throws IOException {
        for (String h : header) {
            out.write(h.startsWith("#") ? h : "# " + h);
            out.write('\n');
        }
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < cones.count(); i++) {
            long a = cones.coneAs(i);
            sb.setLength(0);
            sb.append(a);
            for (long m : cones.members(a)) sb.append(' ').append(m);
            out.write(sb.append('\n').toString());
        }
    }

    /** Reads a ppdc-ases file (a cone AS repeated among its own members is accepted). */
    public static CustomerCones readCones(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Map<Long, long[]> cones = new HashMap<>();
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            long cone = asn(f[0], number);
            long[] members = new long[f.length - 1];
            for (int i = 1; i < f.length; i++) members[i - 1] = asn(f[i], number);
            if (cones.put(cone, members) != null) {
                throw new IllegalArgumentException("line " + number + ": a second cone for AS" + cone);
            }
        }
        return CustomerCones.of(cones);
    }

    private static long asn(String s, int line) {
        try {
            long a = Long.parseLong(s.strip());
            AsRelationships.checkAsn(a);
            return a;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + "not an AS number: " + s);
        }
    }
}
