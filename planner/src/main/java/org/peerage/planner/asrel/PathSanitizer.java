package org.peerage.planner.asrel;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.policy.bogon.BogonAsns;

/**
 * Cleans AS paths before relationship inference, as Luckie et al. (IMC 2013) do: confederation segments are left
 * out, prepending is compressed, IXP route-server ASes given by the caller are removed, and a path is discarded if
 * it holds an AS_SET, a reserved, private or documentation AS ({@link BogonAsns#defaults()}, AS_TRANS included) or a
 * loop (an AS twice, not adjacent). A path left with fewer than two ASes has no link to offer and is dropped too.
 * Counts every verdict. Not thread-safe.
 */
public final class PathSanitizer {
    /** What became of a path. */
    public enum Verdict {
        KEPT, TOO_SHORT, AS_SET, BOGON, LOOP
    }

    private final BogonAsns bogons = BogonAsns.defaults();
    private final int[] ixp;
    private final long[] counts = new long[Verdict.values().length];
    private long prepended;
    private int[] sortBuffer = new int[64];
    private Verdict last;

    /** @param ixpAsns IXP route-server ASes to remove from paths (they are not part of the AS-level path) */
    public PathSanitizer(Set<Long> ixpAsns) {
        ixp = ixpAsns.stream().mapToInt(Long::intValue).sorted().toArray();
    }

    public PathSanitizer() {
        this(Set.of());
    }

    /**
     * Sanitises AS_PATH segments (AS4_PATH already merged in).
     *
     * @param out receives the clean path; must hold at least as many ints as the segments hold AS numbers
     * @return the clean path's length, or -1 if the path is discarded ({@link #lastVerdict()} says why)
     */
    public int sanitize(List<AsPathSegment> segments, int[] out) {
        int n = 0;
        for (AsPathSegment s : segments) {
            if (s.type().isConfederation()) {
                continue;
            }
            if (s.type().isSet()) {
                return verdict(Verdict.AS_SET);
            }
            int[] asns = s.asns();
            System.arraycopy(asns, 0, out, n, asns.length);
            n += asns.length;
        }
        return sanitize(out, n, out);
    }

    /** Sanitises a plain AS sequence; {@code out} may be {@code asns}. */
    public int sanitize(int[] asns, int length, int[] out) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            int asn = asns[i];
            if (bogons.isBogon(Integer.toUnsignedLong(asn))) {
                return verdict(Verdict.BOGON);
            }
            if (ixp.length > 0 && Arrays.binarySearch(ixp, asn) >= 0) {
                continue;
            }
            if (n > 0 && out[n - 1] == asn) {
                prepended++;
                continue;
            }
            out[n++] = asn;
        }
        if (n < 2) {
            return verdict(Verdict.TOO_SHORT);
        }
        if (hasLoop(out, n)) {
            return verdict(Verdict.LOOP);
        }
        verdict(Verdict.KEPT);
        return n;
    }

    private boolean hasLoop(int[] p, int n) {
        if (n <= 16) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (p[i] == p[j]) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (sortBuffer.length < n) {
            sortBuffer = new int[n];
        }
        System.arraycopy(p, 0, sortBuffer, 0, n);
        Arrays.sort(sortBuffer, 0, n);
        for (int i = 1; i < n; i++) {
            if (sortBuffer[i] == sortBuffer[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private int verdict(Verdict v) {
        last = v;
        counts[v.ordinal()]++;
        return v == Verdict.KEPT ? 0 : -1;
    }

    /** Counts a verdict again: a route whose path was sanitised before (a repeat of the same path). */
    public void countAgain(Verdict v, int prepends) {
        counts[v.ordinal()]++;
        prepended += prepends;
    }

    /** Whether the AS is reserved, private or for documentation. */
    public boolean isBogon(int asn) {
        return bogons.isBogon(Integer.toUnsignedLong(asn));
    }

    public Verdict lastVerdict() {
        return last;
    }

    public long count(Verdict v) {
        return counts[v.ordinal()];
    }

    /** Repeated AS numbers removed (prepending). */
    public long prependsRemoved() {
        return prepended;
    }

    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, counts[v.ordinal()]);
        }
        return m;
    }
}
