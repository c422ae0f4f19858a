package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerage.interop.speaker.SpeakerInterop.WAIT;
import static org.peerage.interop.speaker.SpeakerInterop.only;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.interop.daemon.DaemonExtension;
import org.peerage.interop.daemon.ExaBgp;
import org.peerage.interop.daemon.StaticRoute;

/**
 * RFC 7607 §2: an UPDATE whose AS_PATH holds AS 0 is malformed and handled as RFC 7606 says for AS_PATH
 * (treat-as-withdraw: not in the Adj-RIB-In, a "malformed" event); an AGGREGATOR with AS 0 is malformed too (RFC 7606
 * §7.7: attribute discard, the route stays). BIRD 2.0.12 and ExaBGP 4.2 send such routes, so they are the senders
 * here; FRR and OpenBGPD drop them themselves. (Before commit 6f69f64 peerage kept both.)
 */
@ExtendWith(DaemonExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsZeroRejectedTest {

    @Test
    void routeWithAsZeroInItsPathIsTreatedAsWithdrawn() {
        Link link = Link.ipv4("as0-path", false);
        List<StaticRoute> routes = List.of(StaticRoute.of("10.130.0.0/24").withAsPath(65130L),
                StaticRoute.of("10.131.0.0/24").withAsPath(0L, 65131L));
        try (Pairing pair = Pairing.start(DaemonKind.BIRD, link.daemonPeer().routes(routes).build(),
                PeerageSpeaker.builder().session(link, List.of()))) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.events().await("eor-received", link.name(), WAIT);
            List<ReceivedRoute> rib = peerage.awaitPrefixes(link.name(), WAIT, "10.130.0.0/24");
            assertThat(rib).extracting(ReceivedRoute::prefixText).as("AS 0 in the path: treat-as-withdraw")
                    .containsExactly("10.130.0.0/24");
            assertThat(peerage.events().of("malformed", link.name()))
                    .anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("TREAT_AS_WITHDRAW"));
        }
    }

    @Test
    void aggregatorWithAsZeroIsDiscarded() {
        Link link = Link.ipv4("as0-aggregator", false);
        try (Pairing pair = Pairing.start(DaemonKind.EXABGP, link.daemonPeer().build(),
                PeerageSpeaker.builder().session(link, List.of()))) {
            PeerageSpeaker peerage = pair.peerage();
            peerage.awaitEstablished(link.name(), WAIT);
            ((ExaBgp) pair.daemon()).apiCommand("neighbor " + link.peerageAddress() + " announce route 10.132.0.0/24"
                    + " next-hop 192.0.2.1 origin igp as-path [ " + Link.DAEMON_AS + " ] aggregator ( 0:192.0.2.77 )");
            ReceivedRoute route = only(peerage.awaitPrefixes(link.name(), WAIT, "10.132.0.0/24"), "10.132.0.0/24");
            assertThat(route.attributes()).as("AGGREGATOR with AS 0: attribute discard")
                    .noneMatch(a -> a instanceof Aggregator);
        }
    }
}
