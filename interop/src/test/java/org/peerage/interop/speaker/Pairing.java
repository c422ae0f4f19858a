package org.peerage.interop.speaker;

import java.util.List;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.DaemonPeer;

/**
 * A daemon and peerage's speaker started for each other, the passive side first (so the active side's first connect
 * succeeds); closing stops peerage (a Cease goes out) and then the daemon.
 */
record Pairing(Daemon daemon, PeerageSpeaker peerage) implements AutoCloseable {

    static Pairing start(DaemonKind kind, List<DaemonPeer> daemonPeers, PeerageSpeaker.Builder speaker,
                         boolean peeragePassive) {
        Daemon daemon = kind.create(daemonPeers);
        PeerageSpeaker peerage = null;
        try {
            if (peeragePassive) {
                peerage = speaker.start();
                daemon.start();
            } else {
                daemon.start();
                peerage = speaker.start();
            }
            return new Pairing(daemon, peerage);
        } catch (RuntimeException | Error e) {
            if (peerage != null) {
                peerage.close();
            }
            daemon.stop();
            throw e;
        }
    }

    static Pairing start(DaemonKind kind, DaemonPeer daemonPeer, PeerageSpeaker.Builder speaker) {
        return start(kind, List.of(daemonPeer), speaker, !daemonPeer.passive());
    }

    @Override
    public void close() {
        try {
            peerage.close();
        } finally {
            daemon.stop();
        }
    }
}
