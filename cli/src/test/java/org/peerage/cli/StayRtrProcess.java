package org.peerage.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * StayRTR (Debian package stayrtr) serving an rpki-client JSON file on a free loopback port, re-reading it every
 * second. Missing, the test is skipped, except under CI, where that is a failure.
 */
final class StayRtrProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/stayrtr");

    private final int port;
    private final Process process;
    private final Path log;

    StayRtrProcess(Path file) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String message = "stayrtr is not installed (apt-get install stayrtr)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        port = freePort();
        log = Files.createTempFile("stayrtr-", ".log");
        process = new ProcessBuilder(BINARY.toString(), "-bind", "127.0.0.1:" + port, "-cache", file.toString(),
                "-checktime=false", "-metrics.addr", "", "-refresh", "1", "-rtr.refresh", "1", "-rtr.retry", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    Assertions.fail("stayrtr did not start listening:\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    /** An rpki-client JSON file of "prefix maxLength asn" triples, written whole. */
    static void write(Path file, String... vrps) throws IOException {
        StringBuilder roas = new StringBuilder();
        for (String v : vrps) {
            String[] f = v.split(" ");
            roas.append(roas.isEmpty() ? "" : ",\n").append("{\"asn\": ").append(f[2]).append(", \"prefix\": \"")
                    .append(f[0]).append("\", \"maxLength\": ").append(f[1]).append(", \"ta\": \"test\"}");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, "{\"metadata\": {\"buildtime\": \"2026-01-01T00:00:00Z\"},\n\"roas\": [\n" + roas
                + "]}\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
