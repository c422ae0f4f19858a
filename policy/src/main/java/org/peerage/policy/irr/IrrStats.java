package org.peerage.policy.irr;

/**
 * What loading the dumps found, for a log line or a test.
 *
 * @param objects   every object read (all classes, malformed ones included)
 * @param routes    route objects kept (IPv4), before duplicates across files are merged
 * @param route6s   route6 objects kept
 * @param asSets    as-set objects kept
 * @param autNums   aut-num objects kept
 * @param malformed objects left out because they are broken (see {@link IrrDatabase#problems()})
 */
public record IrrStats(int files, long objects, long routes, long route6s, long asSets, long autNums,
                       long malformed) {
}
