package org.peerage.interop.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Process handling shared by the daemons: work directory, start and readiness, CLI invocations, polling, logs, stop.
 * A subclass writes its configuration, names its command line and its logs, and reads state and routes back.
 */
abstract class AbstractDaemon implements Daemon {
    static final Path BASE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "peerage-interop");
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONFIG_LINES = 200;
    private static final int LOG_LINES = 60;

    /** Daemons started and not yet stopped, for the shutdown hook. */
    private static final Set<AbstractDaemon> RUNNING = ConcurrentHashMap.newKeySet();
    /** Every daemon constructed in this JVM, in order, for {@link DaemonExtension}. */
    static final List<AbstractDaemon> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(AbstractDaemon::stop), "peerage-interop-stop"));
    }

    private final String name;
    private final List<DaemonPeer> peers;
    /** What the daemon originates, by {@link #key(StaticRoute)}. */
    private final Map<String, StaticRoute> routes = new LinkedHashMap<>();
    private Path workDir;
    private Process process;
    private volatile boolean keepWorkDir = Boolean.getBoolean("peerage.interop.keep");
    /** Diagnostics taken just before the work directory was deleted. */
    private volatile String finalDiagnostics;
    /**
     * Set by {@link DaemonExtension} while a test runs: {@link #stop()} then leaves the work directory for the
     * extension, which deletes it only if the test passed (try-with-resources stops daemons before a failure is seen).
     */
    static volatile boolean cleanupDeferred;

    protected AbstractDaemon(String name, List<DaemonPeer> peers) {
        this.name = name;
        this.peers = List.copyOf(peers);
        if (this.peers.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one peer");
        }
        DaemonPeer first = this.peers.getFirst();
        for (DaemonPeer peer : this.peers) {
            if (peer.localAs() != first.localAs() || !peer.routerId().equals(first.routerId())
                    || peer.localPort() != first.localPort()) {
                throw new IllegalArgumentException(
                        name + ": all peers must share local AS, router id and local port: " + this.peers);
            }
            peer.routes().forEach(r -> routes.put(key(r), r));
        }
        CREATED.add(this);
    }

    // ---- what a daemon provides ------------------------------------------------------------------------------------

    /** Debian package to install when a binary is missing. */
    protected abstract String debianPackage();

    /** Executables the daemon needs (daemon and CLI). */
    protected abstract List<Path> binaries();

    /** Writes the configuration into {@link #workDir()}; called once, before the process starts. */
    protected abstract void writeConfig() throws IOException;

    /** The daemon's command line, run in the foreground with {@link #workDir()} as current directory. */
    protected abstract List<String> command();

    protected Map<String, String> environment() {
        return Map.of();
    }

    /** True once the control interface answers; polled after the process started. */
    protected abstract boolean ready();

    /** Called once the daemon is ready, e.g. to inject routes through its CLI. */
    protected void afterStart() {
    }

    /** Files shown in full (up to 200 lines) in {@link #diagnostics()}. */
    protected abstract List<Path> configFiles();

    /** Files whose tail is shown in {@link #diagnostics()}; stdout.log (stdout and stderr) comes first by default. */
    protected List<Path> logFiles() {
        return List.of(workDir().resolve("stdout.log"));
    }

    /** Pushes the current {@link #routes()} into a running daemon; {@code added} and {@code removed} are the change. */
    protected abstract void updateRoutes(List<StaticRoute> added, List<StaticRoute> removed);

    // ---- Daemon ----------------------------------------------------------------------------------------------------

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<DaemonPeer> peers() {
        return peers;
    }

    @Override
    public final Path workDir() {
        if (workDir == null) {
            throw new IllegalStateException(name + " not started");
        }
        return workDir;
    }

    /** The first peer, for settings all peers share (local AS, router id, local port). */
    protected final DaemonPeer self() {
        return peers.getFirst();
    }

    protected final DaemonPeer peer(String remoteAddress) {
        return peers.stream().filter(p -> p.remoteAddress().equals(remoteAddress)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no peer " + remoteAddress + ": " + peers));
    }

    /** Routes the daemon originates now, in announcement order. */
    protected final synchronized List<StaticRoute> routes() {
        return List.copyOf(routes.values());
    }

    @Override
    public final synchronized Daemon start() {
        DaemonAvailability.require(debianPackage(), binaries().toArray(Path[]::new));
        if (process != null) {
            throw new IllegalStateException(name + " already started");
        }
        try {
            Files.createDirectories(BASE_DIR);
            workDir = Files.createTempDirectory(BASE_DIR, name + "-");
            writeConfig();
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("stdout.log").toFile());
            builder.environment().putAll(environment());
            process = builder.start();
            RUNNING.add(this);
        } catch (IOException e) {
            throw fail("cannot start " + name, e);
        }
        try {
            awaitCondition(START_TIMEOUT, "control interface to answer", this::ready);
            afterStart();
        } catch (RuntimeException | AssertionError e) {
            DaemonFailure failure = e instanceof DaemonFailure f ? f : fail(name + " did not come up", e);
            stop();
            throw failure;
        }
        return this;
    }

    @Override
    public final boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void waitEstablished(String peerAddress, Duration timeout) {
        peer(peerAddress);
        SessionState[] last = {SessionState.UNKNOWN};
        awaitCondition(timeout, "session with " + peerAddress + " to reach Established", () -> {
            last[0] = sessionState(peerAddress);
            return last[0] == SessionState.ESTABLISHED;
        }, () -> "last state " + last[0]);
    }

    @Override
    public List<DaemonRoute> awaitReceivedRoutes(Predicate<List<DaemonRoute>> until, Duration timeout) {
        List<List<DaemonRoute>> last = new ArrayList<>(List.of(List.of()));
        awaitCondition(timeout, "received routes to match", () -> {
            List<DaemonRoute> now = receivedRoutes();
            last.set(0, now);
            return until.test(now);
        }, () -> "last " + last.getFirst().size() + " received routes:\n  "
                + String.join("\n  ", last.getFirst().stream().limit(50).map(Object::toString).toList()));
        return last.getFirst();
    }

    @Override
    public final void announce(List<StaticRoute> added) {
        synchronized (this) {
            added.forEach(r -> routes.put(key(r), r));
        }
        if (running()) {
            updateRoutes(added, List.of());
        }
    }

    @Override
    public final void withdraw(List<StaticRoute> removed) {
        List<StaticRoute> gone = new ArrayList<>();
        synchronized (this) {
            for (StaticRoute r : removed) {
                StaticRoute old = routes.remove(key(r));
                if (old != null) {
                    gone.add(old);
                }
            }
        }
        if (running() && !gone.isEmpty()) {
            updateRoutes(List.of(), gone);
        }
    }

    @Override
    public final synchronized void stop() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroy();
                    child.onExit().completeOnTimeout(child, 2, TimeUnit.SECONDS).join();
                    child.destroyForcibly();
                }
            }
        }
        RUNNING.remove(this);
        if (!cleanupDeferred) {
            cleanUp();
        }
    }

    /** Deletes the work directory unless {@link #keepWorkDir()} was called; diagnostics stay available in memory. */
    final synchronized void cleanUp() {
        if (workDir != null && !keepWorkDir && Files.isDirectory(workDir) && (process == null || !process.isAlive())) {
            finalDiagnostics = diagnostics();
            deleteRecursively(workDir);
        }
    }

    /** Keeps the work directory after {@link #stop()} (set on failures, or for all daemons by -Dpeerage.interop.keep=true). */
    public final void keepWorkDir() {
        keepWorkDir = true;
    }

    @Override
    public String diagnostics() {
        if (finalDiagnostics != null) {
            return finalDiagnostics;
        }
        StringBuilder out = new StringBuilder();
        String status = process == null ? "not started"
                : process.isAlive() ? "running, pid " + process.pid() : "exited with " + process.exitValue();
        out.append("==== ").append(name).append(" (").append(status).append(") ");
        if (workDir == null) {
            return out.append("====\n").toString();
        }
        out.append("in ").append(workDir).append(keepWorkDir ? " (kept)" : "").append(" ====\n");
        for (Path config : configFiles()) {
            appendFile(out, config, CONFIG_LINES, false);
        }
        for (Path log : logFiles()) {
            appendFile(out, log, LOG_LINES, true);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name + peers.stream().map(p -> " " + p.localAddress() + ":" + p.localPort() + "->" + p.remoteAddress()
                + ":" + p.remotePort()).reduce("", String::concat);
    }

    // ---- helpers for subclasses ------------------------------------------------------------------------------------

    /** Output and exit code of a CLI call. */
    protected record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs a command (stdout and stderr merged) with {@link #COMMAND_TIMEOUT}; never throws for a non-zero exit.
     * Errors here and in {@link #execOk} / {@link #parseJson} are plain runtime exceptions, so that polling treats them
     * as "not yet"; {@link DaemonExtension} adds the diagnostics when one reaches a test.
     */
    protected final Result exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(workDir().toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, runnable -> Thread.ofVirtual().start(runnable));
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + COMMAND_TIMEOUT + ": " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    /** Like {@link #exec(List)}, but a non-zero exit is an {@link IllegalStateException}. */
    protected final String execOk(List<String> command) {
        Result result = exec(command);
        if (!result.ok()) {
            throw new IllegalStateException(
                    "exit " + result.exitCode() + " from " + String.join(" ", command) + ":\n" + abbreviate(result.output()));
        }
        return result.output();
    }

    protected final JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unparsable JSON from " + name + ": " + abbreviate(text), e);
        }
    }

    protected final void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
        awaitCondition(timeout, what, condition, () -> "");
    }

    /**
     * Polls {@code condition} every 100 ms until it holds. Exceptions from the condition count as "not yet" (a CLI
     * may fail while the daemon is starting) and are reported if the time runs out; so is the process dying.
     */
    protected final void awaitCondition(Duration timeout, String what, BooleanSupplier condition,
            java.util.function.Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            if (process == null || !process.isAlive()) {
                throw fail(name + " is not running while waiting for " + what);
            }
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastError = null;
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                String seen = lastSeen.get();
                throw fail("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + (seen.isEmpty() ? "" : "; " + seen)
                        + (lastError == null ? "" : "; last error: " + abbreviate(String.valueOf(lastError.getMessage()))));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("interrupted waiting for " + what, e);
            }
        }
    }

    protected final DaemonFailure fail(String message) {
        keepWorkDir();
        return new DaemonFailure(this, message);
    }

    protected final DaemonFailure fail(String message, Throwable cause) {
        keepWorkDir();
        return new DaemonFailure(this, message, cause);
    }

    protected final void write(String fileName, String content) throws IOException {
        Files.writeString(workDir().resolve(fileName), content);
    }

    /** Identity of an originated path: prefix and path id. */
    static String key(StaticRoute route) {
        return route.prefix() + "#" + Objects.requireNonNullElse(route.pathId(), 0L);
    }

    /** "10.0.0.0/24" -> itself; "2001:0db8:0:0::/48" -> "2001:db8::/48". */
    static String normalisePrefix(String prefix) {
        if (!prefix.contains(":")) {
            return prefix;
        }
        String[] parts = prefix.split("/");
        return normaliseAddress(parts[0]) + "/" + parts[1];
    }

    static String normaliseAddress(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            return StaticRoute.compactV6(java.net.InetAddress.getByName(address).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    private static void appendFile(StringBuilder out, Path file, int maxLines, boolean tail) {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : null;
        } catch (IOException e) {
            lines = List.of("(unreadable: " + e + ")");
        }
        if (lines == null) {
            out.append("---- ").append(file.getFileName()).append(" (absent) ----\n");
            return;
        }
        int from = tail ? Math.max(0, lines.size() - maxLines) : 0;
        int to = tail ? lines.size() : Math.min(lines.size(), maxLines);
        out.append("---- ").append(file.getFileName())
                .append(tail && from > 0 ? " (last " + maxLines + " of " + lines.size() + " lines)" : "")
                .append(!tail && to < lines.size() ? " (first " + maxLines + " of " + lines.size() + " lines)" : "")
                .append(" ----\n");
        lines.subList(from, to).forEach(line -> out.append(line).append('\n'));
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A daemon's child may still be writing; leave the rest to the OS's tmp cleaner.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Same.
        }
    }
}
