package org.peerage.routeserver;

import org.peerage.bgp.wire.Prefix;

/** Which paths a looking-glass query wants. */
public sealed interface RouteQuery {
    /** Paths from one session that import policy accepted. */
    record Accepted(String sessionId) implements RouteQuery {
    }

    /** Paths from one session that import policy refused. */
    record Filtered(String sessionId) implements RouteQuery {
    }

    /** Accepted paths that export policy keeps from one session (control communities, blackholes, RFC 8950). */
    record NotExported(String sessionId) implements RouteQuery {
    }

    /** Every accepted path, or every refused one. */
    record Table(boolean filtered) implements RouteQuery {
    }

    /** Every path of one prefix. */
    record OfPrefix(Prefix prefix) implements RouteQuery {
    }
}
