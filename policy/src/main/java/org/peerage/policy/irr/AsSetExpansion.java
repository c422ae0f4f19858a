package org.peerage.policy.irr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What an as-set (or a single AS) expands to.
 *
 * @param root          the name asked for, as given ("AS-FOO", "RIPE::AS-FOO", "AS64500")
 * @param asns          every AS number reached, sorted, distinct
 * @param unresolved    set names referenced but defined in none of the dumps (or not in the source asked for)
 * @param loops         cycles among the sets, each written "AS-A > AS-B > AS-A"; they are cut, not followed
 * @param depthLimitHit true if sets nested deeper than the depth limit were left out
 * @param provenance    for each AS number, the set that listed it and how that set was reached: see {@link #chain}
 */
public record AsSetExpansion(String root, long[] asns, List<String> unresolved, List<String> loops,
                             boolean depthLimitHit, Provenance provenance) {
    public AsSetExpansion {
        unresolved = List.copyOf(unresolved);
        loops = List.copyOf(loops);
    }

    /** An expansion without provenance: {@link #chain} then names the root alone for each AS. */
    public AsSetExpansion(String root, long[] asns, List<String> unresolved, List<String> loops,
            boolean depthLimitHit) {
        this(root, asns, unresolved, loops, depthLimitHit, Provenance.rootOnly(root, asns.length));
    }

    public boolean contains(long asn) {
        return Arrays.binarySearch(asns, asn) >= 0;
    }

    /**
     * The as-set names leading from the root to the set that lists {@code asn} (a shortest such chain), root first;
     * empty if the AS is not in the expansion. The evidence for "why is AS x allowed".
     */
    public List<String> chain(long asn) {
        int i = Arrays.binarySearch(asns, asn);
        return i < 0 ? List.of() : provenance.chain(i);
    }

    /**
     * How each AS number was reached: {@code listedBy[i]} is the index in {@code sets} of the set that lists
     * {@code asns[i]}, and {@code parent[j]} the set through which set j was reached (-1 for the root, index 0).
     */
    public record Provenance(String[] sets, int[] parent, int[] listedBy) {
        static Provenance rootOnly(String root, int asnCount) {
            return new Provenance(new String[] {root}, new int[] {-1}, new int[asnCount]);
        }

        List<String> chain(int asnIndex) {
            List<String> out = new ArrayList<>();
            for (int s = listedBy[asnIndex]; s >= 0; s = parent[s]) {
                out.add(sets[s]);
            }
            Collections.reverse(out);
            return List.copyOf(out);
        }
    }
}
