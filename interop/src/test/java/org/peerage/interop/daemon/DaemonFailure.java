package org.peerage.interop.daemon;

/** A failure of a daemon under test, whose message already carries that daemon's {@link Daemon#diagnostics()}. */
public final class DaemonFailure extends AssertionError {
    private final transient Daemon daemon;

    public DaemonFailure(Daemon daemon, String message) {
        super(message + "\n" + daemon.diagnostics());
        this.daemon = daemon;
    }

    public DaemonFailure(Daemon daemon, String message, Throwable cause) {
        super(message + ": " + cause + "\n" + daemon.diagnostics(), cause);
        this.daemon = daemon;
    }

    public Daemon daemon() {
        return daemon;
    }
}
