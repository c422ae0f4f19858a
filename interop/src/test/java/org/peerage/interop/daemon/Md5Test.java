package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.daemon.BirdGoBgpTest.WAIT;
import static org.peerage.interop.daemon.BirdGoBgpTest.only;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** TCP MD5 signatures (RFC 2385) between BIRD and FRR on loopback: the kernel's TCP_MD5SIG does the work. */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Md5Test {

    private static DaemonPeer bird(String birdAddress, String frrAddress) {
        return DaemonPeer.builder()
                .local(65001, birdAddress, Ports.freePort(birdAddress))
                .remote(65002, frrAddress, Ports.freePort(frrAddress))
                .md5Password("s3cret-Pw")
                .route(StaticRoute.of("10.1.0.0/24"))
                .build();
    }

    @Test
    void matchingPasswordsEstablish() {
        String birdAddress = Ports.loopbackAddress();
        String frrAddress = Ports.loopbackAddress();
        DaemonPeer bird = bird(birdAddress, frrAddress);
        try (Daemon f = new Frr(bird.mirrored()).start(); Daemon b = new Bird2(bird).start()) {
            b.waitEstablished(WAIT);
            f.waitEstablished(WAIT);
            assertThat(only(f.awaitReceivedRoutes(1, WAIT), birdAddress, "10.1.0.0/24").asPath()).containsExactly(65001L);
        }
    }

    @Test
    void differentPasswordsNeverEstablish() throws InterruptedException {
        String birdAddress = Ports.loopbackAddress();
        String frrAddress = Ports.loopbackAddress();
        DaemonPeer bird = bird(birdAddress, frrAddress);
        try (Daemon f = new Frr(bird.mirrored().withMd5Password("not-the-same")).start();
                Daemon b = new Bird2(bird).start()) {
            // BIRD connects every second; watch for three seconds (a matching pair establishes in about one).
            Set<SessionState> seen = EnumSet.noneOf(SessionState.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                seen.add(b.sessionState(frrAddress));
                seen.add(f.sessionState(birdAddress));
                Thread.sleep(200);
            }
            assertThat(seen).doesNotContain(SessionState.ESTABLISHED, SessionState.OPEN_CONFIRM, SessionState.UNKNOWN);
            assertThat(f.receivedRoutes()).isEmpty();
        }
    }
}
