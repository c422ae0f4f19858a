package org.peerage.routeserver;

import java.util.function.BooleanSupplier;

/**
 * Gives memory back once the RIB is quiet after a burst (every client's table at startup, a reload, a flap): a
 * burst fills the heap with short-lived objects and the JVM keeps the memory it grew to until its next collection,
 * which an idle route server may not have for a long time. One full collection once the work is done compacts the
 * heap to what the RIB holds and lets G1 shrink it. A full one, because a concurrent cycle leaves the garbage in old
 * regions until mixed collections, which an idle server does not have; its pause (0.37 s over 5.8 M paths, 0.1 s
 * after a flap) falls in a quiet moment, far below any hold time. Quiet: no route changed for a whole check interval
 * and nothing waits to be exported.
 */
final class MemoryReturn {
    /** Route changes below this are too few to be worth a collection. */
    static final long BURST = 50_000;

    private final BooleanSupplier exportIdle;
    private final Runnable collect;
    private long changes; // RIB thread
    private long changesAtLastCheck;

    /**
     * @param exportIdle whether nothing waits to be exported (asked on the RIB thread)
     * @param collect    starts a collection; must not block the RIB thread
     */
    MemoryReturn(BooleanSupplier exportIdle, Runnable collect) {
        this.exportIdle = exportIdle;
        this.collect = collect;
    }

    /** Counts route changes (RIB thread). */
    void changed(int n) {
        changes += n;
    }

    /** Called at a fixed interval on the RIB thread; true if it started a collection. */
    boolean check() {
        boolean quiet = changes == changesAtLastCheck;
        changesAtLastCheck = changes;
        if (!quiet || changes < BURST || !exportIdle.getAsBoolean()) return false;
        changes = 0;
        changesAtLastCheck = 0;
        collect.run();
        return true;
    }
}
