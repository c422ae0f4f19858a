package org.peerage.routeserver.filter;

/**
 * Collects, for a looking glass, what each import check found. The checks write to it only when one is given, so
 * the fast path builds no text.
 */
public interface Evidence {
    enum Outcome { PASSED, FAILED, SKIPPED }

    void note(String check, Outcome outcome, String detail);
}
