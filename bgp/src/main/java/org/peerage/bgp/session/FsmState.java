package org.peerage.bgp.session;

/**
 * The FSM's memory between events.
 *
 * @param negotiated what the OPEN exchange agreed (from OpenConfirm on), or null
 * @param failures   consecutive sessions that ended in error, for the idle hold back-off
 */
public record FsmState(SessionState state, Negotiated negotiated, int failures) {
    public static final FsmState INITIAL = new FsmState(SessionState.IDLE, null, 0);

    FsmState to(SessionState next) {
        return new FsmState(next, negotiated, failures);
    }
}
