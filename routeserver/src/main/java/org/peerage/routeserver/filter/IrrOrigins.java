package org.peerage.routeserver.filter;

import java.util.ArrayList;
import java.util.List;
import org.peerage.policy.irr.AsSetExpansion;
import org.peerage.policy.irr.IrrDatabase;
import org.peerage.policy.irr.PrefixSet;
import org.peerage.policy.irr.RouteObject;

/** A client's authorized origins: the union of the expansions of its AS-SETs (or of its own AS). */
public record IrrOrigins(List<AsSetExpansion> expansions) {

    public static IrrOrigins expand(IrrDatabase irr, List<String> names) {
        List<AsSetExpansion> out = new ArrayList<>();
        for (String n : names) out.add(irr.expand(n));
        return new IrrOrigins(List.copyOf(out));
    }

    public boolean contains(long asn) {
        for (AsSetExpansion e : expansions) {
            if (e.contains(asn)) return true;
        }
        return false;
    }

    /** The as-set names leading to {@code asn}, from the first expansion that has it. */
    public List<String> chain(long asn) {
        for (AsSetExpansion e : expansions) {
            if (e.contains(asn)) return e.chain(asn);
        }
        return List.of();
    }

    /** Same names expanding to the same ASes. */
    public boolean sameAs(IrrOrigins o) {
        if (expansions.size() != o.expansions.size()) return false;
        for (int i = 0; i < expansions.size(); i++) {
            AsSetExpansion a = expansions.get(i);
            AsSetExpansion b = o.expansions.get(i);
            if (!a.root().equals(b.root()) || !java.util.Arrays.equals(a.asns(), b.asns())) return false;
        }
        return true;
    }

    public List<String> unresolved() {
        List<String> out = new ArrayList<>();
        for (AsSetExpansion e : expansions) out.addAll(e.unresolved());
        return out;
    }

    /** The route objects of every origin in the union. */
    public PrefixSet routes(IrrDatabase irr) {
        if (expansions.size() == 1) return irr.routes(expansions.getFirst());
        List<RouteObject> all = new ArrayList<>();
        for (AsSetExpansion e : expansions) all.addAll(irr.routes(e).routeObjects());
        return PrefixSet.of(all);
    }
}
