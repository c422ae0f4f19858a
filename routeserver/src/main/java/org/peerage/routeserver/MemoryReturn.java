package org.peerage.routeserver;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gives memory back once the RIB is quiet after a burst (every client's table at startup, a reload, a flap): a
 * burst fills the heap with short-lived objects and the JVM keeps the memory it grew to until its next collection,
 * which an idle route server may not have for a long time. One full collection once the work is done compacts the
 * heap to what the RIB holds and lets G1 shrink it. A full one, because a concurrent cycle leaves the garbage in old
 * regions until mixed collections, which an idle server does not have; its pause (0.37 s over 5.8 M paths, 0.1 s
 * after a flap) falls in a quiet moment, far below any hold time. Quiet: no route changed for a whole check interval
 * and nothing waits to be exported.
 *
 * <p>After the collection, the C library is asked to give back the memory freed inside its heap ({@code
 * malloc_trim}): what the JVM's collector and compilers allocated at the peak stays mapped otherwise (140 MB at
 * 100 clients × 5,000 prefixes).
 */
final class MemoryReturn {
    /** Route changes below this are too few to be worth a collection. */
    static final long BURST = 50_000;

    /** glibc's {@code int malloc_trim(size_t pad)}, where the C library has it. */
    @SuppressWarnings("restricted")
    private static final Optional<MethodHandle> MALLOC_TRIM = Linker.nativeLinker().defaultLookup().find("malloc_trim")
            .map(f -> Linker.nativeLinker().downcallHandle(f,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)));

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

    /** A full collection, then the native heap trimmed; for a thread of its own (the collection pauses). */
    static void collectAndTrim() {
        System.gc();
        trimNativeHeap();
    }

    /** Asks the C library to give freed memory back; false where it has no malloc_trim (not glibc). */
    static boolean trimNativeHeap() {
        if (MALLOC_TRIM.isEmpty()) return false;
        try {
            int released = (int) MALLOC_TRIM.get().invokeExact(0L); // invokeExact needs the declared int result
            return true;
        } catch (Throwable e) {
            throw new IllegalStateException("malloc_trim", e);
        }
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
