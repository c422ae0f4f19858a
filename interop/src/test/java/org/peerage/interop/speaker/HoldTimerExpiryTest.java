package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerage.interop.daemon.Bird2;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;

/**
 * A daemon that goes silent (SIGSTOP: its sockets stay open, its keepalives stop) is dropped by peerage when the
 * 3-second hold time runs out: a "down" event with reason "hold timer expired" and a Hold Timer Expired NOTIFICATION
 * sent; once the daemon runs again (SIGCONT) the session comes back. BIRD also logs the NOTIFICATION it got.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HoldTimerExpiryTest {
    private static final int HOLD = 3;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "GOBGP", "FRR"})
    void silentDaemonIsDroppedWhenTheHoldTimeRunsOut(DaemonKind kind) {
        Link link = Link.ipv4("hold-" + kind, false);
        DaemonPeer daemonPeer = link.daemonPeer().holdTime(Duration.ofSeconds(HOLD)).build();
        PeerageSpeaker.Builder speaker = PeerageSpeaker.builder().session(link, link.peerConfig().withHoldTime(HOLD),
                link.options(), Routes.table(List.of()));
        try (Pairing pair = Pairing.start(kind, daemonPeer, speaker)) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.awaitEstablished(link.name(), WAIT);
            assertThat(peerage.session(link.name()).negotiated().holdTime()).isEqualTo(HOLD);
            PeerageSpeaker.sleep(500);

            long frozenAt = System.nanoTime();
            DaemonProcess.freeze(pair.daemon());
            JsonNode down;
            try {
                down = peerage.events().await("down", link.name(), Duration.ofSeconds(HOLD + 5));
            } finally {
                DaemonProcess.thaw(pair.daemon());
            }
            double after = (System.nanoTime() - frozenAt) / 1e9;
            assertThat(down.path("reason").asText()).isEqualTo("hold timer expired");
            assertThat(down.path("notification_sent").asText()).isEqualTo("Hold Timer Expired");
            assertThat(after).as("seconds from SIGSTOP to the down event").isBetween(HOLD - 1.5, HOLD + 1.5);

            peerage.awaitEstablished(link.name(), 2, WAIT);
            if (pair.daemon() instanceof Bird2 bird) {
                PeerageSpeaker.sleep(200);
                assertThat(DaemonCommands.birdLog(bird)).contains("Received: Hold timer expired");
            }
        }
    }
}
