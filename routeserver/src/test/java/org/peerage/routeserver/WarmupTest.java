package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WarmupTest {
    @Test
    void everyClientReceivesEveryOthersRoutesAndNothingIsLeftBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = warmupDirs(tmp);
        assertThat(Warmup.run(3, 2_000, Duration.ofSeconds(60))).isTrue();
        assertThat(warmupDirs(tmp)).as("its configuration directory is removed").isEqualTo(before);
    }

    private static long warmupDirs(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("peerage-warmup-")).count();
        }
    }
}
