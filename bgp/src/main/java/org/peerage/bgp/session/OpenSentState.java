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
        return switch (e) {
            case SessionEvent.Start ignored -> Transition.stay(s);
            case SessionEvent.Stop stop -> fsm.stop(s, stop, true);
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
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.HOLD -> fsm.holdTimerExpired(s);
            case SessionEvent.TimerExpired ignored -> Transition.stay(s);
            case SessionEvent.TcpConnected ignored -> Transition.stay(s);
            case SessionEvent.TcpFailed f -> fsm.tcpFailed(s, f);
            case SessionEvent.NotificationReceived n -> fsm.notificationReceived(s, n.notification());
            case SessionEvent.MessageError m -> fsm.messageError(s, m);
            case SessionEvent.OutputOverflow ignored -> fsm.outputOverflow(s);
            case SessionEvent.KeepaliveReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "KEEPALIVE");
            case SessionEvent.UpdateReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "UPDATE");
            case SessionEvent.RouteRefreshReceived ignored ->
                    fsm.unexpected(s, FsmErrorSubcode.UNEXPECTED_MESSAGE_IN_OPEN_SENT, "ROUTE-REFRESH");
        };
    }
}
