package org.peerage.interop.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.peerage.interop.daemon.DaemonRoute;

/** Shared waits and lookups of the speaker interop tests. */
final class SpeakerInterop {
    /** How long to wait for a session or a handful of routes. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private SpeakerInterop() {
    }

    /** The one route peerage's session holds for {@code prefix}. */
    static ReceivedRoute only(List<ReceivedRoute> routes, String prefix) {
        List<ReceivedRoute> matching = routes.stream().filter(r -> r.prefixText().equals(prefix)).toList();
        assertThat(matching).as("peerage's routes for %s in %s", prefix, routes).hasSize(1);
        return matching.getFirst();
    }

    /** The one route the daemon holds for {@code prefix} from the peer at {@code peer}. */
    static DaemonRoute onlyAt(List<DaemonRoute> routes, String peer, String prefix) {
        List<DaemonRoute> matching = routes.stream().filter(r -> r.peer().equals(peer) && r.prefix().equals(prefix))
                .toList();
        assertThat(matching).as("daemon's routes for %s from %s in %s", prefix, peer, routes).hasSize(1);
        return matching.getFirst();
    }
}
