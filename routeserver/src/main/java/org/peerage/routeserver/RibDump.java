package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.mrt.MrtEncoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;

/**
 * An MRT TABLE_DUMP_V2 dump of the route server's RIB (RFC 6396 §4.3): a PEER_INDEX_TABLE of the client sessions,
 * then one RIB record per prefix with every accepted path (bgpdump and other MRT tools read it). Built in chunks of
 * slots, each taken on the RIB thread, so a dump of a large table never holds the RIB for long.
 */
final class RibDump {
    static final int CHUNK = 8_192;

    private RibDump() {
    }

    /** The RIB records of the slots in [from, to) with accepted paths; peerIndex maps a client to its peer entry. */
    static List<MrtEntry> records(RibSnapshot rib, int from, int to, int[] peerIndex, long[] sequence) {
        List<MrtEntry> out = new ArrayList<>();
        for (int slot = from; slot < to; slot++) {
            Prefix p = rib.prefix(slot);
            if (p == null) continue;
            List<MrtEntry.RibEntry> entries = new ArrayList<>();
            for (long path : rib.candidates(slot)) {
                if (!org.peerage.rib.Paths.isAccepted(path)) break;
                int client = org.peerage.rib.Paths.client(path);
                if (client >= peerIndex.length || peerIndex[client] < 0) continue; // added, or removed, since
                entries.add(MrtEntry.RibEntry.of(peerIndex[client], rib.since(client), -1, rib.attributes(path)));
            }
            if (entries.isEmpty()) continue;
            AddressFamily family = p.isIpv6() ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST;
            out.add(new MrtEntry.RibTable(MrtEncoder.ribSubtype(family, false), sequence[0]++, family, p, false,
                    entries));
        }
        return out;
    }

    /** What a dump reads of the RIB (on the RIB thread). */
    interface RibSnapshot {
        Prefix prefix(int slot);

        long[] candidates(int slot);

        java.util.List<org.peerage.bgp.wire.attr.PathAttribute> attributes(long path);

        /** Seconds since the epoch when the client's session came up: the entries' originated time. */
        long since(int client);
    }
}
