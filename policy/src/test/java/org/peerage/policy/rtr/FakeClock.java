package org.peerage.policy.rtr;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so. */
final class FakeClock implements RtrClock {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative: so may this

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return START.plusNanos(nanos.get() + 5_000_000_000L);
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
