package org.peerage.planner.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtSubtypes;
import org.peerage.bgp.mrt.MrtWriter;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.planner.asrel.AsRelFiles;
import org.peerage.planner.asrel.AsRelationships;
import org.peerage.planner.asrel.Relationship;

/**
 * Writes a full-table TABLE_DUMP_V2 RIB with many peers for the asrel benchmark: the 512,621 real prefix to origin
 * pairs of RouteViews 2014 (../shared/data/misc/pyasn_ipasn_20140513.dat.gz), every one seen by every peer through a
 * synthetic valley-free hierarchy (12 Tier-1s, 3,000 regional providers, the real origins below, a third of them
 * multihomed). Usage: SyntheticRib OUT.gz [PEERS]; SyntheticRib --check AS-REL.txt compares an inference with the
 * hierarchy.
 */
public final class SyntheticRib {
    static final long[] TIER1 = {174, 209, 286, 701, 1239, 1299, 2914, 3257, 3356, 6453, 6762, 7018};
    static final int REGIONALS = 3000;

    private SyntheticRib() {
    }

    static long mix(long x) {
        x *= 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 32);
    }

    static long regional(int i) {
        return 200_000 + i;
    }

    /** A regional's Tier-1 provider (k = 0 or 1: regionals have two). */
    static long tier1Of(long regional, int k) {
        return TIER1[(int) Math.floorMod(mix(regional * 2 + k), TIER1.length)];
    }

    /** An origin's provider k (0 or 1; a third of origins are multihomed, a tenth buy from a Tier-1). */
    static long providerOf(long origin, int k) {
        long h = mix(origin * 7 + k);
        if (Math.floorMod(mix(origin), 10) == 0) return TIER1[(int) Math.floorMod(h, TIER1.length)];
        return regional((int) Math.floorMod(h, REGIONALS));
    }

    static boolean multihomed(long origin) {
        return Math.floorMod(mix(origin + 1), 3) == 0;
    }

    static boolean isTier1(long as) {
        for (long t : TIER1) if (t == as) return true;
        return false;
    }

    /** The valley-free path from a vantage point to an origin; the VP picks among equal routes by hash. */
    static long[] path(long vp, long origin, long prefixSalt) {
        if (vp == origin) return new long[] {vp};
        int pick = multihomed(origin) ? (int) Math.floorMod(mix(vp ^ prefixSalt), 2) : 0;
        long p = providerOf(origin, pick);
        List<Long> up = new ArrayList<>(); // from the origin up to a Tier-1
        up.add(origin);
        up.add(p);
        if (!isTier1(p)) up.add(tier1Of(p, (int) Math.floorMod(mix(vp + prefixSalt), 2)));
        List<Long> down = new ArrayList<>(); // from the VP up to a Tier-1
        down.add(vp);
        if (!isTier1(vp)) {
            long vpProvider = vp >= 200_000 ? tier1Of(vp, 0) : providerOf(vp, 0);
            down.add(vpProvider);
            if (!isTier1(vpProvider)) down.add(tier1Of(vpProvider, 0));
        }
        // Up from the VP until the origin's chain is met (then down it), else across the Tier-1 peering.
        List<Long> out = new ArrayList<>();
        for (long as : down) {
            int meet = up.indexOf(as);
            if (meet >= 0) {
                for (int i = meet; i >= 0; i--) out.add(up.get(i));
                return out.stream().mapToLong(Long::longValue).toArray();
            }
            out.add(as);
        }
        for (int i = up.size() - 1; i >= 0; i--) out.add(up.get(i));
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** The true relationship of a to b in the synthetic hierarchy (origins are everything below the regionals). */
    static Relationship truth(long a, long b) {
        if (isTier1(a) && isTier1(b)) return Relationship.P2P;
        if (providerOfAs(a, b)) return Relationship.P2C;
        if (providerOfAs(b, a)) return Relationship.C2P;
        return Relationship.NONE;
    }

    private static boolean providerOfAs(long p, long c) {
        if (isTier1(c)) return false;
        if (c >= 200_000 && c < 200_000 + REGIONALS) return tier1Of(c, 0) == p || tier1Of(c, 1) == p;
        return providerOf(c, 0) == p || (multihomed(c) && providerOf(c, 1) == p);
    }

    /** Compares an inferred serial-1 file with the hierarchy: prints the share of links inferred right. */
    static void check(Path relFile) throws Exception {
        AsRelationships rels;
        try (var in = Files.newBufferedReader(relFile)) {
            rels = AsRelFiles.read(in);
        }
        long right = 0;
        long wrong = 0;
        long notInHierarchy = 0;
        for (int i = 0; i < rels.size(); i++) {
            Relationship t = truth(rels.first(i), rels.second(i));
            if (t == Relationship.NONE) {
                notInHierarchy++;
            } else if (t == rels.relationship(i)) {
                right++;
            } else {
                wrong++;
            }
        }
        System.out.printf("synthetic truth: %d links right, %d wrong (%.2f%% right), %d not in the hierarchy%n",
                right, wrong, 100.0 * right / Math.max(1, right + wrong), notInHierarchy);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--check")) {
            check(Path.of(args[1]));
            return;
        }
        Path outFile = Path.of(args[0]);
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<Prefix> prefixes = new ArrayList<>();
        List<Long> origins = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(BenchTables.data())), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(";") || line.isBlank()) continue;
                int tab = line.indexOf('\t');
                long origin = Long.parseLong(line.substring(tab + 1).trim().split("[_,\\s]")[0]);
                if (origin == 0 || origin == 23456 || (origin >= 64496 && origin <= 131071)) continue;
                // The synthetic hierarchy's own ASes are not origins (a Tier-1 must not get a provider).
                if (isTier1(origin) || (origin >= 200_000 && origin < 200_000 + REGIONALS)) continue;
                prefixes.add(Prefix.parse(line.substring(0, tab)));
                origins.add(origin);
            }
        }
        // Vantage points: a third Tier-1s, a third regionals, a third origins.
        List<Long> vps = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            vps.add(switch (i % 3) {
                case 0 -> TIER1[(i / 3) % TIER1.length];
                case 1 -> regional((int) Math.floorMod(mix(i), REGIONALS));
                default -> origins.get((int) Math.floorMod(mix(i), origins.size()));
            });
        }
        List<MrtEntry.Peer> peerTable = new ArrayList<>();
        for (int i = 0; i < vps.size(); i++) {
            peerTable.add(new MrtEntry.Peer(0x0A000000 + i, new byte[] {10, 0, (byte) (i >> 8), (byte) i},
                    vps.get(i)));
        }
        long t = 1_400_000_000L;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(outFile), 1 << 16);
             MrtWriter w = new MrtWriter(out)) {
            w.write(t, new MrtEntry.PeerIndexTable(0x0A0000FE, "synthetic", peerTable));
            for (int i = 0; i < prefixes.size(); i++) {
                List<MrtEntry.RibEntry> entries = new ArrayList<>(vps.size());
                for (int v = 0; v < vps.size(); v++) {
                    long[] path = path(vps.get(v), origins.get(i), i >>> 4);
                    List<PathAttribute> attrs = List.of(Origin.of(Origin.IGP),
                            AsPath.of(List.of(AsPathSegment.sequence(path))), NextHop.of(0x0A000000 + v));
                    entries.add(new MrtEntry.RibEntry(v, t - 3600, -1, attrs, List.of()));
                }
                w.write(t, new MrtEntry.RibTable(MrtSubtypes.RIB_IPV4_UNICAST, i, AddressFamily.IPV4_UNICAST,
                        prefixes.get(i), false, entries));
            }
        }
        System.out.println(prefixes.size() + " prefixes x " + vps.size() + " peers written to " + outFile);
    }
}
