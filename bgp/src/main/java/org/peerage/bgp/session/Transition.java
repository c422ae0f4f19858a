package org.peerage.bgp.session;

import java.util.List;

/** The FSM's answer to one event: the next state and what the driver must do, in order. */
public record Transition(FsmState next, List<SessionAction> actions) {
    public Transition {
        actions = List.copyOf(actions);
    }

    static Transition stay(FsmState s) {
        return new Transition(s, List.of());
    }
}
