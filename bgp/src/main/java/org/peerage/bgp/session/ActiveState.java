package org.peerage.bgp.session;

import java.util.List;
import org.peerage.bgp.wire.FsmErrorSubcode;

/** Active (RFC 4271 §8.2.2): listening for the peer's connection; active peers retry on ConnectRetry. */
final class ActiveState {
    private ActiveState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        return switch (e) {
            case SessionEvent.Start ignored -> Transition.stay(s);
            case SessionEvent.Stop stop -> fsm.stop(s, stop, false);
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.CONNECT_RETRY -> fsm.config().passive()
                    ? Transition.stay(s)
                    : new Transition(s.to(SessionState.CONNECT), List.of(new SessionAction.Connect(),
                            new SessionAction.StartTimer(SessionTimer.CONNECT_RETRY, fsm.config().connectRetry())));
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.TcpConnected ignored -> fsm.connected(s);
            case SessionEvent.TcpFailed ignored -> Transition.stay(s);
            case SessionEvent.OutputOverflow ignored -> Transition.stay(s);
            default -> fsm.unexpected(s, FsmErrorSubcode.UNSPECIFIED_ERROR, "message");
        };
    }
}
