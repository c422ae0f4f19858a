package org.peerage.policy.aspa;

/** AS_PATH verification outcome (draft-ietf-sidrops-aspa-verification). */
public enum AspaState {
    VALID,
    INVALID,
    /** Not enough ASes have ASPAs to tell. */
    UNKNOWN
}
