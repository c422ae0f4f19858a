package org.peerage.bgp.session;

import java.util.List;
import org.peerage.bgp.wire.FsmErrorSubcode;

/** Connect (RFC 4271 §8.2.2): waiting for the outgoing TCP connection. */
final class ConnectState {
    private ConnectState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        return switch (e) {
            case SessionEvent.Start ignored -> Transition.stay(s);
            case SessionEvent.Stop stop -> fsm.stop(s, stop, false);
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.CONNECT_RETRY -> new Transition(s,
                    List.of(new SessionAction.Disconnect(), new SessionAction.Connect(),
                            new SessionAction.StartTimer(SessionTimer.CONNECT_RETRY, fsm.config().connectRetry())));
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.TcpConnected ignored -> fsm.connected(s);
            // The attempt failed: keep listening, try again when ConnectRetry fires.
            case SessionEvent.TcpFailed ignored -> new Transition(s.to(SessionState.ACTIVE), List.of(
                    new SessionAction.StartTimer(SessionTimer.CONNECT_RETRY, fsm.config().connectRetry())));
            case SessionEvent.OutputOverflow ignored -> Transition.stay(s);
            default -> fsm.unexpected(s, FsmErrorSubcode.UNSPECIFIED_ERROR, "message");
        };
    }
}
