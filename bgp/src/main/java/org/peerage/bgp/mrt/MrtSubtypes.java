package org.peerage.bgp.mrt;

/** Subtype numbers of the MRT types peerage reads (RFC 6396 §4, RFC 8050 §4). */
public final class MrtSubtypes {
    private MrtSubtypes() {
    }

    public static final int TABLE_DUMP_AFI_IPV4 = 1;
    public static final int TABLE_DUMP_AFI_IPV6 = 2;
    /** Not in RFC 6396; written by some collectors for 4-octet AS numbers, and read by bgpdump. */
    public static final int TABLE_DUMP_AFI_IPV4_32BIT_AS = 3;
    public static final int TABLE_DUMP_AFI_IPV6_32BIT_AS = 4;

    public static final int PEER_INDEX_TABLE = 1;
    public static final int RIB_IPV4_UNICAST = 2;
    public static final int RIB_IPV4_MULTICAST = 3;
    public static final int RIB_IPV6_UNICAST = 4;
    public static final int RIB_IPV6_MULTICAST = 5;
    public static final int RIB_GENERIC = 6;
    public static final int RIB_IPV4_UNICAST_ADDPATH = 8;
    public static final int RIB_IPV4_MULTICAST_ADDPATH = 9;
    public static final int RIB_IPV6_UNICAST_ADDPATH = 10;
    public static final int RIB_IPV6_MULTICAST_ADDPATH = 11;
    public static final int RIB_GENERIC_ADDPATH = 12;

    public static final int BGP4MP_STATE_CHANGE = 0;
    public static final int BGP4MP_MESSAGE = 1;
    public static final int BGP4MP_MESSAGE_AS4 = 4;
    public static final int BGP4MP_STATE_CHANGE_AS4 = 5;
    public static final int BGP4MP_MESSAGE_LOCAL = 6;
    public static final int BGP4MP_MESSAGE_AS4_LOCAL = 7;
    public static final int BGP4MP_MESSAGE_ADDPATH = 8;
    public static final int BGP4MP_MESSAGE_AS4_ADDPATH = 9;
    public static final int BGP4MP_MESSAGE_LOCAL_ADDPATH = 10;
    public static final int BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH = 11;
}
