package org.peerage.bgp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.CeaseSubcode;
import org.peerage.bgp.wire.FsmErrorSubcode;
import org.peerage.bgp.wire.NotificationCode;
import org.peerage.bgp.wire.NotificationMessage;

/**
 * The BGP finite state machine of RFC 4271 §8 as a pure function: (state, event) to (next state, actions). Each
 * state's rules live in a class of their own; this class dispatches and holds what the states share. Connection
 * collisions (§6.8) are resolved by the driver, which runs one FSM per TCP connection until OPENs are exchanged.
 */
public final class Fsm {
    private final PeerConfig config;

    public Fsm(PeerConfig config) {
        this.config = config;
    }

    public PeerConfig config() {
        return config;
    }

    public Transition apply(FsmState s, SessionEvent e) {
        return switch (s.state()) {
            case IDLE -> IdleState.on(this, s, e);
            case CONNECT -> ConnectState.on(this, s, e);
            case ACTIVE -> ActiveState.on(this, s, e);
            case OPEN_SENT -> OpenSentState.on(this, s, e);
            case OPEN_CONFIRM -> OpenConfirmState.on(this, s, e);
            case ESTABLISHED -> EstablishedState.on(this, s, e);
        };
    }

    /** Leaving Idle: connect out (or wait, if passive). */
    Transition start(FsmState s) {
        if (config.passive()) {
            return new Transition(s.to(SessionState.ACTIVE), List.of());
        }
        return new Transition(s.to(SessionState.CONNECT), List.of(new SessionAction.Connect(),
                new SessionAction.StartTimer(SessionTimer.CONNECT_RETRY, config.connectRetry())));
    }

    /** TCP is up in Connect or Active: send our OPEN and wait for theirs under the long hold timer. */
    Transition connected(FsmState s) {
        return new Transition(s.to(SessionState.OPEN_SENT), List.of(
                new SessionAction.StopTimer(SessionTimer.CONNECT_RETRY),
                new SessionAction.Send(config.open()),
                new SessionAction.StartTimer(SessionTimer.HOLD, PeerConfig.OPEN_HOLD_TIME)));
    }

    /** Manual stop: Cease / Administrative Shutdown (RFC 8203 message if any), back to Idle with no restart. */
    Transition stop(FsmState s, SessionEvent.Stop stop, boolean connected) {
        List<SessionAction> actions = new ArrayList<>();
        NotificationMessage cease = null;
        if (connected) {
            cease = stop.notification() != null ? stop.notification()
                    : stop.shutdownMessage() == null || stop.shutdownMessage().isEmpty()
                    ? NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN)
                    : NotificationMessage.cease(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, stop.shutdownMessage());
            actions.add(new SessionAction.Send(cease));
        }
        actions.add(new SessionAction.Disconnect());
        stopAllTimers(actions);
        if (connected) {
            // Only a session that had a connection goes down; stopping one that was still waiting is just a stop.
            actions.add(new SessionAction.Down(stop.reason(), cease, null, s.negotiated()));
        }
        return new Transition(new FsmState(SessionState.IDLE, null, 0), actions);
    }

    /**
     * The session failed: send the NOTIFICATION if there is one, close, report, and (with automatic restart) wait
     * out an idle hold time that doubles with each consecutive failure.
     */
    Transition fail(FsmState s, String reason, NotificationMessage sent, NotificationMessage received) {
        List<SessionAction> actions = new ArrayList<>();
        if (sent != null) {
            actions.add(new SessionAction.Send(sent));
        }
        actions.add(new SessionAction.Disconnect());
        stopAllTimers(actions);
        actions.add(new SessionAction.Down(reason, sent, received, s.negotiated()));
        int failures = s.failures() + 1;
        if (config.autoRestart()) {
            actions.add(new SessionAction.StartTimer(SessionTimer.IDLE_HOLD, idleHold(failures)));
        }
        return new Transition(new FsmState(SessionState.IDLE, null, failures), actions);
    }

    Duration idleHold(int failures) {
        Duration d = config.idleHoldMin();
        for (int i = 1; i < failures && d.compareTo(config.idleHoldMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.idleHoldMax()) > 0 ? config.idleHoldMax() : d;
    }

    /** A message the state does not expect: FSM Error with the state's subcode (RFC 6608). */
    Transition unexpected(FsmState s, FsmErrorSubcode subcode, String what) {
        return fail(s, "unexpected " + what + " in " + s.state(),
                NotificationMessage.of(NotificationCode.FINITE_STATE_MACHINE_ERROR, subcode.code(), new byte[0]),
                null);
    }

    Transition holdTimerExpired(FsmState s) {
        return fail(s, "hold timer expired", NotificationMessage.of(NotificationCode.HOLD_TIMER_EXPIRED, 0,
                new byte[0]), null);
    }

    Transition notificationReceived(FsmState s, NotificationMessage n) {
        return fail(s, "peer sent " + n.describe(), null, n);
    }

    Transition messageError(FsmState s, SessionEvent.MessageError e) {
        return fail(s, e.malformation().reason(), NotificationMessage.of(e.malformation()), null);
    }

    Transition tcpFailed(FsmState s, SessionEvent.TcpFailed e) {
        return fail(s, "connection lost: " + e.reason(), null, null);
    }

    Transition outputOverflow(FsmState s) {
        return fail(s, "peer stopped reading: output queue full",
                NotificationMessage.cease(CeaseSubcode.OUT_OF_RESOURCES), null);
    }

    /**
     * What OpenSent, OpenConfirm and Established do alike once a connection exists: stop, hold timer expiry, a lost
     * connection, a NOTIFICATION or an undecodable message from the peer, an output queue overflow; other timers
     * and a repeated TCP event are ignored. Null for the events each state decides itself.
     */
    Transition whileConnected(FsmState s, SessionEvent e) {
        return switch (e) {
            case SessionEvent.Start ignored -> Transition.stay(s);
            case SessionEvent.Stop stop -> stop(s, stop, true);
            case SessionEvent.TimerExpired t when t.timer() == SessionTimer.HOLD -> holdTimerExpired(s);
            case SessionEvent.TcpConnected ignored -> Transition.stay(s);
            case SessionEvent.TcpFailed f -> tcpFailed(s, f);
            case SessionEvent.NotificationReceived n -> notificationReceived(s, n.notification());
            case SessionEvent.MessageError m -> messageError(s, m);
            case SessionEvent.OutputOverflow ignored -> outputOverflow(s);
            default -> null;
        };
    }

    /** Timers that run in OpenConfirm and Established, from the negotiated hold time. */
    static void startSessionTimers(List<SessionAction> actions, Negotiated n) {
        if (n.holdTime() == 0) {
            actions.add(new SessionAction.StopTimer(SessionTimer.HOLD));
            actions.add(new SessionAction.StopTimer(SessionTimer.KEEPALIVE));
            return;
        }
        actions.add(new SessionAction.StartTimer(SessionTimer.HOLD, Duration.ofSeconds(n.holdTime())));
        actions.add(new SessionAction.StartTimer(SessionTimer.KEEPALIVE, Duration.ofSeconds(n.keepaliveTime())));
    }

    static void restartHold(List<SessionAction> actions, Negotiated n) {
        if (n.holdTime() != 0) {
            actions.add(new SessionAction.StartTimer(SessionTimer.HOLD, Duration.ofSeconds(n.holdTime())));
        }
    }

    private static void stopAllTimers(List<SessionAction> actions) {
        for (SessionTimer t : SessionTimer.values()) {
            actions.add(new SessionAction.StopTimer(t));
        }
    }
}
