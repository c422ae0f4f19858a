package org.peerage.planner.plan.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtSubtypes;
import org.peerage.bgp.mrt.MrtWriter;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.FlowFields;
import org.peerage.planner.attribution.AttributionRun;
import org.peerage.planner.attribution.Attributor;
import org.peerage.planner.attribution.LocalNetwork;
import org.peerage.planner.output.TrafficWriter;
import org.peerage.planner.plan.Progress;
import org.peerage.planner.routing.MrtRib;
import org.peerage.registry.ImportOutcome;
import org.peerage.registry.Registry;
import org.peerage.registry.RegistryImporter;
import org.peerage.registry.fixture.FixtureGenerator;
import org.peerage.registry.fixture.FixtureOptions;
import org.peerage.registry.fixture.FixtureResult;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.GeoPoint;
import org.peerage.registry.model.Membership;
import org.peerage.registry.store.RegistryDatabase;

/**
 * The whole chain on made-up inputs, for {@code peerage plan --demo}: a fixture registry (the registry's
 * generator), a routing table written as MRT (each destination network behind one of two transit providers),
 * flows with a daily cycle written and attributed by the traffic pipeline, and a plan file for a network with
 * PoPs in Frankfurt, Amsterdam and London. Writes everything into one directory; the same seed gives the same
 * files.
 */
public final class DemoChain {
    public static final long OUR_AS = 64500;
    static final long[] PROVIDERS = {3356, 1299};
    static final String[] PROVIDER_NAMES = {"Lumen", "Arelion"};
    static final long MIDDLE_AS = 174;
    /** 5-minute buckets per generated flow. */
    static final int SPAN = 6;

    public record Options(long seed, int days, int exchanges, int networks, int destinations) {
    }

    public static Options defaults() {
        return new Options(1, 30, 30, 400, 60);
    }

    private record Pop(String name, double lat, double lon, double share) {
    }

    private static final Pop[] POPS = {new Pop("fra", 50.1109, 8.6821, 0.5), new Pop("ams", 52.3676, 4.9041, 0.3),
            new Pop("lon", 51.5074, -0.1278, 0.2)};

    private DemoChain() {
    }

    /** Generates every input into {@code dir} and returns the plan file. */
    public static Path prepare(Path data, Path dir, Options o, Progress progress) throws IOException {
        Files.createDirectories(dir);
        progress.steps(5);
        progress.step("generating the fixture registry (" + o.exchanges() + " exchanges, " + o.networks()
                + " networks)");
        Path fx = dir.resolve("fixture");
        FixtureResult fr = FixtureGenerator.generate(data, fx, new FixtureOptions(o.seed(), o.exchanges(),
                o.networks(), false));
        Path db = dir.resolve("registry.duckdb");
        Files.deleteIfExists(db);
        try (RegistryDatabase w = RegistryDatabase.openForWriting(db)) {
            if (!(new RegistryImporter(w).importFile(fr.dump().toString()) instanceof ImportOutcome.Imported)) {
                throw new IOException("the generated " + fr.dump() + " did not import");
            }
        }
        progress.step("choosing exchanges, PoP facilities and destination networks");
        Random rnd = new Random(o.seed());
        List<Exchange> ixps;
        Map<Long, List<Membership>> byAsn = new HashMap<>();
        Map<Long, List<Facility>> exFacilities;
        Map<Long, List<Facility>> netFacilities;
        List<Membership> all;
        try (RegistryDatabase r = RegistryDatabase.openForReading(db)) {
            Registry reg = new Registry(r);
            all = reg.allMemberships();
            exFacilities = reg.facilitiesByExchange();
            netFacilities = reg.facilitiesByNetwork();
            Map<Long, Integer> members = new HashMap<>();
            Map<Long, Exchange> exchanges = new HashMap<>();
            for (Exchange e : reg.exchanges()) exchanges.put(e.id(), e);
            for (Membership m : all) {
                members.merge(m.exchangeId(), 1, Integer::sum);
                byAsn.computeIfAbsent(m.asn(), k -> new ArrayList<>()).add(m);
            }
            // The exchanges near our PoPs with the most members, and two big ones elsewhere.
            List<Exchange> near = new ArrayList<>();
            List<Exchange> far = new ArrayList<>();
            for (Exchange e : exchanges.values()) {
                GeoPoint at = centre(exFacilities.getOrDefault(e.id(), List.of()));
                if (at == null || members.getOrDefault(e.id(), 0) < 5) continue;
                (distanceToPops(at) < 60 ? near : far).add(e);
            }
            Comparator<Exchange> bySize = Comparator.comparing((Exchange e) -> -members.getOrDefault(e.id(), 0))
                    .thenComparingLong(Exchange::id);
            near.sort(bySize);
            far.sort(bySize);
            ixps = new ArrayList<>(near.subList(0, Math.min(6, near.size())));
            ixps.addAll(far.subList(0, Math.min(Math.max(2, 8 - ixps.size()), far.size())));
        }
        // Destinations: networks on the chosen exchanges (most of them) and some elsewhere, by AS number order
        // shuffled with the seed.
        java.util.Set<Long> chosenIx = new java.util.HashSet<>();
        for (Exchange e : ixps) chosenIx.add(e.id());
        List<Long> onIx = new ArrayList<>();
        List<Long> elsewhere = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(byAsn).entrySet()) {
            long asn = e.getKey();
            if (asn == OUR_AS || asn == PROVIDERS[0] || asn == PROVIDERS[1] || asn == MIDDLE_AS || asn > 4_000_000_000L)
                continue;
            (e.getValue().stream().anyMatch(m -> chosenIx.contains(m.exchangeId())) ? onIx : elsewhere).add(asn);
        }
        java.util.Collections.shuffle(onIx, rnd);
        java.util.Collections.shuffle(elsewhere, rnd);
        int nOn = Math.min(onIx.size(), o.destinations() * 4 / 5);
        List<Long> destinations = new ArrayList<>(onIx.subList(0, nOn));
        destinations.addAll(elsewhere.subList(0, Math.min(elsewhere.size(), o.destinations() - nOn)));

        progress.step("writing the routing table (MRT)");
        Path rib = dir.resolve("rib.mrt");
        writeRib(rib, destinations, rnd);

        progress.step("generating and attributing " + o.days() + " days of flows");
        Path trafficDir = dir.resolve("traffic");
        flows(rib, trafficDir, destinations, o, progress);

        progress.step("writing the plan file");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, planText(ixps, exFacilities, netFacilities));
        progress.done();
        return plan;
    }

    static GeoPoint centre(List<Facility> fs) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (Facility f : fs) {
            if (f.location().isPresent()) {
                lat += f.location().get().latitude();
                lon += f.location().get().longitude();
                n++;
            }
        }
        return n == 0 ? null : new GeoPoint(lat / n, lon / n);
    }

    static double distanceToPops(GeoPoint g) {
        double d = Double.POSITIVE_INFINITY;
        for (Pop p : POPS) d = Math.min(d, g.distanceKm(new GeoPoint(p.lat, p.lon)));
        return d;
    }

    static Prefix v4(int k) {
        return Prefix.parse(String.format(Locale.ROOT, "%d.%d.0.0/16", 11 + k / 256, k % 256));
    }

    static Prefix v6(int k) {
        return Prefix.parse(String.format(Locale.ROOT, "2a0%x:%x::/32", 1 + k / 65536 % 15, k % 65536));
    }

    private static void writeRib(Path file, List<Long> destinations, Random rnd) throws IOException {
        long t = 1_767_225_600L; // 2026-01-01
        byte[] nh4a = {(byte) 192, 0, 2, 1};
        byte[] nh4b = {(byte) 192, 0, 2, 2};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             MrtWriter w = new MrtWriter(out)) {
            w.write(t, new MrtEntry.PeerIndexTable(0xC0000264, "demo", List.of(
                    new MrtEntry.Peer(0xC0000201, nh4a, PROVIDERS[0], true),
                    new MrtEntry.Peer(0xC0000202, nh4b, PROVIDERS[1], true))));
            long seq = 0;
            for (int k = 0; k < destinations.size(); k++) {
                long origin = destinations.get(k);
                int via = rnd.nextInt(3) == 0 ? 1 : 0;
                for (boolean six : new boolean[] {false, true}) {
                    Prefix p = six ? v6(k) : v4(k);
                    List<MrtEntry.RibEntry> entries = new ArrayList<>();
                    for (int peer = 0; peer < 2; peer++) {
                        long[] path = peer == via ? new long[] {PROVIDERS[peer], origin}
                                : new long[] {PROVIDERS[peer], MIDDLE_AS, origin};
                        entries.add(new MrtEntry.RibEntry(peer, t - 3600, -1, attributes(path, six, peer == 0 ? nh4a
                                : nh4b), List.of()));
                    }
                    w.write(t, new MrtEntry.RibTable(six ? MrtSubtypes.RIB_IPV6_UNICAST : MrtSubtypes.RIB_IPV4_UNICAST,
                            seq++, six ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST, p, false, entries));
                }
            }
        }
    }

    private static List<PathAttribute> attributes(long[] path, boolean six, byte[] nh4) {
        if (!six) {
            return List.of(Origin.of(Origin.IGP), AsPath.of(List.of(AsPathSegment.sequence(path))),
                    NextHop.of(((nh4[0] & 0xFF) << 24) | ((nh4[1] & 0xFF) << 16) | ((nh4[2] & 0xFF) << 8)
                            | (nh4[3] & 0xFF)));
        }
        byte[] nh6 = new byte[16];
        nh6[0] = 0x20;
        nh6[1] = 0x01;
        nh6[2] = 0x0d;
        nh6[3] = (byte) 0xb8;
        nh6[15] = nh4[3];
        return List.of(Origin.of(Origin.IGP), AsPath.of(List.of(AsPathSegment.sequence(path))),
                new MpReachNlri(MpReachNlri.of(AddressFamily.IPV6_UNICAST, nh6, List.of()).flags(),
                        AddressFamily.IPV6_UNICAST, nh6, 0, List.of(), null, true));
    }

    /** Flows: per destination a daily cycle, Zipf-sized, with noise and short bursts; a share over IPv6. */
    private static void flows(Path rib, Path out, List<Long> destinations, Options o, Progress progress)
            throws IOException {
        MrtRib.Loaded loaded = MrtRib.load(rib.toString(), null);
        LocalNetwork mine = LocalNetwork.of(List.of(OUR_AS), List.of(Prefix.parse("198.51.100.0/24"),
                Prefix.parse("2001:db8::/32")));
        Attributor attributor = Attributor.of(loaded.routes(), mine);
        Random rnd = new Random(o.seed() * 31 + 7);
        int n = destinations.size();
        double[] peak = new double[n];
        double[] v6 = new double[n];
        double[] inShare = new double[n];
        double[] phase = new double[n];
        // Zipf: the largest destination peaks at 9 Gbps outbound.
        for (int k = 0; k < n; k++) {
            peak[k] = 9000.0 / Math.pow(k + 1, 0.85);
            v6[k] = rnd.nextDouble() < 0.7 ? 0.1 + 0.4 * rnd.nextDouble() : 0;
            inShare[k] = 0.1 + 0.4 * rnd.nextDouble();
            phase[k] = rnd.nextGaussian() * 1.5;
        }
        long start = 1_767_225_600_000L; // 2026-01-01T00:00Z
        int buckets = o.days() * 288;
        int rate = 1000;
        try (TrafficWriter writer = new TrafficWriter(out, TrafficWriter.Format.PARQUET, attributor, rate)) {
            AttributionRun run = new AttributionRun(attributor, mine, rate, writer);
            FlowBatch batch = new FlowBatch(new Exporters(), 1 << 16);
            FlowFields f = new FlowFields();
            int exporter = batch.exporters().intern(new byte[] {(byte) 192, 0, 2, 100});
            // One flow per destination, family and direction every 30 minutes, spread by the attribution over its
            // six 5-minute buckets (a sixth of the records 5-minute flows would need, for a similar series shape).
            for (int b = 0; b < buckets; b += SPAN) {
                long t0 = start + b * 300_000L;
                double hour = (b % 288) / 12.0;
                boolean weekend = (b / 288) % 7 >= 5;
                for (int k = 0; k < n; k++) {
                    double daily = 0.55 + 0.45 * Math.sin(2 * Math.PI * (hour - 14 - phase[k] + 6) / 24);
                    double mbps = peak[k] * daily * (weekend ? 0.85 : 1) * (0.9 + 0.2 * rnd.nextDouble());
                    if (rnd.nextInt(70) == 0) mbps *= 2.5; // a short burst: P95 drops it, the maximum keeps it
                    for (int fam = 0; fam < 2; fam++) {
                        double share = fam == 0 ? 1 - v6[k] : v6[k];
                        if (share <= 0) continue;
                        for (int dir = 0; dir < 2; dir++) {
                            double m = mbps * share * (dir == 0 ? 1 : inShare[k]);
                            long bytes = (long) (m * 1e6 * 300 * SPAN / 8 / rate);
                            if (bytes <= 0) continue;
                            f.clear();
                            f.startMillis = t0;
                            f.endMillis = t0 + 300_000L * SPAN - 1;
                            if (fam == 0) {
                                int remote = addressV4(k, rnd);
                                int local = 0xC6336400 | (1 + rnd.nextInt(250));
                                if (dir == 0) {
                                    f.srcIpv4(local);
                                    f.dstIpv4(remote);
                                } else {
                                    f.srcIpv4(remote);
                                    f.dstIpv4(local);
                                }
                            } else {
                                long[] remote = addressV6(k, rnd);
                                long localHi = 0x20010db800000000L | rnd.nextInt(256);
                                if (dir == 0) {
                                    f.srcIpv6(localHi, 1);
                                    f.dstIpv6(remote[0], remote[1]);
                                } else {
                                    f.srcIpv6(remote[0], remote[1]);
                                    f.dstIpv6(localHi, 1);
                                }
                            }
                            f.protocol = 6;
                            f.srcPort = dir == 0 ? 443 : 1024 + rnd.nextInt(60000);
                            f.dstPort = dir == 0 ? 1024 + rnd.nextInt(60000) : 443;
                            f.bytes = bytes;
                            f.packets = Math.max(1, bytes / 1200);
                            f.samplingRate = rate;
                            f.exporter = exporter;
                            batch.append(f);
                        }
                    }
                }
                if (batch.size() >= 60_000 || b + SPAN >= buckets) {
                    run.accept(batch);
                    batch.clear();
                    progress.percent(b * 100 / buckets);
                }
            }
            run.finish();
        }
    }

    private static int addressV4(int k, Random rnd) {
        return ((11 + k / 256) << 24) | ((k % 256) << 16) | rnd.nextInt(65536);
    }

    private static long[] addressV6(int k, Random rnd) {
        long hi = ((0x2a00L | (1 + k / 65536 % 15)) << 48) | ((long) (k % 65536) << 32) | rnd.nextInt(1 << 16);
        return new long[] {hi, rnd.nextLong() & 0x7FFF_FFFF_FFFF_FFFFL | 1};
    }

    private static String planText(List<Exchange> ixps, Map<Long, List<Facility>> exFacilities,
                                   Map<Long, List<Facility>> netFacilities) {
        // Facilities most networks list near each PoP: where we would be colocated.
        Map<Long, Integer> popularity = new HashMap<>();
        Map<Long, Facility> facilities = new HashMap<>();
        netFacilities.values().forEach(fs -> fs.forEach(f -> {
            popularity.merge(f.id(), 1, Integer::sum);
            facilities.put(f.id(), f);
        }));
        StringBuilder s = new StringBuilder();
        s.append("# A demo plan written by `peerage plan --demo` (docs/plan.md explains every key).\n");
        s.append("asn: ").append(OUR_AS).append("\nname: Demo Networks\ncurrency: USD\n\npops:\n");
        for (Pop p : POPS) {
            GeoPoint at = new GeoPoint(p.lat, p.lon);
            Facility best = facilities.values().stream().filter(f -> f.location().isPresent()
                            && f.location().get().distanceKm(at) < 40)
                    .max(Comparator.comparing((Facility f) -> popularity.getOrDefault(f.id(), 0))
                            .thenComparingLong(f -> -f.id())).orElse(null);
            s.append(String.format(Locale.ROOT, "  - name: %s\n    latitude: %.4f\n    longitude: %.4f\n"
                    + "    traffic_share: %.2f\n", p.name, p.lat, p.lon, p.share));
            if (best != null) {
                s.append("    facilities: [").append(best.id()).append("]   # ").append(best.name()).append('\n');
            }
        }
        s.append("\ntransit:\n");
        s.append("  - name: ").append(PROVIDER_NAMES[0]).append("\n    asn: ").append(PROVIDERS[0])
                .append("\n    price_per_mbps: 0.90\n    commit_mbps: 5000\n");
        s.append("  - name: ").append(PROVIDER_NAMES[1]).append("\n    asn: ").append(PROVIDERS[1])
                .append("\n    price_per_mbps: 0.80\n    commit_mbps: 2000\n    burst_price_per_mbps: 1.10\n"
                        + "    measure: max-of-p95\n");
        s.append("\nixps:\n");
        List<String> names = new ArrayList<>();
        for (Exchange e : ixps) {
            GeoPoint at = centre(exFacilities.getOrDefault(e.id(), List.of()));
            double d = at == null ? 10_000 : distanceToPops(at);
            // Transport as the reference doc's DE-CIX 2010 figures: local / nearby / far.
            int transport = d < 60 ? 500 : d < 1500 ? 4000 : 6000;
            String name = e.name().replace("\"", "");
            names.add(name);
            s.append("  - name: \"").append(name).append("\"\n    registry_id: ").append(e.id())
                    .append("\n    port_mbps: 10000\n    port_monthly: 2000\n    colocation_monthly: ")
                    .append(d < 60 ? 0 : 1000).append("\n    cross_connect_monthly: 300\n    transport_monthly: ")
                    .append(transport).append("\n    equipment_monthly: 400\n    session_monthly: 20\n"
                            + "    route_server: true\n");
        }
        s.append("\nremote_peering:\n  - reseller: Demo Reach\n    monthly: 700\n    per_mbps: 0.45\n"
                + "    port_mbps: 10000\n    ixps:\n");
        for (String n : names) s.append("      - \"").append(n).append("\"\n");
        s.append("\nprivate_interconnect:\n  cross_connect_monthly: 300\n  port_monthly: 500\n  port_mbps: 10000\n"
                + "  share: 0.5\n");
        s.append("\ninputs:\n  traffic: traffic\n  routing_table: rib.mrt\n  registry: registry.duckdb\n");
        s.append("\nsettings:\n  port_utilisation: 0.75\n  policies: [open, selective, unknown]\n"
                + "  top_candidates: 15\n  exact_limit: 30\n");
        return s.toString();
    }
}
