package org.peerage.planner.plan.cones;

import java.util.Set;

/**
 * Which origin networks' traffic peering with a candidate would carry: the candidate itself and, once AS
 * relationships are inferred, its customer cone (peering-economics.md: credit C when C is the origin or the origin
 * is in C's customer cone). The default credits the origin only; {@link PpdcCones} reads CAIDA's ppdc format, and
 * the AS-relationship inference (org.peerage.planner.asrel) can supply its own.
 */
public interface CustomerCones {
    /** The ASes whose announcements the candidate would send us, itself included. */
    Set<Long> cone(long candidate);

    /** What this source is, for the assumptions table. */
    String description();

    /** Credits each candidate with the traffic it originates only. */
    CustomerCones ORIGIN_ONLY = new CustomerCones() {
        @Override
        public Set<Long> cone(long candidate) {
            return Set.of(candidate);
        }

        @Override
        public String description() {
            return "origin only: a candidate is credited with the traffic whose route it originates";
        }
    };
}
