package org.peerage.policy.rpki;

/** Route origin validation outcome (RFC 6811 §2). */
public enum RovState {
    /** A VRP covers the prefix with the route's origin AS and a maxLength the prefix does not exceed. */
    VALID,
    /** VRPs cover the prefix, but none matches the origin AS and length. */
    INVALID,
    /** No VRP covers the prefix. */
    NOT_FOUND
}
