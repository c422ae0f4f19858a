package org.peerage.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real data in ../shared/data: tests skip without it, except under CI, where its absence is a failure. */
public final class SharedData {
    private SharedData() {
    }

    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path p = root.resolveSibling("shared").resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("shared data missing under CI: " + p);
            }
            Assumptions.abort("shared data not present: " + p);
        }
        return p;
    }
}
