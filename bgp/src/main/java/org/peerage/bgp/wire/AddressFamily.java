package org.peerage.bgp.wire;

/**
 * An (AFI, SAFI) pair as carried in MP_REACH_NLRI, capabilities and ROUTE-REFRESH. Values outside the named
 * constants are legal and kept (for example capabilities for families peerage does not route).
 */
public record AddressFamily(int afi, int safi) {
    public static final int AFI_IPV4 = 1;
    public static final int AFI_IPV6 = 2;
    public static final int SAFI_UNICAST = 1;
    public static final int SAFI_MULTICAST = 2;

    public static final AddressFamily IPV4_UNICAST = new AddressFamily(AFI_IPV4, SAFI_UNICAST);
    public static final AddressFamily IPV4_MULTICAST = new AddressFamily(AFI_IPV4, SAFI_MULTICAST);
    public static final AddressFamily IPV6_UNICAST = new AddressFamily(AFI_IPV6, SAFI_UNICAST);
    public static final AddressFamily IPV6_MULTICAST = new AddressFamily(AFI_IPV6, SAFI_MULTICAST);

    public AddressFamily {
        if (afi < 0 || afi > 0xFFFF || safi < 0 || safi > 0xFF) {
            throw new IllegalArgumentException("AFI/SAFI out of range: " + afi + "/" + safi);
        }
    }

    public static AddressFamily of(int afi, int safi) {
        if (safi == SAFI_UNICAST) {
            if (afi == AFI_IPV4) return IPV4_UNICAST;
            if (afi == AFI_IPV6) return IPV6_UNICAST;
        }
        return new AddressFamily(afi, safi);
    }

    /** True for the families whose NLRI are plain IP prefixes (IPv4/IPv6 unicast and multicast). */
    public boolean isIpPrefixFamily() {
        return (afi == AFI_IPV4 || afi == AFI_IPV6) && (safi == SAFI_UNICAST || safi == SAFI_MULTICAST);
    }

    /** Address length in bytes of the IP family, 4 or 16; 0 for other families. */
    public int addressBytes() {
        return afi == AFI_IPV4 ? 4 : afi == AFI_IPV6 ? 16 : 0;
    }

    @Override
    public String toString() {
        String a = afi == AFI_IPV4 ? "ipv4" : afi == AFI_IPV6 ? "ipv6" : "afi" + afi;
        String s = safi == SAFI_UNICAST ? "unicast" : safi == SAFI_MULTICAST ? "multicast" : "safi" + safi;
        return a + "-" + s;
    }
}
