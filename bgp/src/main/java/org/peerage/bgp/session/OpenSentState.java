package org.peerage.bgp.session;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.FsmErrorSubcode;
import org.peerage.bgp.wire.KeepaliveMessage;
import org.peerage.bgp.wire.NotificationMessage;

/** OpenSent (RFC 4271 §8.2.2): our OPEN is out; the peer's is checked and negotiated. */
final class OpenSentState {
    private OpenSentState() {
    }

    static Transition on(Fsm fsm, FsmState s, SessionEvent e) {
        Transition shared = fsm.whileConnected(s, e);
        if (shared != null) {
            return shared;
        }
        return switch (e) {
            case SessionEvent.OpenReceived open -> switch (Negotiation.negotiate(fsm.config(), fsm.config().open(),
                    open.open())) {
                case Negotiation.Result.Refused r -> fsm.fail(s, r.error().reason(),
                        NotificationMessage.of(r.error()), null);
                case Negotiation.Result.Agreed a -> {
                    List<SessionAction> actions = new ArrayList<>();
                    actions.add(new SessionAction.Send(KeepaliveMessage.INSTANCE));
                    Fsm.startSessionTimers(actions, a.negotiated());
                    yield new Transition(new FsmState(SessionState.OPEN_CONFIRM, a.negotiated(), s.failures()),
                            actions);
                }
            };
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.KeepaliveReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "KEEPALIVE");
            case SessionEvent.UpdateReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "UPDATE");
            case SessionEvent.RouteRefreshReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "ROUTE-REFRESH");
            default -> throw new IllegalStateException("handled by whileConnected: " + e);
        };
    }
}
