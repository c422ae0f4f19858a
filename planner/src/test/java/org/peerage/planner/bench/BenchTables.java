package org.peerage.planner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.peerage.bgp.wire.Prefix;
import org.peerage.planner.routing.RoutingTable;

/**
 * The benchmark table: the 512,621 real IPv4 prefix-to-origin pairs of RouteViews 2014
 * (../shared/data/misc/pyasn_ipasn_20140513.dat.gz) plus synthetic /20 to /24 prefixes drawn from their
 * neighbourhood up to 1,000,000 prefixes; paths are a transit AS (one of 8) then the origin.
 */
final class BenchTables {
    static final int SIZE = 1_000_000;
    static final int[] TRANSITS = {3356, 1299, 174, 2914, 6762, 6939, 3257, 6453};

    /** The table, and the prefixes it holds (address, length) for drawing addresses inside it. */
    record Table(RoutingTable routes, int[] addresses, int[] lengths) {
    }

    private BenchTables() {
    }

    static Path data() {
        return data("pyasn_ipasn_20140513.dat.gz");
    }

    static Path data(String name) {
        Path root = Path.of(System.getProperty("peerage.root", System.getProperty("user.dir") + "/.."))
                .toAbsolutePath().normalize();
        Path p = root.resolveSibling("shared").resolve("data/misc").resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("benchmark data " + p + " is missing (set -Dpeerage.root=REPO)");
        }
        return p;
    }

    static Table ipv4() throws IOException {
        RoutingTable.Builder b = new RoutingTable.Builder();
        int[] addresses = new int[SIZE];
        int[] lengths = new int[SIZE];
        int n = 0;
        Set<Long> seen = new HashSet<>();
        Random r = new Random(42);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(data())), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null && n < SIZE) {
                if (line.startsWith(";") || line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                Prefix p = Prefix.parse(line.substring(0, tab));
                int origin = (int) Long.parseLong(line.substring(tab + 1).trim());
                byte[] a = p.address();
                int v = ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
                if (seen.add(((long) v << 6) | p.length())) {
                    add(b, p, origin, r);
                    addresses[n] = v;
                    lengths[n++] = p.length();
                }
            }
        }
        int real = n;
        while (n < SIZE) {
            int base = addresses[r.nextInt(real)];
            int length = 20 + r.nextInt(5);
            int v = (base ^ (r.nextInt() >>> 12)) & (-1 << (32 - length));
            if (seen.add(((long) v << 6) | length)) {
                Prefix p = Prefix.parse((v >>> 24) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "."
                        + (v & 0xFF) + "/" + length);
                add(b, p, 64512 + r.nextInt(1000), r);
                addresses[n] = v;
                lengths[n++] = length;
            }
        }
        return new Table(b.build(), Arrays.copyOf(addresses, n), Arrays.copyOf(lengths, n));
    }

    private static void add(RoutingTable.Builder b, Prefix p, int origin, Random r) {
        int transit = TRANSITS[r.nextInt(TRANSITS.length)];
        b.add(p, b.asPaths().intern(new int[] {transit, origin}, transit + " " + origin));
    }

    /** The IPv6 table: the real IPv6 prefixes of RouteViews 2015 (pyasn_ipasn6_20151101.dat.gz). */
    record Table6(RoutingTable routes, long[] his, int[] lengths) {
    }

    static Table6 ipv6() throws IOException {
        RoutingTable.Builder b = new RoutingTable.Builder();
        java.util.List<long[]> prefixes = new java.util.ArrayList<>();
        Random r = new Random(43);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(data("pyasn_ipasn6_20151101.dat.gz"))), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.startsWith(";") || tab < 0 || line.indexOf(':') < 0) {
                    continue;
                }
                Prefix p = Prefix.parse(line.substring(0, tab));
                if (p.length() > 64 || b.contains(p)) {
                    continue;
                }
                add(b, p, (int) Long.parseLong(line.substring(tab + 1).trim()), r);
                byte[] a = p.address();
                long hi = 0;
                for (int i = 0; i < 8; i++) hi = (hi << 8) | (a[i] & 0xFF);
                prefixes.add(new long[] {hi, p.length()});
            }
        }
        long[] his = new long[prefixes.size()];
        int[] lengths = new int[prefixes.size()];
        for (int i = 0; i < his.length; i++) {
            his[i] = prefixes.get(i)[0];
            lengths[i] = (int) prefixes.get(i)[1];
        }
        return new Table6(b.build(), his, lengths);
    }

    /** The upper 64 bits of an address inside a random prefix of the IPv6 table. */
    static long inside(Table6 t, Random r) {
        int i = r.nextInt(t.his().length);
        int length = t.lengths()[i];
        return length == 64 ? t.his()[i] : t.his()[i] | (r.nextLong() >>> length);
    }

    /** An address inside a random prefix of the table. */
    static int inside(Table t, Random r) {
        return inside(t, r.nextInt(t.addresses().length), r);
    }

    /** An address inside prefix {@code i} of the table. */
    static int inside(Table t, int i, Random r) {
        int length = t.lengths()[i];
        int host = length == 32 ? 0 : r.nextInt() >>> length;
        return t.addresses()[i] | host;
    }
}
