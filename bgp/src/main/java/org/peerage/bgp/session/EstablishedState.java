package org.peerage.bgp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.FsmErrorSubcode;
import org.peerage.bgp.wire.KeepaliveMessage;

/** Established (RFC 4271 §8.2.2): UPDATEs flow; every message from the peer restarts the hold timer. */
final class EstablishedState {
    private EstablishedState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        Transition shared = fsm.whileConnected(s, e);
        if (shared != null) {
            return shared;
        }
        Negotiated n = s.negotiated();
        return switch (e) {
            case SessionEvent.KeepaliveReceived ignored -> {
                List<SessionAction> actions = new ArrayList<>();
                Fsm.restartHold(actions, n);
                yield new Transition(s, actions);
            }
            case SessionEvent.UpdateReceived u -> {
                List<SessionAction> actions = new ArrayList<>();
                Fsm.restartHold(actions, n);
                actions.add(new SessionAction.Deliver(u.update(), u.withdrawAll()));
                yield new Transition(s, actions);
            }
            case SessionEvent.RouteRefreshReceived r -> {
                List<SessionAction> actions = new ArrayList<>();
                Fsm.restartHold(actions, n);
                actions.add(new SessionAction.Refresh(r.refresh()));
                yield new Transition(s, actions);
            }
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.KEEPALIVE -> new Transition(s, List.of(
                    new SessionAction.Send(KeepaliveMessage.INSTANCE),
                    new SessionAction.StartTimer(SessionTimer.KEEPALIVE, Duration.ofSeconds(n.keepaliveTime()))));
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.OpenReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_ESTABLISHED, "OPEN");
            default -> throw new IllegalStateException("handled by whileConnected: " + e);
        };
    }
}
