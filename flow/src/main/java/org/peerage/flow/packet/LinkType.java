package org.peerage.flow.packet;

/** Link-layer header types (tcpdump.org LINKTYPE_ values) that frames can start with. */
public enum LinkType {
    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    NULL(0),
    ETHERNET(1),
    /** Raw IPv4 or IPv6, told apart by the version nibble. */
    RAW(101),
    /** OpenBSD loopback: a 4-byte address family in network byte order. */
    LOOP(108),
    LINUX_SLL(113),
    IPV4(228),
    IPV6(229),
    LINUX_SLL2(276);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The link type of a LINKTYPE_ code, or null if frames of that type cannot be parsed here. */
    public static LinkType of(int code) {
        for (LinkType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
