package org.peerage.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the peerage command in a separate JVM, as a user would: real stdout, stderr and exit status. */
final class PeerageProcess {
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private PeerageProcess() {
    }

    static Result run(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // As the jar's manifest grants it (Netty's epoll, DuckDB load native libraries).
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                PeerageCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("peerage " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    }

    /** A peerage process left running: {@link #stop} sends SIGTERM and collects what it printed. */
    record Running(Process process, OutputSoFar stdout, CompletableFuture<byte[]> out,
                   CompletableFuture<byte[]> err) {
        /**
         * Waits until stdout holds {@code text}: the process says when it is ready, which a port probe cannot (a
         * probe may reach another listener, or the port before the process has set itself up).
         */
        void awaitOutput(String text, long seconds) throws InterruptedException {
            if (!stdout.await(text, seconds, () -> !process.isAlive())) {
                throw new AssertionError("peerage never printed \"" + text + "\" ("
                        + (process.isAlive() ? "still running" : "exited " + process.exitValue()) + "); stdout:\n"
                        + stdout.text() + (process.isAlive() ? "" : "stderr:\n" + new String(err.join(),
                        StandardCharsets.UTF_8)));
            }
        }

        Result stop() throws InterruptedException {
            process.toHandle().destroy(); // SIGTERM, leaving the streams open to read what it says while stopping
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("peerage did not stop in 60 s after SIGTERM");
            }
            return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        }
    }

    /** What a running process has printed so far, readable while it is still being written. */
    static final class OutputSoFar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void append(byte[] b, int n) {
            bytes.write(b, 0, n);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized byte[] all() {
            return bytes.toByteArray();
        }

        synchronized boolean await(String text, long seconds, java.util.function.BooleanSupplier gone)
                throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (!text().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || gone.getAsBoolean() && !text().contains(text)) {
                    return false;
                }
                wait(Math.min(200, Math.max(1, left / 1_000_000)));
            }
            return true;
        }
    }

    /** Starts peerage and returns while it runs; its output is drained on threads of their own. */
    static Running start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** As {@link #start(String...)}, run through {@code prefix} (for example {@code nohup}). */
    static Running start(List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PeerageCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        java.util.concurrent.ExecutorService drains = java.util.concurrent.Executors.newFixedThreadPool(2);
        OutputSoFar stdout = new OutputSoFar();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> copy(p.getInputStream(), stdout),
                drains);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()), drains);
        drains.shutdown();
        return new Running(p, stdout, out, err);
    }

    private static byte[] copy(InputStream in, OutputSoFar to) {
        try (in) {
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b)) >= 0; ) {
                to.append(b, n);
            }
            return to.all();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
