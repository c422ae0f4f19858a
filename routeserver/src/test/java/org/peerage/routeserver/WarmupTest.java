package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.routeserver.config.ConfigLoader;
import org.peerage.routeserver.config.RouteServerConfig;
import org.peerage.routeserver.config.RouteServerConfig.WellKnownPolicy;

class WarmupTest {
    @TempDir
    Path dir;

    @Test
    void everyClientReceivesEveryOthersRoutesAndNothingIsLeftBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = warmupDirs(tmp);
        assertThat(Warmup.run(operator(true, "pass"), 3, 2_000, Duration.ofSeconds(60))).isTrue();
        assertThat(warmupDirs(tmp)).as("its configuration directory is removed").isEqualTo(before);
    }

    @Test
    void itsRouteServerSendsAsTheOperatorsWould() throws Exception {
        for (boolean informational : new boolean[] {false, true}) {
            for (String wellKnown : new String[] {"pass", "rfc1997"}) {
                RouteServerConfig operator = operator(informational, wellKnown);
                Path yaml = dir.resolve("warm-up-" + informational + "-" + wellKnown + ".yaml");
                Files.writeString(yaml, Warmup.config(operator, 2, 17_999));
                RouteServerConfig own = ConfigLoader.load(yaml);
                assertThat(own.informationalCommunities()).isEqualTo(informational);
                assertThat(own.wellKnownCommunities()).isEqualTo(operator.wellKnownCommunities());
                assertThat(own.filters().enabled()).as("its generated routes are in no registry").isFalse();
                assertThat(own.clients()).hasSize(2);
            }
        }
        assertThat(operator(false, "rfc1997").wellKnownCommunities()).isEqualTo(WellKnownPolicy.RFC1997);
    }

    private RouteServerConfig operator(boolean informational, String wellKnown) throws Exception {
        Path yaml = dir.resolve("operator-" + informational + "-" + wellKnown + ".yaml");
        Files.writeString(yaml, """
                asn: 64500
                router_id: 10.0.0.1
                listen: ["127.0.0.1:17998"]
                informational_communities: %s
                rfc1997_wellknown_communities: {policy: %s}
                clients:
                  - {asn: 64501, ip: [127.1.0.1]}
                """.formatted(informational, wellKnown));
        return ConfigLoader.load(yaml);
    }

    private static long warmupDirs(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("peerage-warmup-")).count();
        }
    }
}
