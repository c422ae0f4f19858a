package org.peerage.routeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryReturnTest {
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final AtomicInteger collections = new AtomicInteger();
    private final MemoryReturn m = new MemoryReturn(idle::get, collections::incrementAndGet);

    @Test
    void collectsOnceWhenAQuietIntervalFollowsABurst() {
        m.changed((int) MemoryReturn.BURST);
        assertThat(m.check()).as("changes in this interval: not quiet yet").isFalse();
        assertThat(m.check()).as("a whole interval without a change").isTrue();
        assertThat(m.check()).as("once per burst").isFalse();
        assertThat(collections).hasValue(1);
    }

    @Test
    void waitsWhileChangesGoOnOrExportsWait() {
        m.changed((int) MemoryReturn.BURST);
        m.check();
        m.changed(1);
        assertThat(m.check()).as("still changing").isFalse();
        idle.set(false);
        assertThat(m.check()).as("a receiver still catching up").isFalse();
        idle.set(true);
        assertThat(m.check()).isTrue();
    }

    @Test
    void aFewChangesAreNotWorthACollection() {
        m.changed(100);
        m.check();
        assertThat(m.check()).isFalse();
        assertThat(collections).hasValue(0);
    }

    @Test
    void theNativeHeapIsTrimmedOnGlibc() {
        // Every machine this runs on is Debian (glibc): the downcall must be found and take its arguments.
        assertThat(MemoryReturn.trimNativeHeap()).isTrue();
    }
}
