package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.policy.rtr.RtrCache;
import org.peerage.policy.rtr.RtrCacheStatus;
import org.peerage.policy.rtr.RtrClient;

/**
 * The route server's RPKI-to-Router caches: one {@link RtrClient} for the configured caches, whose VRP changes are
 * handed to the RIB thread. Everything but {@link #status()} runs on the RIB thread.
 */
final class RtrFeed implements AutoCloseable {
    private final Consumer<Runnable> ribThread;
    private final BiConsumer<VrpTable, Set<Prefix>> changed;
    private final Consumer<String> log;
    private volatile RtrClient client;
    private List<RtrCache> caches = List.of();
    private int generation;
    private boolean delivered; // whether the current client delivered VRPs yet
    private VrpTable vrps = VrpTable.empty();

    /**
     * @param ribThread runs a task on the RIB thread
     * @param changed   told (on the RIB thread) the caches' new VRPs and the prefixes whose coverage changed
     */
    RtrFeed(Consumer<Runnable> ribThread, BiConsumer<VrpTable, Set<Prefix>> changed, Consumer<String> log) {
        this.ribThread = ribThread;
        this.changed = changed;
        this.log = log;
    }

    /**
     * Uses these caches from now on; the same list as before changes nothing. The VRPs of the caches used before
     * stay in use until the new ones have delivered theirs, so that a change of caches does not flap every route.
     */
    void use(List<RtrCache> next) {
        if (next.equals(caches)) return;
        if (client != null) client.close();
        client = null;
        caches = next;
        int mine = ++generation;
        delivered = false;
        if (next.isEmpty()) {
            if (vrps.size() > 0) {
                Set<Prefix> gone = VrpTable.changedCoverage(vrps, VrpTable.empty());
                vrps = VrpTable.empty();
                changed.accept(vrps, gone);
            }
            return;
        }
        client = RtrClient.start(next, (table, coverage) -> ribThread.accept(() -> {
            if (mine != generation) return; // a client closed since: its last news no longer counts
            // The client reports what changed since its own last delivery; the first delivery of new caches is
            // compared with what the caches before had left in use.
            Set<Prefix> delta = delivered ? coverage : VrpTable.changedCoverage(vrps, table);
            delivered = true;
            vrps = table;
            changed.accept(table, delta);
        }), log);
    }

    /** The caches' VRPs (empty before the first synchronisation). */
    VrpTable vrps() {
        return vrps;
    }

    /** The caches' state, for status and metrics; empty without caches. Any thread. */
    List<RtrCacheStatus> status() {
        RtrClient c = client;
        return c == null ? List.of() : c.status();
    }

    /** The VRPs of the files and of the caches together. */
    static VrpTable joined(VrpTable files, VrpTable caches) {
        if (files.size() == 0) return caches;
        if (caches.size() == 0) return files;
        List<Vrp> all = new ArrayList<>(files.toList());
        all.addAll(caches.toList());
        return VrpTable.of(all);
    }

    @Override
    public void close() {
        generation++;
        if (client != null) client.close();
        client = null;
    }
}
