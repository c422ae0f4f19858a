package org.peerage.bgp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.FsmErrorSubcode;
import org.peerage.bgp.wire.KeepaliveMessage;

/** OpenConfirm (RFC 4271 §8.2.2): OPENs agreed; the peer's KEEPALIVE makes the session Established. */
final class OpenConfirmState {
    private OpenConfirmState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        Transition shared = fsm.whileConnected(s, e);
        if (shared != null) {
            return shared;
        }
        return switch (e) {
            case SessionEvent.KeepaliveReceived ignored -> {
                List<SessionAction> actions = new ArrayList<>();
                Fsm.restartHold(actions, s.negotiated());
                actions.add(new SessionAction.Up(s.negotiated()));
                // A session that came up clears the damping history.
                yield new Transition(new FsmState(SessionState.ESTABLISHED, s.negotiated(), 0), actions);
            }
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.KEEPALIVE -> new Transition(s, List.of(
                    new SessionAction.Send(KeepaliveMessage.INSTANCE), new SessionAction.StartTimer(
                            SessionTimer.KEEPALIVE, Duration.ofSeconds(s.negotiated().keepaliveTime()))));
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.OpenReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, "OPEN");
            case SessionEvent.UpdateReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, "UPDATE");
            case SessionEvent.RouteRefreshReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_CONFIRM, "ROUTE-REFRESH");
            default -> throw new IllegalStateException("handled by whileConnected: " + e);
        };
    }
}
