package org.peerage.routeserver;

import java.util.List;
import java.util.Map;
import org.peerage.routeserver.filter.Evidence;

/**
 * Why the route server did what it did with one path: every import check with its outcome and evidence, and for
 * every receiving client whether the path was sent to it, and if not, why not.
 *
 * @param receivers session name to "exported", or the reason it was not
 */
public record Explanation(RouteView route, List<Check> checks, Map<String, String> receivers) {

    /** One import check as it ran for this path. */
    public record Check(String name, Evidence.Outcome outcome, String detail) {
    }
}
