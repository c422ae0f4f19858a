package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.only;
import static org.peerage.interop.speaker.SpeakerInterop.onlyAt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerage.bgp.session.Negotiated;
import org.peerage.interop.daemon.Bird2;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.DaemonRoute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * Against a 2-octet-only peer (BIRD with {@code enable as4 off}: it neither offers nor uses the 4-octet AS capability)
 * peerage sends paths holding 4-octet ASes as AS_PATH with AS_TRANS plus AS4_PATH, and rebuilds the 4-octet paths
 * from what it receives (RFC 6793 §4.2): both ends end up with the true paths.
 *
 * <p>peerage is in a 2-octet AS here: BIRD 2.0.12 with {@code enable as4 off} refuses a 4-octet neighbour AS in its
 * configuration ("Neighbor AS number out of range (AS4 not available)"), and when told AS_TRANS it still checks the AS
 * of the 4-octet capability it claims not to support, answering peerage's OPEN (My AS 23456, capability 4211110002)
 * with Bad Peer AS.
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwoOctetAsPeerTest {
    private static final long BIRD_AS = 65010;
    private static final long PEERAGE_AS = 65020;
    private static final long BEHIND_BIRD = 4_211_110_091L;
    private static final long BEHIND_PEERAGE = 4_211_110_092L;

    @Test
    void fourOctetPathsSurviveASessionWithoutTheCapability() throws IOException {
        Link link = Link.ipv4("two-octet", PEERAGE_AS, BIRD_AS, false);
        DaemonPeer birdPeer = link.daemonPeer()
                .route(StaticRoute.of("10.91.0.0/24").withAsPath(BEHIND_BIRD, 65091L))
                .build();
        List<StaticRoute> ours = List.of(StaticRoute.of("10.92.0.0/24").withAsPath(BEHIND_PEERAGE, 65092L));

        Bird2 bird = new Bird2(birdPeer);
        try (bird) {
            bird.start();
            disableAs4(bird);
            try (PeerageSpeaker peerage = PeerageSpeaker.builder().session(link, ours).start()) {
                peerage.awaitEstablished(link.name(), WAIT);
                Negotiated n = peerage.session(link.name()).negotiated();
                assertThat(n.fourOctetAs()).as("4-octet AS negotiated with a peer that has it off").isFalse();
                assertThat(n.peerAs()).isEqualTo(BIRD_AS);

                // BIRD sent AS_PATH (65010 23456 65091) and AS4_PATH; peerage's Adj-RIB-In has the true path.
                ReceivedRoute got = only(peerage.awaitPrefixes(link.name(), WAIT, "10.91.0.0/24"), "10.91.0.0/24");
                assertThat(got.asPath()).containsExactly(BIRD_AS, BEHIND_BIRD, 65091L);

                // peerage sent AS_PATH (65020 23456 65092) and AS4_PATH; BIRD, AS4-aware inside, rebuilt the path.
                DaemonRoute at = onlyAt(bird.awaitReceivedRoutes(1, WAIT), link.peerageAddress(), "10.92.0.0/24");
                assertThat(at.asPath()).containsExactly(PEERAGE_AS, BEHIND_PEERAGE, 65092L);
                assertThat(bird.birdc("show protocols all peer_0")).doesNotContain("AS4");
            }
        }
    }

    /** Adds {@code enable as4 off} to the running BIRD's session and reconfigures (the session restarts). */
    static void disableAs4(Bird2 bird) throws IOException {
        Path conf = bird.workDir().resolve("bird.conf");
        String config = Files.readString(conf);
        String marker = "  strict bind;\n";
        assertThat(config).contains(marker);
        Files.writeString(conf, config.replace(marker, marker + "  enable as4 off;\n"));
        assertThat(bird.birdc("configure")).containsAnyOf("Reconfigured", "Reconfiguration in progress");
    }
}
