package org.peerage.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.peerage.bgp.session.PeerConfig;
import org.peerage.bgp.speaker.EventSink;
import org.peerage.bgp.speaker.Expectation;
import org.peerage.bgp.speaker.MrtRouteSource;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;
import org.peerage.bgp.transport.BgpListener;
import org.peerage.bgp.transport.SessionOptions;
import org.peerage.bgp.transport.Transport;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.open.AddPathMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage speaker}: BGP sessions that announce an MRT table and record what they receive. */
@Command(name = "speaker", mixinStandardHelpOptions = true,
        description = {"Run one or many BGP sessions: announce the routes of an MRT file, receive routes, print one "
                + "JSON line per event (established, eor-sent, eor-received, down).",
                "Stops on SIGTERM/SIGINT with a Cease NOTIFICATION (RFC 8203 message), or with --exit-after-eor once "
                        + "End-of-RIB went both ways."})
final class SpeakerCommand implements Callable<Integer> {
    @Option(names = "--local-as", required = true, description = "Our AS number.")
    long localAs;

    @Option(names = "--router-id", required = true, description = "Our BGP identifier (dotted quad).")
    String routerId;

    @Option(names = "--local-address", description = "Address to connect from and listen on (first session's).")
    String localAddress;

    @Option(names = "--peer", required = true, paramLabel = "ADDR:PORT", description = "The router to peer with.")
    String peer;

    @Option(names = "--peer-as", required = true, description = "The router's AS (0: any).")
    long peerAs;

    @Option(names = "--passive", description = "Wait for the router to connect (on --local-address:--listen-port).")
    boolean passive;

    @Option(names = "--listen-port", defaultValue = "179", description = "Port to listen on when passive (${DEFAULT-VALUE}).")
    int listenPort;

    @Option(names = "--md5", description = "TCP MD5 signature password (RFC 2385).")
    String md5;

    @Option(names = "--gtsm", description = "Generalized TTL security (RFC 5082): TTL 255 out, at least 254 in.")
    boolean gtsm;

    @Option(names = "--hold-time", defaultValue = "90", description = "Proposed hold time, seconds (${DEFAULT-VALUE}).")
    int holdTime;

    @Option(names = "--add-path", description = "ADD-PATH for IPv4 and IPv6 unicast: receive, send or both.")
    String addPath;

    @Option(names = "--announce-mrt", paramLabel = "FILE", description = "MRT file whose routes to announce.")
    String announceMrt;

    @Option(names = "--mrt-peer", paramLabel = "INDEX|ASN",
            description = "Announce only this collector peer's routes: a peer index (TABLE_DUMP_V2; order of "
                    + "appearance for BGP4MP), an AS, an address, or index:N / as:N. Default: every prefix with its "
                    + "first-seen attributes.")
    String mrtPeer;

    @Option(names = "--next-hop", paramLabel = "ADDR",
            description = "Next hop for announced routes (repeat for IPv4 and IPv6). Default: the local address.")
    List<String> nextHops = new ArrayList<>();

    @Option(names = "--write-mrt", paramLabel = "OUT.mrt",
            description = "On exit, write the received routes as a TABLE_DUMP_V2 RIB dump.")
    Path writeMrt;

    @Option(names = "--exit-after-eor", description = "Exit once End-of-RIB was sent and received on every session.")
    boolean exitAfterEor;

    @Option(names = "--count", defaultValue = "1",
            description = "Run N sessions from consecutive local addresses, router ids and AS numbers.")
    int count;

    @Option(names = "--split", description = "With --count: each session announces its share of the routes, not all.")
    boolean split;

    @Option(names = "--limit", paramLabel = "N", description = "Announce only the first N routes of the table (before --split).")
    Integer limit;

    @Option(names = "--overlap", defaultValue = "1", paramLabel = "K",
            description = "With --split: sessions in groups of K announce the same share (${DEFAULT-VALUE}: none).")
    int overlap;

    @Option(names = "--next-hop-step", description = "With --count: session i's next hops are the --next-hop addresses plus i.")
    boolean nextHopStep;

    @Option(names = "--announcers", paramLabel = "M",
            description = "With --split: only the first M sessions announce (the others only receive).")
    Integer announcers;

    @Option(names = "--peer-step", description = "With --count: session i peers with the --peer address plus i.")
    boolean peerStep;

    @Option(names = "--expect-others",
            description = "Each session should hold every distinct prefix the other sessions announce (a transparent "
                    + "route server passing everything): report \"complete\" per session and \"all-complete\".")
    boolean expectOthers;

    @Option(names = "--expect-routes", paramLabel = "N",
            description = "Each session should hold N routes: report \"complete\" and \"all-complete\".")
    Integer expectRoutes;

    @Option(names = "--count-only",
            description = "Keep only which routes each session holds, not their attributes (not with --write-mrt), "
                    + "and ignore routes whose AS_PATH holds the session's own AS, as a router would.")
    boolean countOnly;

    @Option(names = "--commands",
            description = "Read commands from standard input, one a line: stop FROM TO, start FROM TO (session "
                    + "indexes, TO excluded), maxlen L (with --expect-others: only prefixes up to /L count, 0: all), "
                    + "mark LABEL (restart the UPDATE timing), counts.")
    boolean commands;

    @Option(names = "--timeout", defaultValue = "0", description = "Give up after this many seconds (0: never).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        long start = System.nanoTime();
        EventSink events = new EventSink(new FileOutputStream(FileDescriptor.out), start);
        InetSocketAddress remote = Addresses.socket(peer, "--peer");
        InetAddress firstLocal = localAddress == null ? null : InetAddress.getByName(localAddress);
        if (passive && firstLocal == null) {
            err.println("peerage speaker: --passive needs --local-address to listen on");
            return 2;
        }
        RouteTable routes = new RouteTable();
        if (announceMrt != null) {
            MrtRouteSource.Loaded loaded = MrtRouteSource.load(announceMrt,
                    mrtPeer == null ? null : new MrtRouteSource.PeerSelector(mrtPeer));
            routes = loaded.table();
            if (loaded.damage() != null) {
                err.println("peerage speaker: " + announceMrt + ": " + loaded.damage().getMessage()
                        + " (announcing the " + routes.size() + " routes read before it)");
            }
            events.emit("loaded", Map.of("file", announceMrt, "routes", routes.size(),
                    "attribute_sets", routes.distinctAttributeSets()));
        }
        byte[] nh4 = null;
        byte[] nh6 = null;
        for (String nh : nextHops) {
            byte[] a = InetText.parseAddress(nh);
            if (a.length == 4) nh4 = a;
            else nh6 = a;
        }
        if (countOnly && writeMrt != null) {
            err.println("peerage speaker: --count-only keeps no attributes to write with --write-mrt");
            return 2;
        }
        if (limit != null) {
            routes = routes.limit(limit);
        }
        int baseId = Addresses.ipv4(routerId, "--router-id");
        if (overlap < 1) {
            err.println("peerage speaker: --overlap must be at least 1");
            return 2;
        }
        int announcing = announcers == null ? count : Math.min(announcers, count);
        int groups = (announcing + overlap - 1) / overlap;
        List<RouteTable> tables = new ArrayList<>();
        List<Speaker.Spec> specs = new ArrayList<>();
        List<InetSocketAddress> listenOn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InetAddress local = firstLocal == null ? null : Addresses.plus(firstLocal, i);
            PeerConfig config = PeerConfig.of(localAs + (count > 1 ? i : 0), baseId + i, peerAs)
                    .withHoldTime(holdTime).withPassive(passive)
                    .withTimers(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60), !exitAfterEor);
            if (addPath != null) {
                AddPathMode mode = AddPathMode.valueOf(addPath.toUpperCase(java.util.Locale.ROOT));
                config = config.withAddPath(Map.of(AddressFamily.IPV4_UNICAST, mode, AddressFamily.IPV6_UNICAST, mode));
            }
            InetSocketAddress peerAddress = peerStep ? new InetSocketAddress(Addresses.plus(remote.getAddress(), i),
                    remote.getPort()) : remote;
            SessionOptions options = SessionOptions.of(peerAddress, local).withMd5(md5).withGtsm(gtsm);
            if (passive) {
                listenOn.add(new InetSocketAddress(local, listenPort));
            }
            RouteTable mine = !split || count == 1 ? routes
                    : i < announcing ? routes.share(i / overlap, groups) : new RouteTable();
            tables.add(mine);
            byte[] v4 = nh4 != null ? stepped(nh4, nextHopStep ? i : 0) : Speaker.localNextHop(local, false);
            byte[] v6 = nh6 != null ? stepped(nh6, nextHopStep ? i : 0) : Speaker.localNextHop(local, true);
            specs.add(new Speaker.Spec((local == null ? "" : local.getHostAddress() + "->")
                    + InetText.format(peerAddress.getAddress().getAddress()) + ":" + peerAddress.getPort(), config, options,
                    mine, v4, v6));
        }
        try (Transport transport = Transport.create(Math.min(count, Runtime.getRuntime().availableProcessors()));
             BgpListener listener = passive ? BgpListener.bind(transport, listenOn) : null;
             Speaker speaker = new Speaker(transport, listener, specs, events, exitAfterEor)) {
            Thread hook = new Thread(() -> finish(speaker, "peerage speaker stopped", start, err));
            Runtime.getRuntime().addShutdownHook(hook);
            long[] sessionAses = new long[count];
            for (int i = 0; i < count; i++) sessionAses[i] = specs.get(i).config().localAs();
            boolean[] active = new boolean[count];
            java.util.Arrays.fill(active, true);
            int[] maxLength = {0};
            java.util.function.Consumer<String> retarget = label -> {
                if (expectOthers) {
                    speaker.expect(Expectation.targets(tables, active,
                            p -> maxLength[0] == 0 || p.length() <= maxLength[0], countOnly ? sessionAses : null),
                            label);
                } else if (expectRoutes != null) {
                    int[] t = new int[count];
                    for (int i = 0; i < count; i++) t[i] = active[i] ? expectRoutes : -1;
                    speaker.expect(t, label);
                }
            };
            if (countOnly) speaker.countOnly();
            retarget.accept("start");
            speaker.start();
            if (commands) {
                Thread.ofVirtual().start(() -> readCommands(speaker, active, maxLength, retarget, events));
            }
            int status;
            try {
                status = timeoutSeconds > 0 ? speaker.done().get(timeoutSeconds, TimeUnit.SECONDS)
                        : speaker.done().get();
            } catch (TimeoutException e) {
                events.emit("timeout", Map.of("seconds", timeoutSeconds, "received", speaker.received().toString()));
                status = 3;
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            finish(speaker, status == 0 ? "peerage speaker done" : "peerage speaker failed", start, err);
            return status;
        }
    }

    private static byte[] stepped(byte[] address, int n) {
        try {
            return n == 0 ? address : Addresses.plus(InetAddress.getByAddress(address), n).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The --commands loop: each line acted on and echoed as a "command" event. */
    private void readCommands(Speaker speaker, boolean[] active, int[] maxLength, java.util.function.Consumer<String> retarget,
            EventSink events) {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                if (w[0].isEmpty()) continue;
                events.emit("command", Map.of("line", line.trim()));
                try {
                    switch (w[0]) {
                        case "stop" -> {
                            int from = Integer.parseInt(w[1]);
                            int to = Integer.parseInt(w[2]);
                            for (int i = from; i < Math.min(to, count); i++) active[i] = false;
                            retarget.accept(line.trim());
                            speaker.stopSessions(from, to, "peerage speaker: flap");
                        }
                        case "start" -> {
                            int from = Integer.parseInt(w[1]);
                            int to = Integer.parseInt(w[2]);
                            for (int i = from; i < Math.min(to, count); i++) active[i] = true;
                            retarget.accept(line.trim());
                            speaker.startSessions(from, to);
                        }
                        case "maxlen" -> {
                            maxLength[0] = Integer.parseInt(w[1]);
                            retarget.accept(line.trim());
                        }
                        case "mark" -> retarget.accept(line.trim());
                        case "counts" -> speaker.emitCounts();
                        default -> events.emit("command-error", Map.of("line", line.trim(), "error", "unknown"));
                    }
                } catch (RuntimeException e) {
                    events.emit("command-error", Map.of("line", line.trim(), "error", String.valueOf(e)));
                }
            }
        } catch (java.io.IOException e) {
            events.emit("command-error", Map.of("error", String.valueOf(e)));
        }
    }

    /** Writes the MRT file (when asked) and shuts every session down with a Cease NOTIFICATION. */
    private void finish(Speaker speaker, String message, long start, PrintStream err) {
        if (writeMrt != null) {
            try {
                speaker.writeMrt(writeMrt, System.currentTimeMillis() / 1000);
            } catch (Exception e) {
                err.println("peerage speaker: cannot write " + writeMrt + ": " + e.getMessage());
            }
        }
        speaker.shutdown(message);
    }
}
