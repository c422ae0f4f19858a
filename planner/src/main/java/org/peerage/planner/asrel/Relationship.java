package org.peerage.planner.asrel;

/** The business relationship of an AS link, from the first AS's point of view. */
public enum Relationship {
    /** The first AS is the second's provider (serial-1 code -1 with the provider first). */
    P2C,
    /** The first AS is the second's customer. */
    C2P,
    /** Settlement-free peers (serial-1 code 0). */
    P2P,
    /** No link known between the two ASes. */
    NONE;

    /** The same link seen from the other end. */
    public Relationship reverse() {
        return switch (this) {
            case P2C -> C2P;
            case C2P -> P2C;
            default -> this;
        };
    }
}
