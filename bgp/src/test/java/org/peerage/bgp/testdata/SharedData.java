package org.peerage.bgp.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real data in ../shared/data beside the checkout, read in place. Without it, tests that need it are skipped
 * with a message, except under CI (CI=true), which always has it and where a missing folder is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Where the data folder belongs: ../shared/data beside the checkout, whether or not it is there. */
    public static Path location() {
        Path project = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        return project.resolveSibling("shared").resolve("data");
    }

    public static Path root() {
        Path data = location();
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing (expected ../shared/data beside the checkout)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return data;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            Assertions.fail("expected shared data file " + p);
        }
        return p;
    }

    /** Every MRT dump in shared/data/mrt, sorted by name. */
    public static List<Path> mrtFiles() {
        try (Stream<Path> files = Files.list(root().resolve("mrt"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
