package org.peerage.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.peerage.bgp.transport.Transport;
import org.peerage.policy.PolicyDataException;
import org.peerage.routeserver.RouteServer;
import org.peerage.routeserver.Warmup;
import org.peerage.routeserver.config.ConfigException;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.filter.PolicyData;
import org.peerage.routeserver.http.HttpApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage routeserver}: the IXP route server, in the foreground; without a config, the demo IXP. */
@Command(name = "routeserver", mixinStandardHelpOptions = true,
        description = {"Run the route server (RFC 7947) in the foreground with the given YAML configuration "
                + "(docs/routeserver-config.md). SIGTERM or SIGINT stop it with a Cease NOTIFICATION to every client.",
                "Without --config: the demo IXP, a route server with generated member routers in this process "
                        + "(docs/routeserver-demo.md)."},
        subcommands = {ImportArouteserverCommand.class, ExplainCommand.class, DumpCommand.class})
final class RouteServerCommand implements Callable<Integer> {
    private static final int WARM_UP_CLIENTS = 4;
    private static final int WARM_UP_PREFIXES = 20_000;

    @Option(names = "--config", paramLabel = "rs.yaml", description = "The route server's configuration.")
    Path config;

    @Option(names = "--demo-listen", paramLabel = "ADDRESS:PORT", defaultValue = "127.0.0.1:1790",
            description = "Demo only: where the demo route server listens (default: ${DEFAULT-VALUE}).")
    String demoListen;

    @Option(names = "--demo-http", paramLabel = "ADDRESS:PORT", defaultValue = "127.0.0.1:29184",
            description = "Demo only: where its HTTP API (looking glass, explain, metrics) listens (default: "
                    + "${DEFAULT-VALUE}).")
    String demoHttp;

    @Option(names = "--demo-seconds", paramLabel = "N", description = "Demo only: stop after N seconds (default: "
            + "run until stopped).")
    long demoSeconds;

    @Option(names = "--no-warm-up", description = "Take sessions at once, without first running the hot paths on "
            + "generated routes (a few seconds at start that spare the first clients the compiler's work).")
    boolean noWarmUp;

    @Override
    public Integer call() throws Exception {
        if (config == null) {
            return DemoRunner.run(Addresses.socket(demoListen, "--demo-listen"), Addresses.socket(demoHttp,
                    "--demo-http"), demoSeconds);
        }
        RouteServerConfig rsConfig;
        try {
            rsConfig = ConfigLoader.load(config);
        } catch (ConfigException e) {
            e.errors().forEach(line -> System.err.println("peerage routeserver: " + line));
            return 2;
        }
        PolicyData data;
        try {
            data = PolicyData.load(rsConfig, Instant.now());
        } catch (PolicyDataException e) {
            System.err.println("peerage routeserver: " + e.getMessage());
            return 2;
        }
        data.notes().forEach(System.out::println);
        if (!noWarmUp) warmUp(rsConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Transport transport = Transport.create(0);
             RouteServer rs = new RouteServer(rsConfig, data, transport, System.out::println)) {
            Thread hook = new Thread(() -> {
                System.out.println("stopping: Cease to every client");
                rs.shutdown("peerage route server shutting down");
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            // SIGHUP: reload the configuration and its data, hitlessly (the result is logged).
            sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"),
                    sig -> Thread.ofVirtual().start(rs::reload));
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                // Started with SIGHUP ignored (nohup does that): the JVM keeps it ignored, so say it instead of
                // letting reloads be lost without a word.
                System.out.println("warning: SIGHUP is ignored in this process (started under nohup?): it will not "
                        + "reload the configuration; use POST /api/reload, or start without nohup");
            }
            rs.start();
            System.out.println("route server AS" + rsConfig.asn() + " listening on " + rs.listening() + " for "
                    + rsConfig.clients().size() + " clients");
            HttpApi api = rsConfig.http() == null ? null : HttpApi.start(rs, rsConfig.http());
            if (api != null) {
                System.out.println("HTTP API (looking glass, explain, metrics) on http://"
                        + api.address().getAddress().getHostAddress() + ":" + api.address().getPort() + "/");
            }
            stopped.await();
            if (api != null) api.close();
        }
        return 0;
    }

    /** Never a reason not to start: a warm-up that fails (its loopback port taken meanwhile...) is only reported. */
    private static void warmUp(RouteServerConfig rsConfig) {
        long t0 = System.nanoTime();
        try {
            boolean complete = Warmup.run(rsConfig, WARM_UP_CLIENTS, WARM_UP_PREFIXES, Duration.ofSeconds(30));
            System.out.printf("warm-up: %d clients x %,d routes through a route server of its own in %.1f s%s%n",
                    WARM_UP_CLIENTS, WARM_UP_PREFIXES, (System.nanoTime() - t0) / 1e9,
                    complete ? "" : " (stopped early)");
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            System.out.println("warm-up skipped: " + e);
        }
    }
}
