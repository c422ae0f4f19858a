package org.peerage.policy.irr;

import org.peerage.bgp.wire.Prefix;

/** A route or route6 object: {@code origin} may announce {@code prefix}, says the registry {@code source}. */
public record RouteObject(Prefix prefix, long origin, String source) {
    @Override
    public String toString() {
        return prefix + " AS" + origin + " (" + source + ")";
    }
}
