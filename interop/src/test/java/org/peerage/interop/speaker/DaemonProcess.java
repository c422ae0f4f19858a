package org.peerage.interop.speaker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.peerage.interop.daemon.Daemon;

/**
 * Signals to a running daemon's processes. The harness does not expose pids: the daemon is the oldest child of this
 * JVM whose command line names the daemon's work directory (its CLI calls name it too, but start later); its own
 * children (OpenBGPD's engines, ExaBGP's API process) are signalled with it.
 */
public final class DaemonProcess {
    private DaemonProcess() {
    }

    public static List<ProcessHandle> tree(Daemon daemon) {
        String dir = daemon.workDir().toString();
        ProcessHandle root = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dir)).orElse(false))
                .min(Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.MAX)))
                .orElseThrow(() -> new IllegalStateException("no process of " + daemon + " found"));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** SIGSTOP: the daemon stops reading and sending (keepalives included) while its sockets stay open. */
    public static void freeze(Daemon daemon) {
        signal(daemon, "STOP");
    }

    public static void thaw(Daemon daemon) {
        signal(daemon, "CONT");
    }

    private static void signal(Daemon daemon, String signal) {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        tree(daemon).forEach(p -> cmd.add(String.valueOf(p.pid())));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: "
                        + new String(p.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
