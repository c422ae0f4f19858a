package org.peerage.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.peerage.routeserver.demo.DemoIxp;

/** {@code peerage routeserver} without a configuration: the demo IXP, until SIGINT/SIGTERM or a time limit. */
final class DemoRunner {
    private DemoRunner() {
    }

    static int run(InetSocketAddress listen, InetSocketAddress http, long seconds) throws Exception {
        Path dir = Files.createTempDirectory("peerage-demo-");
        CountDownLatch stopped = new CountDownLatch(1);
        DemoIxp demo;
        try {
            demo = new DemoIxp(System.out, dir, listen, http);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cannot listen")) {
                System.err.println("peerage routeserver: " + e.getMessage() + "; choose another address with "
                        + "--demo-listen ADDRESS:PORT");
                return 2;
            }
            if (e.getMessage() != null && e.getMessage().startsWith("cannot serve the HTTP API")) {
                System.err.println("peerage routeserver: " + e.getMessage() + "; choose another address with "
                        + "--demo-http ADDRESS:PORT");
                return 2;
            }
            throw e;
        }
        try (demo) {
            Thread hook = new Thread(() -> {
                System.out.println("stopping: Cease to every member");
                demo.shutdown();
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(hook);
            demo.run(Duration.ofSeconds(seconds > 0 ? Math.min(seconds, 60) : 60));
            if (seconds > 0) {
                if (!stopped.await(seconds, TimeUnit.SECONDS)) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    System.out.println("stopping after " + seconds + " s: Cease to every member");
                    demo.shutdown();
                }
            } else {
                stopped.await();
            }
        }
        return 0;
    }
}
