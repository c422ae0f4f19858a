package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.CollectorStats;
import org.peerage.flow.collect.FlowCollector;
import org.peerage.flow.collect.PcapReplay;
import org.peerage.flow.pcap.PcapReader;
import org.peerage.flow.store.FlowFiles;
import org.peerage.planner.attribution.AttributionRun;
import org.peerage.planner.attribution.Attributor;
import org.peerage.planner.attribution.LocalNetwork;
import org.peerage.planner.attribution.TrafficAggregate;
import org.peerage.planner.attribution.TrafficSeries;
import org.peerage.planner.output.TrafficWriter;
import org.peerage.planner.routing.BgpRib;
import org.peerage.planner.routing.MrtRib;
import org.peerage.planner.routing.RoutingTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage traffic attribute}: flows matched to routes, aggregated into 5-minute series and P95. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = {"Match every flow's addresses to a routing table (longest prefix, IPv4 and IPv6), giving its "
                + "direction, AS path, next-hop AS and origin AS; scale by the sampling rate; aggregate into "
                + "5-minute series per (direction, next-hop AS, origin AS), per candidate network and per direction; "
                + "compute each series' P95. Writes flows, series and p95 to --out (see docs/traffic.md)."})
final class TrafficAttributeCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--flows", paramLabel = "FILE",
                description = "Flow records as 'peerage flow collect --out' writes them (.csv or .parquet); repeatable.")
        List<Path> flows = new ArrayList<>();

        @Option(names = "--pcap", paramLabel = "FILE",
                description = "Captures of NetFlow/IPFIX/sFlow export datagrams; repeatable.")
        List<String> pcaps = new ArrayList<>();
    }

    static final class Routing {
        @Option(names = "--mrt", paramLabel = "FILE", required = true,
                description = "MRT file: a TABLE_DUMP_V2 or TABLE_DUMP RIB dump, or BGP4MP updates replayed.")
        String mrt;

        @Option(names = "--bgp", paramLabel = "ADDR:PORT", required = true,
                description = "Take the table from a live BGP session with this router (until its End-of-RIB).")
        String bgp;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    Input input;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Routing routing;

    @Option(names = "--mrt-peer", paramLabel = "INDEX|ASN",
            description = "With --mrt: only this collector peer's routes (an index, AS, address, index:N or as:N). "
                    + "Default: the best route per prefix (shortest AS path) of a RIB dump, the first-seen "
                    + "announcement of updates.")
    String mrtPeer;

    @Option(names = "--bgp-local-as", paramLabel = "ASN", description = "With --bgp: our AS on the session.")
    Long bgpLocalAs;

    @Option(names = "--bgp-peer-as", paramLabel = "ASN", description = "With --bgp: the router's AS (0: any).")
    long bgpPeerAs;

    @Option(names = "--router-id", paramLabel = "A.B.C.D", defaultValue = "192.0.2.1",
            description = "With --bgp: our BGP identifier (${DEFAULT-VALUE}).")
    String routerId;

    @Option(names = "--bgp-local-address", paramLabel = "ADDR", description = "With --bgp: address to connect from.")
    String bgpLocalAddress;

    @Option(names = "--bgp-passive", description = "With --bgp: wait for the router (the --bgp address) to connect "
            + "to --bgp-local-address, on the --bgp address's port.")
    boolean bgpPassive;

    @Option(names = "--bgp-md5", paramLabel = "SECRET", description = "With --bgp: TCP MD5 password.")
    String bgpMd5;

    @Option(names = "--bgp-timeout", paramLabel = "DURATION", defaultValue = "300s",
            description = "With --bgp: how long to wait for End-of-RIB (${DEFAULT-VALUE}).")
    String bgpTimeout;

    @Option(names = "--local-as", paramLabel = "ASN", description = "Our AS number (repeatable): routes it "
            + "originates are local.")
    List<Long> localAs = new ArrayList<>();

    @Option(names = "--local-prefix", paramLabel = "PREFIX", description = "One of our prefixes (repeatable).")
    List<String> localPrefixes = new ArrayList<>();

    @Option(names = "--default-sampling-rate", paramLabel = "N", defaultValue = "1",
            description = "Sampling rate of records whose exporter announced none (${DEFAULT-VALUE}).")
    int defaultRate;

    @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
            description = "Output format (${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads attributing each batch of flows (default: the number of processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for flows, series, p95.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        TrafficWriter.Format fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "parquet" -> TrafficWriter.Format.PARQUET;
            case "csv" -> TrafficWriter.Format.CSV;
            default -> throw new IllegalArgumentException("--format " + format + ": expected parquet or csv");
        };
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new IllegalArgumentException("--threads " + workers + ": must be 1 or more");
        }
        if (defaultRate < 1) {
            throw new IllegalArgumentException("--default-sampling-rate " + defaultRate + ": must be 1 or more");
        }
        if (localAs.isEmpty() && localPrefixes.isEmpty()) {
            err.println("peerage traffic attribute: no --local-as or --local-prefix given: every flow counts as "
                    + "outbound (attributed to its destination)");
        }
        List<Prefix> prefixes = new ArrayList<>();
        for (String p : localPrefixes) {
            try {
                prefixes.add(Prefix.parse(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--local-prefix " + p + ": " + e.getMessage());
            }
        }
        LocalNetwork mine = LocalNetwork.of(localAs, prefixes);
        long t0 = System.nanoTime();
        RoutingTable.Builder routes = loadRoutes(err);
        Attributor attributor = Attributor.of(routes, mine);
        err.printf("peerage traffic attribute: %d routes, %d AS paths (%.1f s)%n", attributor.table().size(),
                attributor.table().asPaths().count(), (System.nanoTime() - t0) / 1e9);
        boolean damaged = false;
        try (TrafficWriter writer = new TrafficWriter(out, fmt, attributor, defaultRate)) {
            AttributionRun run = new AttributionRun(attributor, mine, defaultRate, writer, workers);
            for (Path f : input.flows) {
                FlowFiles.stream(f, new FlowBatch(new Exporters(), 1 << 16), 1 << 16, run);
            }
            if (!input.pcaps.isEmpty()) {
                FlowCollector collector = new FlowCollector(new Exporters(), run, line -> err.println(
                        "peerage traffic attribute: " + line));
                for (String pcap : input.pcaps) {
                    try (PcapReader reader = PcapReader.open(pcap)) {
                        PcapReplay.replay(reader, collector, 0);
                    } catch (org.peerage.flow.pcap.PcapException e) {
                        collector.flush();
                        damaged = true;
                        err.println("peerage traffic attribute: " + pcap + ": " + e.getMessage()
                                + " (flows before it kept)");
                    }
                }
                CollectorStats stats = collector.stats();
                stats.print(err);
            }
            TrafficSeries series = run.finish();
            summary(err, run.aggregate(), series);
        }
        return damaged ? 1 : 0;
    }

    private RoutingTable.Builder loadRoutes(PrintStream err) throws Exception {
        if (routing.mrt != null) {
            MrtRib.Loaded loaded = MrtRib.load(routing.mrt, mrtPeer);
            if (loaded.damage() != null) {
                err.println("peerage traffic attribute: " + routing.mrt + ": " + loaded.damage().getMessage()
                        + " (using the " + loaded.routes().size() + " routes read before it)");
            }
            return loaded.routes();
        }
        if (bgpLocalAs == null) {
            throw new IllegalArgumentException("--bgp needs --bgp-local-as");
        }
        var remote = Addresses.socket(routing.bgp, "--bgp");
        InetAddress local = bgpLocalAddress == null ? null : InetAddress.getByAddress(
                InetText.parseAddress(bgpLocalAddress));
        if (bgpPassive && local == null) {
            throw new IllegalArgumentException("--bgp-passive needs --bgp-local-address to listen on");
        }
        BgpRib.Session session = new BgpRib.Session(remote, bgpPeerAs, bgpLocalAs,
                Addresses.ipv4(routerId, "--router-id"), local, bgpPassive, remote.getPort(), bgpMd5);
        return BgpRib.load(session, Durations.parse(bgpTimeout, "--bgp-timeout"));
    }

    private void summary(PrintStream err, TrafficAggregate a, TrafficSeries s) throws IOException {
        err.printf("peerage traffic attribute: %d flow records, %d without a route for their remote end, %d without "
                        + "a sampling rate (counted at %d); %d series over %d 5-minute samples; written to %s%n",
                a.records(), a.unrouted(), a.withoutRate(), Math.max(1, defaultRate), s.keys().size(), s.samples(),
                out);
        List<TrafficSeries.Percentile> p = new ArrayList<>(s.percentiles());
        for (TrafficSeries.Percentile t : p) {
            if (t.key().kind() == TrafficSeries.Kind.TOTAL) {
                err.printf("  %-3s total: P95 %s, max %s, mean %s%n", t.key().direction() == Attributor.IN ? "in"
                        : "out", rate(t.p95Bps()), rate(t.maxBps()), rate(t.meanBps()));
            }
        }
        p.removeIf(t -> t.key().kind() != TrafficSeries.Kind.CANDIDATE);
        p.sort(Comparator.comparingDouble(TrafficSeries.Percentile::p95Bps).reversed());
        for (TrafficSeries.Percentile t : p.subList(0, Math.min(10, p.size()))) {
            err.printf("  candidate AS%d %s: P95 %s%n", t.key().asn(), t.key().direction() == Attributor.IN ? "in"
                    : "out", rate(t.p95Bps()));
        }
    }

    private static String rate(double bps) {
        if (bps >= 1e9) return String.format("%.2f Gbit/s", bps / 1e9);
        if (bps >= 1e6) return String.format("%.2f Mbit/s", bps / 1e6);
        if (bps >= 1e3) return String.format("%.2f kbit/s", bps / 1e3);
        return String.format("%.0f bit/s", bps);
    }
}
