package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code peerage routeserver --config FILE} as an operator runs it: in the foreground, stopped by SIGTERM. */
@Timeout(120)
class RouteServerCommandTest {
    /** The minimal file, on a free port. */
    private static Path config(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path f = dir.resolve("rs.yaml");
        Files.writeString(f, """
                asn: 65000
                router_id: 10.0.0.1
                listen: [127.0.0.1:PORT]
                filters:
                  enabled: false          # every import check off (default: on, with the defaults below)
                clients:
                  - asn: 64600
                    ip: [127.1.0.1]
                  - asn: 64601
                    ip: [127.1.0.2]
                """.replace("PORT", String.valueOf(port)));
        return f;
    }

    @Test
    void runsInTheForegroundUntilSigtermAndSaysWhatItDoes(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        PeerageProcess.Running rs = PeerageProcess.start("routeserver", "--config", config.toString());
        rs.awaitOutput("listening on", 90);
        assertThat(rs.process().isAlive()).as("still running in the foreground").isTrue();
        PeerageProcess.Result r = rs.stop();
        // 128 + SIGTERM, as for every JVM that ran its shutdown hooks (systemd: SuccessExitStatus=143).
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(143);
        assertThat(r.out()).contains("route server AS65000 listening on", "for 2 clients",
                "stopping: Cease to every client").doesNotContain("SIGHUP is ignored");
    }

    @Test
    void warnsWhenStartedWithSighupIgnored(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        PeerageProcess.Running rs = PeerageProcess.start(List.of("nohup"), "routeserver", "--config",
                config.toString());
        rs.awaitOutput("listening on", 90);
        PeerageProcess.Result r = rs.stop();
        assertThat(r.out()).contains("listening on", "warning: SIGHUP is ignored in this process",
                "use POST /api/reload");
    }
}
