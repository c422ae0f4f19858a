package org.peerage.planner.attribution;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.Prefix;

/**
 * What is ours: our AS numbers and our prefixes. A route is local when it is originated by one of our ASes, has an
 * empty AS path (originated by the router whose table this is), or lies within one of our prefixes.
 */
public record LocalNetwork(int[] asns, List<Prefix> prefixes) {
    public LocalNetwork {
        asns = asns.clone();
        Arrays.sort(asns);
        prefixes = List.copyOf(prefixes);
    }

    public static LocalNetwork of(List<Long> asns, List<Prefix> prefixes) {
        return new LocalNetwork(asns.stream().mapToInt(Long::intValue).toArray(), prefixes);
    }

    public boolean isLocalAs(int asn) {
        for (int a : asns) {
            if (a == asn) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code p} equals or lies within one of our prefixes. */
    public boolean covers(Prefix p) {
        for (Prefix mine : prefixes) {
            if (mine.isIpv6() == p.isIpv6() && mine.length() <= p.length() && sameBits(mine, p, mine.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameBits(Prefix a, Prefix b, int bits) {
        byte[] x = a.address();
        byte[] y = b.address();
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (x[full] & mask) == (y[full] & mask);
    }
}
