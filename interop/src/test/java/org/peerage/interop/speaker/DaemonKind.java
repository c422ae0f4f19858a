package org.peerage.interop.speaker;

import java.util.List;
import java.util.function.Function;
import org.peerage.interop.daemon.Bird2;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.DaemonPeer;
import org.peerage.interop.daemon.ExaBgp;
import org.peerage.interop.daemon.Frr;
import org.peerage.interop.daemon.GoBgp;
import org.peerage.interop.daemon.OpenBgpd;

/** The daemons of the harness, with what their harness classes can originate. */
enum DaemonKind {
    BIRD("BIRD", Bird2::new),
    GOBGP("GoBGP", GoBgp::new),
    FRR("FRR", Frr::new),
    OPENBGPD("OpenBGPD", OpenBgpd::new),
    EXABGP("ExaBGP", ExaBgp::new);

    private final String label;
    private final Function<List<DaemonPeer>, Daemon> factory;

    DaemonKind(String label, Function<List<DaemonPeer>, Daemon> factory) {
        this.label = label;
        this.factory = factory;
    }

    Daemon create(List<DaemonPeer> peers) {
        return factory.apply(peers);
    }

    /** OpenBGPD's {@code network} statements carry no AS path. */
    boolean originatesAsPath() {
        return this != OPENBGPD;
    }

    @Override
    public String toString() {
        return label;
    }
}
