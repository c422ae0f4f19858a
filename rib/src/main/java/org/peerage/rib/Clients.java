package org.peerage.rib;

import java.util.Arrays;

/**
 * The peers whose paths a RIB holds, by dense index, with what the decision process needs of them: BGP identifier
 * and address for the last tie-breaks (RFC 4271 §9.1.2.2 f, g).
 */
public final class Clients {
    private long[] asn = new long[64];
    private int[] routerId = new int[64];
    private byte[][] address = new byte[64][];
    private int count;

    /** Registers a peer; returns its index. */
    public int add(long as, int bgpId, byte[] peerAddress) {
        if (count == asn.length) {
            int n = count * 2;
            asn = Arrays.copyOf(asn, n);
            routerId = Arrays.copyOf(routerId, n);
            address = Arrays.copyOf(address, n);
        }
        asn[count] = as;
        routerId[count] = bgpId;
        address[count] = peerAddress.clone();
        return count++;
    }

    /** The BGP identifier becomes known when the session comes up. */
    public void setRouterId(int index, int bgpId) {
        routerId[index] = bgpId;
    }

    public int count() {
        return count;
    }

    public long asn(int index) {
        return asn[index];
    }

    int routerId(int index) {
        return routerId[index];
    }

    byte[] address(int index) {
        return address[index];
    }
}
