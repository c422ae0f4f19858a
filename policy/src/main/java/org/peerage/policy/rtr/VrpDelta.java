package org.peerage.policy.rtr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;

/**
 * The announcements and withdrawals of one answer, against the data they change (empty for a Reset Query). They are
 * applied together at End of Data, so a half-received answer is never used.
 */
final class VrpDelta {
    private final VrpTable base;
    private final Set<Vrp> added = new HashSet<>();
    private final Set<Vrp> removed = new HashSet<>();

    VrpDelta(VrpTable base) {
        this.base = base;
    }

    /** False if the VRP is held already: RFC 8210's Duplicate Announcement Received. */
    boolean announce(Vrp v) {
        if (removed.remove(v)) {
            return true;
        }
        if (added.contains(v) || inBase(v)) {
            return false;
        }
        added.add(v);
        return true;
    }

    /** False if the VRP is not held: RFC 8210's Withdrawal of Unknown Record. */
    boolean withdraw(Vrp v) {
        if (added.remove(v)) {
            return true;
        }
        if (removed.contains(v) || !inBase(v)) {
            return false;
        }
        removed.add(v);
        return true;
    }

    int addedCount() {
        return added.size();
    }

    int removedCount() {
        return removed.size();
    }

    /** The data after the changes; the base itself when nothing changed. */
    VrpTable result() {
        if (added.isEmpty() && removed.isEmpty()) {
            return base;
        }
        List<Vrp> all = new ArrayList<>(base.size() - removed.size() + added.size());
        for (Vrp v : base.toList()) {
            if (!removed.contains(v)) {
                all.add(v);
            }
        }
        all.addAll(added);
        return VrpTable.of(all);
    }

    private boolean inBase(Vrp v) {
        if (base.size() == 0) {
            return false;
        }
        for (Vrp held : base.covering(v.prefix())) {
            if (held.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
