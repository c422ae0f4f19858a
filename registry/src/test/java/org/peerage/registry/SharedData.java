package org.peerage.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real data folder beside the checkout; tests skip without it, except on CI, where they fail. */
final class SharedData {
    private SharedData() {
    }

    static Path folder() {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("shared data folder missing: " + data);
            }
            Assumptions.abort("shared data folder not present: " + data);
        }
        return data;
    }

    static String file(String relative) {
        return folder().resolve(relative).toString();
    }
}
