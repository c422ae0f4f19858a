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
        int http;
        try (ServerSocket s = new ServerSocket(0); ServerSocket h = new ServerSocket(0)) {
            port = s.getLocalPort();
            http = h.getLocalPort();
        }
        PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "--demo-listen", "127.0.0.1:" + port,
                "--demo-http", "127.0.0.1:" + http, "--demo-seconds", "3");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String out = r.out();
        assertThat(out).contains("peerage demo IXP: route server AS64500 on 127.0.0.1:" + port);
        assertThat(out.lines().filter(l -> l.contains("ESTABLISHED")).count()).as("every member's session is up")
                .isEqualTo(14);
        assertThat(out).contains("bogon_prefix", "rpki_invalid", "next_hop_not_client", "as_path_too_long",
                "transit_free_asn", "invalid_asn", "prefix_not_in_as_set", "max_prefix");
        assertThat(out).contains("next hop: 127.1.0.99 is not among [127.1.0.16] (policy strict)");
        assertThat(out).containsPattern("Blackhole \\S+/32 from Shielded Gaming: accepted, sent to 13 members");
        assertThat(out).contains("http://127.0.0.1:" + http + "/protocols/bgp");
        assertThat(out).contains("./peerage routeserver explain 10.0.0.0/8 --api http://127.0.0.1:" + http);
        assertThat(out).contains("stopping after 3 s: Cease to every member");
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             ServerSocket free = new ServerSocket(0)) {
            int http = free.getLocalPort();
            free.close();
            PeerageProcess.Result r = PeerageProcess.run(null, "routeserver", "--demo-listen", "127.0.0.1:"
                    + taken.getLocalPort(), "--demo-http", "127.0.0.1:" + http, "--demo-seconds", "1");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr()).contains("cannot listen on", "--demo-listen");
        }
    }

    @Test
    void explainAsksTheRunningRouteServerWhyARouteWasFiltered() throws Exception {
        int port;
        int http;
        try (ServerSocket s = new ServerSocket(0); ServerSocket h = new ServerSocket(0)) {
            port = s.getLocalPort();
            http = h.getLocalPort();
        }
        PeerageProcess.Running demo = PeerageProcess.start("routeserver", "--demo-listen", "127.0.0.1:" + port,
                "--demo-http", "127.0.0.1:" + http);
        String api = "http://127.0.0.1:" + http;
        PeerageProcess.Result r = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            r = PeerageProcess.run(null, "routeserver", "explain", "10.0.0.0/8", "--api", api);
            if (r.exitCode() == 0 && r.out().contains("bogon")) break;
            Thread.sleep(1000);
        }
        assertThat(r.exitCode()).as("%s; the demo %s", r.stderr(), demo.process().isAlive() ? "runs"
                : "ended").isZero();
        assertThat(r.out()).contains("10.0.0.0/8: 1 path", "from AS202117", "REFUSED: bogon_prefix (2, bogon prefix)",
                "failed  bogon prefix", "within bogon 10.0.0.0/8",
                "not exported: refused by import policy (bogon_prefix)");
        PeerageProcess.Result one = PeerageProcess.run(null, "routeserver", "explain", "10.0.0.0/8", "--api", api,
                "--client", "AS29208");
        assertThat(one.out()).contains("to AS29208 127.1.0.10").doesNotContain("to AS8400");
        PeerageProcess.Result none = PeerageProcess.run(null, "routeserver", "explain", "203.0.113.0/24", "--api",
                api);
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("203.0.113.0/24: no path held");
        PeerageProcess.Result stopped = demo.stop();
        assertThat(stopped.out()).as("SIGTERM: Cease to every member").contains("stopping: Cease to every member");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PeerageProcess.Result down = PeerageProcess.run(null, "routeserver", "explain", "10.0.0.0/8", "--api",
                "http://127.0.0.1:" + closed);
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.stderr()).contains("no route server API at http://127.0.0.1:" + closed);
    }
}
