package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peerage.bgp.session.SessionAction;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.ShutdownCommunication;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.DaemonExtension;

/**
 * An operator's shutdown of the session on the daemon side (BIRD {@code disable peer "..."}, GoBGP {@code neighbor
 * ADDR disable --reason}, FRR {@code neighbor ADDR shutdown message}, OpenBGPD {@code bgpctl neighbor ADDR down}) reaches
 * peerage as a Cease / Administrative Shutdown whose RFC 8203/9003 communication is decoded: in the session layer's
 * Down action and in the speaker's "down" event.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NotificationReasonTest {
    private static final String MESSAGE = "maintenance until 02:00, ticket 4711";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DaemonKind.class, names = {"BIRD", "GOBGP", "FRR", "OPENBGPD"})
    void shutdownCommunicationIsDecodedInTheDownAction(DaemonKind kind) {
        Link link = Link.ipv4("cease-" + kind, false);
        try (Daemon daemon = kind.create(List.of(link.daemonPeer().build())).start();
                RecordingSession session = new RecordingSession(link).start()) {
            session.awaitUp(WAIT);
            daemon.waitEstablished(WAIT);
            int mark = session.mark();
            DaemonCommands.shutdown(daemon, link.peerageAddress(), MESSAGE);

            SessionAction.Down down = session.awaitDown(mark, WAIT);
            assertThat(down.received()).as("NOTIFICATION received").isNotNull();
            assertThat(down.received().errorCode()).isEqualTo(NotificationCode.CEASE);
            assertThat(down.received().subcode()).isEqualTo(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN.code());
            assertThat(down.received().shutdownCommunication()).isEqualTo(new ShutdownCommunication.Text(MESSAGE));
            assertThat(down.reason()).isEqualTo("peer sent Cease / Administrative Shutdown: \"" + MESSAGE + "\"");
            assertThat(session.session().state()).isNotEqualTo(SessionState.ESTABLISHED);
        }
    }

    @Test
    void speakerReportsTheDecodedCommunicationInItsDownEvent() {
        Link link = Link.ipv4("cease-event-BIRD", false);
        try (Pairing pair = Pairing.start(DaemonKind.BIRD, link.daemonPeer().build(),
                PeerageSpeaker.builder().session(link, List.of()))) {
            pair.peerage().awaitEstablished(link.name(), WAIT);
            DaemonCommands.shutdown(pair.daemon(), link.peerageAddress(), MESSAGE);
            JsonNode down = pair.peerage().events().await("down", link.name(), WAIT);
            assertThat(down.path("notification_received").asText())
                    .isEqualTo("Cease / Administrative Shutdown: \"" + MESSAGE + "\"");
        }
    }
}
