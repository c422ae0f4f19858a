package org.peerage.planner.plan.selection;

import java.util.List;

/**
 * A chosen open set with its cost, the site serving each client (-1: transit), how it was found, whether it is
 * proven optimal, and the plan explained step by step.
 */
public record Solution(boolean[] open, double cost, int[] servedBy, String method, boolean optimal, long nodes,
        List<Step> steps) {

    /** One step of the explanation: a site opened (or closed) and what it changes. */
    public record Step(String action, int site, double costBefore, double costAfter, List<Integer> clients,
            String text) {
    }
}
