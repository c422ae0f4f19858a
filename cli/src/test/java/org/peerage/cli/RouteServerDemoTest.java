package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's main job: `peerage routeserver` with no configuration runs the demo IXP and says what happened. */
@Timeout(120)
class RouteServerDemoTest {
    @Test
    void theDemoIxpFiltersItsMisbehavingMembersAndExplainsWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "--demo-listen", "127.0.0.1:" + port,
                "--demo-seconds", "3");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String out = r.out();
        assertThat(out).contains("peerage demo IXP: route server AS64500 on 127.0.0.1:" + port);
        assertThat(out.lines().filter(l -> l.contains("ESTABLISHED")).count()).as("every member's session is up")
                .isEqualTo(14);
        assertThat(out).contains("bogon_prefix", "rpki_invalid", "next_hop_not_client", "as_path_too_long",
                "transit_free_asn", "invalid_asn", "prefix_not_in_as_set", "max_prefix");
        assertThat(out).contains("next hop: 127.1.0.99 is not among [127.1.0.16] (policy strict)");
        assertThat(out).containsPattern("Blackhole \\S+/32 from Shielded Gaming: accepted, sent to 13 members");
        assertThat(out).contains("stopping after 3 s: Cease to every member");
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "--demo-listen", "127.0.0.1:"
                    + taken.getLocalPort(), "--demo-seconds", "1");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr()).contains("cannot listen on", "--demo-listen");
        }
    }
}
