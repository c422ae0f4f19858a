package org.peerage.policy.rtr;

import java.time.Instant;

/** The client's time: a monotonic clock for timers, the wall clock for what it reports. Tests supply their own. */
interface RtrClock {
    RtrClock SYSTEM = new RtrClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    long nanoTime();

    Instant now();
}
