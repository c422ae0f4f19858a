package org.peerage.routeserver.export;

/** What export decisions need to know of a receiving client session. */
public interface Receiver extends ExportTarget {
    /** Whether the session carries IPv6 (true) or IPv4 (false) unicast. */
    boolean receives(boolean ipv6);

    /** Whether it receives every allowed path with ADD-PATH in that family. */
    boolean addPath(boolean ipv6);

    AdjRibOut adjRibOut();
}
