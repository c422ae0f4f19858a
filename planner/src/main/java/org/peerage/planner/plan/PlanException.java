package org.peerage.planner.plan;

import java.util.List;

/** A plan file that cannot be used; each error is {@code FILE:LINE: KEY: what is wrong}. */
public final class PlanException extends Exception {
    private final List<String> errors;

    public PlanException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
