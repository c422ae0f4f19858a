package org.peerage.routeserver.export;

import java.util.Arrays;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * What a route's announcement-control communities ask of the route server (Euro-IX large communities with the route
 * server's AS as global administrator, and their RFC 1997 forms; docs/routeserver-config.md):
 *
 * <pre>
 *  RS:0:peer   0:peer     do not announce to peer        RS:0:0   0:RS   announce to nobody
 *  RS:1:peer   RS:peer    announce to peer (with RS:0:0: only to those)
 *  RS:101:peer RS:102:peer RS:103:peer   prepend the announcing client's AS 1, 2 or 3 times towards peer
 *                                        (peer 0: towards everyone; a peer-specific one wins)
 *  RS:65281:peer  add NO_EXPORT towards peer       RS:65282:peer  add NO_ADVERTISE towards peer (0: everyone)
 * </pre>
 *
 * "Do not announce to peer" beats "announce to peer" (arouteserver's rule). Computed once per attribute set.
 */
public record ExportControl(boolean toNobody, long[] onlyTo, long[] notTo, int prependAll, long[] prependPeers,
                            int[] prependCounts, boolean noExportAll, long[] noExportPeers, boolean noAdvertiseAll,
                            long[] noAdvertisePeers) {
    private static final long[] NONE = new long[0];

    /** No control community: announce to everyone, unchanged. */
    public static final ExportControl PLAIN = new ExportControl(false, NONE, NONE, 0, NONE, new int[0], false, NONE,
            false, NONE);

    public static ExportControl of(RouteFacts f, long rsAsn) {
        Builder b = new Builder();
        int[] large = f.largeCommunities();
        for (int i = 0; i + 2 < large.length; i += 3) {
            if ((large[i] & 0xFFFF_FFFFL) != rsAsn) continue;
            long function = large[i + 1] & 0xFFFF_FFFFL;
            long peer = large[i + 2] & 0xFFFF_FFFFL;
            b.apply(function, peer);
        }
        if (rsAsn <= 0xFFFF) {
            for (int c : f.communities()) {
                int high = c >>> 16;
                long low = c & 0xFFFF;
                if (high == 0 && low == rsAsn) b.toNobody = true;
                else if (high == 0 && low != 0) b.notTo = add(b.notTo, low);
                else if (high == rsAsn && low != rsAsn && low != 0) b.onlyTo = add(b.onlyTo, low);
            }
        }
        return b.build();
    }

    private static final class Builder {
        boolean toNobody;
        long[] onlyTo = NONE;
        long[] notTo = NONE;
        int prependAll;
        long[] prependPeers = NONE;
        int[] prependCounts = new int[0];
        boolean noExportAll;
        long[] noExportPeers = NONE;
        boolean noAdvertiseAll;
        long[] noAdvertisePeers = NONE;

        void apply(long function, long peer) {
            if (function == 0) {
                if (peer == 0) toNobody = true;
                else notTo = add(notTo, peer);
            } else if (function == 1 && peer != 0) {
                onlyTo = add(onlyTo, peer);
            } else if (function >= 101 && function <= 103) {
                int times = (int) (function - 100);
                if (peer == 0) {
                    prependAll = Math.max(prependAll, times);
                } else {
                    prependPeers = Arrays.copyOf(prependPeers, prependPeers.length + 1);
                    prependCounts = Arrays.copyOf(prependCounts, prependCounts.length + 1);
                    prependPeers[prependPeers.length - 1] = peer;
                    prependCounts[prependCounts.length - 1] = times;
                }
            } else if (function == 65281) {
                if (peer == 0) noExportAll = true;
                else noExportPeers = add(noExportPeers, peer);
            } else if (function == 65282) {
                if (peer == 0) noAdvertiseAll = true;
                else noAdvertisePeers = add(noAdvertisePeers, peer);
            }
        }

        ExportControl build() {
            if (!toNobody && onlyTo.length == 0 && notTo.length == 0 && prependAll == 0 && prependPeers.length == 0
                    && !noExportAll && noExportPeers.length == 0 && !noAdvertiseAll && noAdvertisePeers.length == 0) {
                return PLAIN;
            }
            Arrays.sort(onlyTo);
            Arrays.sort(notTo);
            Arrays.sort(noExportPeers);
            Arrays.sort(noAdvertisePeers);
            return new ExportControl(toNobody, onlyTo, notTo, prependAll, prependPeers, prependCounts, noExportAll,
                    noExportPeers, noAdvertiseAll, noAdvertisePeers);
        }
    }

    private static long[] add(long[] a, long v) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    public boolean isPlain() {
        return this == PLAIN;
    }

    /** Whether the route may be announced to a client of this AS. */
    public boolean allows(long receiverAs) {
        if (this == PLAIN) return true;
        if (Arrays.binarySearch(notTo, receiverAs) >= 0) return false;
        return !toNobody || Arrays.binarySearch(onlyTo, receiverAs) >= 0;
    }

    /** How many times to prepend the announcing client's AS towards this receiver (0-3). */
    public int prepend(long receiverAs) {
        int n = prependAll;
        for (int i = 0; i < prependPeers.length; i++) {
            if (prependPeers[i] == receiverAs) return prependCounts[i];
        }
        return n;
    }

    public boolean addNoExport(long receiverAs) {
        return noExportAll || Arrays.binarySearch(noExportPeers, receiverAs) >= 0;
    }

    public boolean addNoAdvertise(long receiverAs) {
        return noAdvertiseAll || Arrays.binarySearch(noAdvertisePeers, receiverAs) >= 0;
    }
}
