package org.peerage.policy.aspa;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ASPA-based AS_PATH verification, the procedures of draft-ietf-sidrops-aspa-verification (its 2024 and later revisions): the hop check
 * and the upstream and downstream path procedures, on primitive arrays (customers sorted, providers of each sorted).
 *
 * <p>Paths are given as received: the neighbour's AS first, the origin last, prepends included (they are collapsed
 * here). A path that contains an AS_SET cannot be verified; callers pass {@code null} for it and get INVALID, which
 * is what the draft's procedures conclude for an AS_SET (RFC 9774 deprecates AS_SETs altogether). An empty path is
 * INVALID as well: an eBGP route always carries the neighbour's AS.
 *
 * <p>A route server applies {@link #verifyUpstream} to routes from its clients: to it every client is a customer
 * or lateral peer. It is transparent (not in the path), so the client's AS is the first in the path.
 */
public final class AspaTable {
    private static final AspaTable EMPTY = of(List.of());

    /** The hop check result: is the second AS an attested provider of the first? */
    enum Hop {
        PROVIDER, NOT_PROVIDER, NO_ATTESTATION
    }

    private final long[] customers;
    private final long[][] providers;

    private AspaTable(long[] customers, long[][] providers) {
        this.customers = customers;
        this.providers = providers;
    }

    public static AspaTable empty() {
        return EMPTY;
    }

    /** Several ASPAs for one customer (there should be one) are merged: every provider any of them lists counts. */
    public static AspaTable of(Collection<Aspa> aspas) {
        Aspa[] sorted = aspas.toArray(Aspa[]::new);
        Arrays.sort(sorted, (a, b) -> Long.compare(a.customer(), b.customer()));
        long[] customers = new long[sorted.length];
        long[][] providers = new long[sorted.length][];
        int n = 0;
        for (Aspa a : sorted) {
            long[] p = a.providers();
            if (n > 0 && customers[n - 1] == a.customer()) {
                long[] merged = Arrays.copyOf(providers[n - 1], providers[n - 1].length + p.length);
                System.arraycopy(p, 0, merged, providers[n - 1].length, p.length);
                providers[n - 1] = distinctSorted(merged);
            } else {
                customers[n] = a.customer();
                providers[n] = distinctSorted(p);
                n++;
            }
        }
        return new AspaTable(Arrays.copyOf(customers, n), Arrays.copyOf(providers, n));
    }

    private static long[] distinctSorted(long[] a) {
        return Arrays.stream(a).sorted().distinct().toArray();
    }

    public int size() {
        return customers.length;
    }

    /** The providers {@code customer} attests, or null if it has no ASPA. */
    public long[] providersOf(long customer) {
        int i = Arrays.binarySearch(customers, customer);
        return i < 0 ? null : providers[i].clone();
    }

    /** The draft's hop check: authorized(customer, provider). */
    Hop hop(long customer, long provider) {
        int i = Arrays.binarySearch(customers, customer);
        if (i < 0) {
            return Hop.NO_ATTESTATION;
        }
        return provider != 0 && Arrays.binarySearch(providers[i], provider) >= 0 ? Hop.PROVIDER : Hop.NOT_PROVIDER;
    }

    /**
     * The upstream procedure, for a route received from a customer or lateral peer (or by a route server from a
     * client): every hop from the origin up to the neighbour must be customer to provider.
     */
    public AspaState verifyUpstream(long[] asPath) {
        long[] p = collapse(asPath);
        if (p == null) {
            return AspaState.INVALID;
        }
        int n = p.length;
        if (n == 1) {
            return AspaState.VALID;
        }
        Ramps r = ramps(p);
        if (r.maxUp < n) {
            return AspaState.INVALID;
        }
        return r.minUp < n ? AspaState.UNKNOWN : AspaState.VALID;
    }

    /**
     * The downstream procedure, for a route received from a provider: the path may go up from the origin, across
     * at most one peering, and down to the neighbour.
     */
    public AspaState verifyDownstream(long[] asPath) {
        long[] p = collapse(asPath);
        if (p == null) {
            return AspaState.INVALID;
        }
        int n = p.length;
        if (n <= 2) {
            return AspaState.VALID;
        }
        Ramps r = ramps(p);
        if (r.maxUp + r.maxDown < n) {
            return AspaState.INVALID;
        }
        return r.minUp + r.minDown < n ? AspaState.UNKNOWN : AspaState.VALID;
    }

    /**
     * The draft's ramp lengths over a collapsed path (index 0 the neighbour, n-1 the origin). The up-ramp climbs
     * from the origin, each AS's successor its provider; the down-ramp climbs from the neighbour the same way. The
     * max ramps stop only at a "Not Provider+" hop, the min ramps at any hop that is not "Provider+".
     */
    private Ramps ramps(long[] p) {
        int n = p.length;
        int maxUp = n, minUp = n, maxDown = n, minDown = n;
        for (int k = 1; k < n; k++) {
            Hop h = hop(p[n - k], p[n - k - 1]);
            if (h != Hop.PROVIDER && minUp == n) {
                minUp = k;
            }
            if (h == Hop.NOT_PROVIDER) {
                maxUp = k;
                break;
            }
        }
        for (int k = 1; k < n; k++) {
            Hop h = hop(p[k - 1], p[k]);
            if (h != Hop.PROVIDER && minDown == n) {
                minDown = k;
            }
            if (h == Hop.NOT_PROVIDER) {
                maxDown = k;
                break;
            }
        }
        return new Ramps(maxUp, minUp, maxDown, minDown);
    }

    private record Ramps(int maxUp, int minUp, int maxDown, int minDown) {
    }

    /** The path without prepends, or null if it cannot be verified (an AS_SET, or empty). */
    private static long[] collapse(long[] asPath) {
        if (asPath == null || asPath.length == 0) {
            return null;
        }
        long[] out = new long[asPath.length];
        int n = 0;
        for (long as : asPath) {
            if (n == 0 || out[n - 1] != as) {
                out[n++] = as;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
