package org.peerage.bgp.session;

/** The timers the FSM starts and stops (RFC 4271 §8.1.3, and IdleHoldTimer of §8.1.1 for damping). */
public enum SessionTimer {
    CONNECT_RETRY, HOLD, KEEPALIVE, IDLE_HOLD
}
