package org.peerage.routeserver;

/** The route server as a whole, for metrics and status. */
public record RouteServerStats(long prefixes, long paths, long attributeSets, long vrps, long aspas,
                               long routeObjects, long reloads, double lastReloadSeconds) {
}
