package org.peerage.policy.rtr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * StayRTR (Debian package stayrtr) serving an rpki-client JSON file on a loopback port. It re-reads the file every
 * second and tells clients to refresh every second and retry after one. Missing, the test is skipped, except under
 * CI, whose machine installs it: there a missing StayRTR is a failure.
 */
public final class StayRtr implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/stayrtr");

    private final Path file;
    private final int port;
    private final List<String> extraFlags;
    private final Path log;
    private Process process;

    /** Starts StayRTR on a free port. */
    public StayRtr(Path file, String... extraFlags) throws IOException, InterruptedException {
        this(file, freePort(), extraFlags);
    }

    private StayRtr(Path file, int port, String... extraFlags) throws IOException, InterruptedException {
        require();
        this.file = file;
        this.port = port;
        this.extraFlags = List.of(extraFlags);
        this.log = Files.createTempFile("stayrtr-" + port + "-", ".log");
        start();
    }

    static void require() {
        if (!Files.isExecutable(BINARY)) {
            String message = "stayrtr is not installed (apt-get install stayrtr)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    public int port() {
        return port;
    }

    public RtrCache cache(int preference) {
        return new RtrCache("127.0.0.1", port, preference);
    }

    /** Writes the file whole (a half-written file would be read as broken). */
    public static void write(Path file, String json) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Kills the cache, as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port. */
    void restart() throws IOException, InterruptedException {
        start();
    }

    private String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    private void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "-bind", "127.0.0.1:" + port,
                "-cache", file.toString(),
                "-checktime=false", // the test's file has no fresh build time
                "-metrics.addr", "", // no metrics listener
                "-refresh", "1", // re-read the file every second
                "-rtr.refresh", "1", "-rtr.retry", "1", "-rtr.expire", "600"));
        command.addAll(extraFlags);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    Assertions.fail("stayrtr did not start listening on port " + port + ":\n" + log());
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
