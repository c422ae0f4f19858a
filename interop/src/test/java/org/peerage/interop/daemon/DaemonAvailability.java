package org.peerage.interop.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test when a daemon's binaries are not installed ("apt-get install PKG"), or fails it when the environment
 * variable CI is "true", so that a CI image missing a package cannot turn the interop suite green by skipping it.
 */
public final class DaemonAvailability {
    private DaemonAvailability() {
    }

    public static boolean installed(Path... binaries) {
        return Arrays.stream(binaries).allMatch(Files::isExecutable);
    }

    /** Aborts (skips) or, under CI=true, fails the current test unless all {@code binaries} are executable. */
    public static void require(String debianPackage, Path... binaries) {
        List<Path> missing = Arrays.stream(binaries).filter(b -> !Files.isExecutable(b)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = missing.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " not installed: apt-get install " + debianPackage;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: interop tests must not be skipped)");
        }
        Assumptions.abort(message);
    }
}
