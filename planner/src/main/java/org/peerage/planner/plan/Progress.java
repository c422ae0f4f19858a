package org.peerage.planner.plan;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of a plan run on standard error: one line per step with its time, a percentage for long ones. */
public final class Progress {
    public static final Progress SILENT = new Progress(null);

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long stepStarted;
    private String step;
    private int total;
    private int index;

    private final boolean terminal;

    /** Bars are drawn only when standard error is a terminal; otherwise one line per step. */
    public Progress(PrintStream out) {
        this.out = out;
        this.terminal = out == System.err && System.console() != null && System.console().isTerminal();
    }

    /** Announces more steps to come (the total shown grows). */
    public void steps(int more) {
        this.total += more;
    }

    public void step(String what) {
        done();
        step = what;
        index++;
        stepStarted = System.nanoTime();
        if (out != null && terminal) {
            out.printf(Locale.ROOT, "[%d/%d] %s ...", index, Math.max(total, index), what);
            out.flush();
        }
    }

    /** A percentage within the current step (a bar of 20 characters, rewritten in place). */
    public void percent(int p) {
        if (out == null || step == null || !terminal) return;
        int filled = Math.max(0, Math.min(20, p / 5));
        out.printf(Locale.ROOT, "\r[%d/%d] %s [%s%s] %3d%%", index, Math.max(total, index), step, "#".repeat(filled),
                ".".repeat(20 - filled), p);
        out.flush();
    }

    public void note(String text) {
        if (out != null) {
            done();
            out.println("  " + text);
        }
    }

    public void done() {
        if (step != null && out != null) {
            out.printf(Locale.ROOT, "%s[%d/%d] %s: done in %.1f s%s%n", terminal ? "\r" : "", index,
                    Math.max(total, index), step, (System.nanoTime() - stepStarted) / 1e9, terminal ? " ".repeat(30)
                            : "");
        }
        step = null;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
