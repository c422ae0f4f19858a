package org.peerage.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Failures a registry command cannot recover from (no database, database in use, an unreadable RTT file, a bad AS
 * number): one line naming the full command, exit status 2. Answers that are merely negative (an unknown AS) are
 * the commands' own, with exit status 1.
 */
final class RegistryErrors {
    static final int FAILED = 2;

    private RegistryErrors() {
    }

    static int guarded(String command, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("peerage registry " + command + ": " + e.getMessage());
            return FAILED;
        }
    }
}
