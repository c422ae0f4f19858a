package org.peerage.bgp.mrt;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;

/** The decoded body of an MRT record. Addresses are raw 4- or 16-byte arrays, as on the wire. */
public sealed interface MrtEntry {

    /** TABLE_DUMP_V2 PEER_INDEX_TABLE (RFC 6396 §4.3.1): the peers RIB entries refer to by index. */
    record PeerIndexTable(int collectorId, String viewName, List<Peer> peers) implements MrtEntry {
        public PeerIndexTable {
            peers = List.copyOf(peers);
        }
    }

    /** One collector peer: BGP identifier, address, AS, and whether the table holds its AS in 4 octets. */
    record Peer(int bgpId, byte[] address, long asn, boolean fourOctetAs) {
        public Peer {
            if (!fourOctetAs && asn > 0xFFFF) {
                throw new IllegalArgumentException("AS " + asn + " needs the 4-octet peer entry form");
            }
        }

        public Peer(int bgpId, byte[] address, long asn) {
            this(bgpId, address, asn, asn > 0xFFFF);
        }

        public boolean ipv6() {
            return address.length == 16;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Peer p && p.bgpId == bgpId && Arrays.equals(p.address, address) && p.asn == asn
                    && p.fourOctetAs == fourOctetAs;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(address) * 31 + Long.hashCode(asn);
        }

        @Override
        public String toString() {
            return InetText.format(address) + " AS" + asn;
        }
    }

    /**
     * A TABLE_DUMP_V2 RIB record (RFC 6396 §4.3.2, RFC 8050 for ADD-PATH): one prefix and every peer's path to it.
     * RIB_GENERIC records of families other than IP unicast/multicast are {@link Unsupported}.
     */
    record RibTable(int subtype, long sequence, AddressFamily family, Prefix prefix, boolean addPath,
                    List<RibEntry> entries) implements MrtEntry {
        public RibTable {
            entries = List.copyOf(entries);
        }
    }

    /** One peer's path in a RIB record. */
    record RibEntry(int peerIndex, long originatedTime, long pathId, List<PathAttribute> attributes,
                    List<Malformation> malformations) {
        public RibEntry {
            attributes = List.copyOf(attributes);
            malformations = List.copyOf(malformations);
        }

        /**
         * An entry for a path held with these attributes: MP_REACH_NLRI is abbreviated to its next hop, as RIB
         * entries carry it (RFC 6396 §4.3.4).
         */
        public static RibEntry of(int peerIndex, long originatedTime, long pathId, List<PathAttribute> held) {
            List<PathAttribute> out = new java.util.ArrayList<>(held.size());
            for (PathAttribute a : held) {
                out.add(a instanceof org.peerage.bgp.wire.attr.MpReachNlri m
                        ? new org.peerage.bgp.wire.attr.MpReachNlri(m.flags(), m.family(), m.nextHop(), 0, List.of(),
                        null, true) : a);
            }
            return new RibEntry(peerIndex, originatedTime, pathId, out, List.of());
        }
    }

    /**
     * TABLE_DUMP (RFC 6396 §4.2): the legacy one-route-per-record RIB format, with 2-octet AS numbers, or 4-octet
     * ones in the AFI_IPv4_32BIT_AS / AFI_IPv6_32BIT_AS subtypes some collectors wrote.
     */
    record TableDump(int viewNumber, int sequence, Prefix prefix, int status, long originatedTime, byte[] peerAddress,
                     long peerAs, boolean fourOctetAs, List<PathAttribute> attributes, List<Malformation> malformations)
            implements MrtEntry {
        public TableDump {
            attributes = List.copyOf(attributes);
            malformations = List.copyOf(malformations);
        }
    }

    /**
     * BGP4MP(_ET) MESSAGE and its AS4 / LOCAL / ADD-PATH variants (RFC 6396 §4.4, RFC 8050): a whole BGP message,
     * header included, as exchanged with the peer. {@code as4} says whether AS numbers (also inside the message) are
     * 4 octets; {@code addPath} that NLRI carry path identifiers.
     */
    record Bgp4mpMessage(int subtype, long peerAs, long localAs, int interfaceIndex, int afi, byte[] peerAddress,
                         byte[] localAddress, boolean as4, boolean local, boolean addPath, byte[] message)
            implements MrtEntry {
    }

    /** BGP4MP(_ET) STATE_CHANGE(_AS4): an FSM transition, states numbered as in RFC 6396 §4.4.1. */
    record Bgp4mpStateChange(int subtype, long peerAs, long localAs, int interfaceIndex, int afi, byte[] peerAddress,
                             byte[] localAddress, int oldState, int newState) implements MrtEntry {
    }

    /** A record peerage does not decode (another type or subtype); skipped, and counted by callers. */
    record Unsupported(int type, int subtype) implements MrtEntry {
    }

    /** A record whose body contradicts its own lengths. */
    record Corrupt(String reason) implements MrtEntry {
    }
}
