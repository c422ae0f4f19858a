package org.peerage.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.RtrCache;
import org.peerage.policy.rtr.RtrCacheState;
import org.peerage.policy.rtr.RtrCacheStatus;
import org.peerage.policy.rtr.RtrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** RPKI data: {@code peerage rpki rtr}, an RTR client on the command line. */
@Command(name = "rpki", mixinStandardHelpOptions = true, description = "RPKI data for route origin validation.",
        subcommands = {RpkiCommand.Rtr.class})
final class RpkiCommand {
    private static final int EXIT_NO_DATA = 1;
    private static final int EXIT_BAD_INPUT = 2;
    private static final long POLL_MILLIS = 50;

    @Command(name = "rtr", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Connect to RTR caches (RFC 8210, or RFC 6810 for caches that speak only version 0), wait "
                    + "for their data and print the VRP count and each cache's state.",
                    "The VRPs in use are the most preferred synced cache's (lowest preference value). With --watch, "
                            + "keep running and print every change of the data in use and of the caches' states. "
                            + "What the client logs goes to standard error. Exit status: 0 if a cache sent its data, "
                            + "1 if none did within the timeout, 2 for bad options."})
    static final class Rtr implements Callable<Integer> {
        @Option(names = "--cache", required = true, paramLabel = "HOST:PORT[,PREF]",
                description = "An RTR cache; IPv6 addresses in brackets ([2001:db8::1]:8282). Several may be given; "
                        + "PREF (lower is preferred) defaults to the position in the command line (1, 2, ...).")
        List<String> caches;

        @Option(names = "--json", description = "JSON, one object per line.")
        boolean json;

        @Option(names = "--watch", description = "Keep running and print every change.")
        boolean watch;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "How long to wait for the caches' data (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Override
        public Integer call() throws InterruptedException {
            PrintStream out = System.out;
            PrintStream err = System.err;
            List<RtrCache> parsed = new ArrayList<>();
            try {
                for (int i = 0; i < caches.size(); i++) {
                    parsed.add(RtrCache.parse(caches.get(i), i + 1));
                }
                if (timeout < 1) {
                    throw new IllegalArgumentException("--timeout must be at least 1 second");
                }
            } catch (IllegalArgumentException e) {
                err.println("peerage rpki rtr: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
            RtrClient client;
            try {
                client = RtrClient.start(parsed, (vrps, coverage) -> changes.add(new Change(vrps, coverage)),
                        line -> err.println("peerage rpki rtr: " + line));
            } catch (IllegalArgumentException e) {
                err.println("peerage rpki rtr: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            try (client) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
                while (!settled(client.status()) && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_MILLIS);
                }
                changes.clear();
                List<RtrCacheStatus> status = client.status();
                RtrOutput output = new RtrOutput(out, json);
                output.report(client.vrps(), status);
                boolean anyData = status.stream().anyMatch(s -> s.lastUpdate() != null);
                if (!anyData) {
                    err.println("peerage rpki rtr: no cache has sent its data"
                            + (settled(status) ? "" : " within " + timeout + " s"));
                }
                if (!watch) {
                    return anyData ? 0 : EXIT_NO_DATA;
                }
                watch(client, changes, status, output);
                return 0;
            }
        }

        /** Every cache has either sent its data or failed at least once: nothing more to wait for. */
        private static boolean settled(List<RtrCacheStatus> status) {
            return status.stream().allMatch(s -> s.state() == RtrCacheState.SYNCED || s.lastError() != null);
        }

        /** Until the process is stopped (or the thread interrupted). */
        private static void watch(RtrClient client, BlockingQueue<Change> changes, List<RtrCacheStatus> initial,
                RtrOutput output) throws InterruptedException {
            Map<RtrCache, RtrCacheStatus> last = new HashMap<>();
            initial.forEach(s -> last.put(s.cache(), s));
            while (!Thread.currentThread().isInterrupted()) {
                Change c = changes.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                List<RtrCacheStatus> status = client.status();
                if (c != null) {
                    output.change(c.vrps(), c.coverage(), status);
                }
                for (RtrCacheStatus s : status) {
                    RtrCacheStatus before = last.put(s.cache(), s);
                    if (before.state() != s.state() || before.inUse() != s.inUse()) {
                        output.cacheChange(before, s);
                    }
                }
            }
        }
    }

    private record Change(VrpTable vrps, Set<Prefix> coverage) {
    }
}
