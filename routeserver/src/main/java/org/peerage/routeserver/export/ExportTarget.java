package org.peerage.routeserver.export;

/** What deciding whether and in which form a path goes to a client needs to know of that client. */
public interface ExportTarget {
    long asn();

    /** Whether it receives RFC 7999 blackhole routes. */
    boolean announceBlackholes();

    /** Whether it negotiated IPv4 routes with IPv6 next hops (RFC 8950). */
    boolean extendedNextHop();

    /**
     * The client the common form of a slot is decided for ({@link CommonSent}): one that no control community names
     * (AS 0 is no client's), taking no blackholes and no IPv6 next hops for IPv4.
     */
    ExportTarget UNNAMED = new ExportTarget() {
        @Override
        public long asn() {
            return 0;
        }

        @Override
        public boolean announceBlackholes() {
            return false;
        }

        @Override
        public boolean extendedNextHop() {
            return false;
        }
    };
}
