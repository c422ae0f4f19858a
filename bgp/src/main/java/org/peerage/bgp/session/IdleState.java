package org.peerage.bgp.session;

import java.util.List;

/** Idle (RFC 4271 §8.2.2): refuses connections; Start, or the idle hold timer after a failure, leaves it. */
final class IdleState {
    private IdleState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        return switch (e) {
            case SessionEvent.Start ignored -> fsm.start(s);
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.IDLE_HOLD -> fsm.start(s);
            // A connection that reaches an Idle session is refused (the driver also refuses it at accept time).
            case SessionEvent.TcpConnected ignored -> new Transition(s, List.of(new SessionAction.Disconnect()));
            default -> Transition.stay(s);
        };
    }
}
