package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.only;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.SessionState;
import org.peerage.interop.daemon.StaticRoute;

/**
 * TCP MD5 signatures (RFC 2385) between peerage and BIRD or FRR, peerage connecting and listening: the same password
 * establishes and routes flow; different passwords never get past TCP (the kernel drops the unsigned-as-expected
 * segments and counts them in TcpExt TCPMD5Failure), so peerage never reaches Established, nor does the daemon.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Md5SessionTest {
    private static final String PASSWORD = "pe3rage-Md5";

    static Stream<Arguments> daemonsAndDirections() {
        return Stream.of(Arguments.of(DaemonKind.BIRD, "active"), Arguments.of(DaemonKind.BIRD, "passive"),
                Arguments.of(DaemonKind.FRR, "active"), Arguments.of(DaemonKind.FRR, "passive"));
    }

    @ParameterizedTest(name = "{0}, peerage {1}")
    @MethodSource("daemonsAndDirections")
    void samePasswordEstablishes(DaemonKind kind, String peerageRole) {
        Link link = Link.ipv4("md5-" + kind + "-" + peerageRole, peerageRole.equals("passive"));
        DaemonPeer daemonPeer = link.daemonPeer().md5Password(PASSWORD).route(StaticRoute.of("10.121.0.0/24")).build();
        PeerageSpeaker.Builder speaker = PeerageSpeaker.builder().session(link, link.peerConfig(),
                link.options().withMd5(PASSWORD), Routes.table(List.of()));
        try (Pairing pair = Pairing.start(kind, daemonPeer, speaker)) {
            pair.peerage().awaitEstablished(link.name(), WAIT);
            pair.daemon().waitEstablished(WAIT);
            assertThat(only(pair.peerage().awaitPrefixes(link.name(), WAIT, "10.121.0.0/24"), "10.121.0.0/24")
                    .asPath()).containsExactly(Link.DAEMON_AS);
        }
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(Arguments.of(DaemonKind.BIRD, "active"), Arguments.of(DaemonKind.FRR, "passive"));
    }

    @ParameterizedTest(name = "{0}, peerage {1}")
    @MethodSource("mismatches")
    void differentPasswordNeverEstablishes(DaemonKind kind, String peerageRole) throws InterruptedException {
        Link link = Link.ipv4("md5-wrong-" + kind + "-" + peerageRole, peerageRole.equals("passive"));
        DaemonPeer daemonPeer = link.daemonPeer().md5Password(PASSWORD).build();
        PeerageSpeaker.Builder speaker = PeerageSpeaker.builder().session(link, link.peerConfig(),
                link.options().withMd5("not-" + PASSWORD), Routes.table(List.of()));
        long failuresBefore = md5Failures();
        try (Pairing pair = Pairing.start(kind, daemonPeer, speaker)) {
            // The connecting side retries every second; a matching pair establishes within about one.
            Set<SessionState> daemonStates = EnumSet.noneOf(SessionState.class);
            Set<org.peerage.bgp.session.SessionState> ourStates = EnumSet.noneOf(org.peerage.bgp.session.SessionState.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) {
                daemonStates.add(pair.daemon().sessionState(link.peerageAddress()));
                ourStates.add(pair.peerage().session(link.name()).state());
                Thread.sleep(200);
            }
            assertThat(ourStates).doesNotContain(org.peerage.bgp.session.SessionState.OPEN_CONFIRM,
                    org.peerage.bgp.session.SessionState.ESTABLISHED);
            assertThat(pair.peerage().events().of("established", null)).isEmpty();
            // (BIRD waiting for a connection says "Passive", which the harness reports as UNKNOWN.)
            assertThat(daemonStates).doesNotContain(SessionState.OPEN_CONFIRM, SessionState.ESTABLISHED);
            assertThat(md5Failures()).as("kernel's TcpExt TCPMD5Failure").isGreaterThan(failuresBefore);
        }
    }

    /** The kernel's count of segments dropped for a wrong MD5 signature (all namespaces' tests add to it). */
    private static long md5Failures() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    List<String> names = List.of(lines.get(i).split("\\s+"));
                    String[] values = lines.get(i + 1).split("\\s+");
                    int at = names.indexOf("TCPMD5Failure");
                    return at < 0 ? -1 : Long.parseLong(values[at]);
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
