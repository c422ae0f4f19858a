package org.peerage.planner.attribution;

/**
 * Which way a flow crosses our network's edge. Inbound: its source matches a route learnt from outside and its
 * destination is local; outbound: everything else (from us to the Internet, and transit through us), attributed
 * to the destination's route.
 */
public enum Direction {
    IN("in"),
    OUT("out");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
