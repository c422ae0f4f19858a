package org.peerage.planner.asrel;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The AS graph of a {@link PathSet}, leaving out excluded paths: links as packed id pairs with dense link indexes,
 * the link at every path position, transit and node degrees, adjacency lists and, per AS, the positions where it
 * appears (all as flat int arrays). Positions index {@link PathSet#flat()}.
 */
final class Topology {
    final PathSet paths;
    final int[] flat;
    final int n;
    /** The link from position p to p+1, or -1 (last position of a path, or an excluded path). */
    final int[] linkAt;
    final LongIntMap linkIndex;
    final int m;
    /** Link endpoints, a < b by id. */
    final int[] la;
    final int[] lb;
    final int[] transitDegree;
    final int[] degree;
    final int[] adjStart;
    final int[] adjNbr;
    final int[] adjLink;
    final int[] occStart;
    final int[] occPos;
    /** Bit p set where a path starts; bit {@code positions} set as the end marker. */
    final BitSet starts;
    final BitSet excluded;
    /** ASes on at least one link. */
    final int active;

    Topology(PathSet paths, BitSet excluded) {
        this.paths = paths;
        this.excluded = excluded;
        flat = paths.flat();
        n = paths.asCount();
        int positions = paths.positions();
        linkAt = new int[positions];
        Arrays.fill(linkAt, -1);
        starts = new BitSet(positions + 1);
        starts.set(positions);
        int count = paths.size();
        linkIndex = new LongIntMap(Math.max(1024, positions / 4));
        int[] a = new int[1024];
        int[] b = new int[1024];
        byte[] transit = new byte[1024];
        int links = 0;
        int[] occCount = new int[n + 1];
        for (int p = 0; p < count; p++) {
            int s = paths.start(p);
            starts.set(s);
            if (excluded.get(p)) {
                continue;
            }
            int e = s + paths.length(p);
            for (int i = s; i < e; i++) {
                occCount[flat[i]]++;
            }
            for (int i = s; i < e - 1; i++) {
                int x = flat[i];
                int y = flat[i + 1];
                int lo = Math.min(x, y);
                int hi = Math.max(x, y);
                long key = ((long) lo << 32) | hi;
                int l = linkIndex.putIfAbsent(key, links);
                if (l == LongIntMap.MISSING) {
                    l = links++;
                    if (l == a.length) {
                        a = Arrays.copyOf(a, l * 2);
                        b = Arrays.copyOf(b, l * 2);
                        transit = Arrays.copyOf(transit, l * 2);
                    }
                    a[l] = lo;
                    b[l] = hi;
                }
                linkAt[i] = l;
            }
            // An AS inside the path (neighbours on both sides) transits: mark it on both its links.
            for (int i = s + 1; i < e - 1; i++) {
                int x = flat[i];
                markTransit(transit, a, linkAt[i - 1], x);
                markTransit(transit, a, linkAt[i], x);
            }
        }
        m = links;
        la = Arrays.copyOf(a, m);
        lb = Arrays.copyOf(b, m);
        transitDegree = new int[n];
        degree = new int[n];
        for (int l = 0; l < m; l++) {
            degree[la[l]]++;
            degree[lb[l]]++;
            if ((transit[l] & 1) != 0) transitDegree[la[l]]++;
            if ((transit[l] & 2) != 0) transitDegree[lb[l]]++;
        }
        adjStart = new int[n + 1];
        for (int x = 0; x < n; x++) {
            adjStart[x + 1] = adjStart[x] + degree[x];
        }
        adjNbr = new int[2 * m];
        adjLink = new int[2 * m];
        int[] fill = Arrays.copyOf(adjStart, n);
        for (int l = 0; l < m; l++) {
            int i = fill[la[l]]++;
            adjNbr[i] = lb[l];
            adjLink[i] = l;
            int j = fill[lb[l]]++;
            adjNbr[j] = la[l];
            adjLink[j] = l;
        }
        occStart = new int[n + 1];
        for (int x = 0; x < n; x++) {
            occStart[x + 1] = occStart[x] + occCount[x];
        }
        occPos = new int[occStart[n]];
        int[] occFill = Arrays.copyOf(occStart, n);
        for (int p = 0; p < count; p++) {
            if (excluded.get(p)) {
                continue;
            }
            int s = paths.start(p);
            int e = s + paths.length(p);
            for (int i = s; i < e; i++) {
                occPos[occFill[flat[i]]++] = i;
            }
        }
        int act = 0;
        for (int x = 0; x < n; x++) {
            if (degree[x] > 0) act++;
        }
        active = act;
    }

    private static void markTransit(byte[] transit, int[] a, int l, int x) {
        transit[l] |= (byte) (a[l] == x ? 1 : 2);
    }

    /** The link between two ASes, or -1. */
    int link(int x, int y) {
        if (x == y) return -1;
        long key = ((long) Math.min(x, y) << 32) | Math.max(x, y);
        int l = linkIndex.get(key);
        return l == LongIntMap.MISSING ? -1 : l;
    }

    boolean hasLeft(int pos) {
        return !starts.get(pos);
    }

    boolean hasRight(int pos) {
        return !starts.get(pos + 1);
    }

    int other(int l, int x) {
        return la[l] == x ? lb[l] : la[l];
    }

    int asn(int id) {
        return paths.asnIds().asn(id);
    }
}
