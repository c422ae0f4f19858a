package org.peerage.planner.routing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtException;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.speaker.MrtRouteSource;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Routes from an MRT file. With a peer: that collector peer's RIB, or the final state of its BGP4MP updates replayed
 * ({@link MrtRouteSource}). Without: for a RIB dump, the best route of each prefix among all peers (shortest AS path,
 * then the peer met first); for BGP4MP updates, each prefix's first-seen announcement.
 */
public final class MrtRib {
    /** The routes read, and the damage that ended reading early (null if the file was whole). */
    public record Loaded(RoutingTable.Builder routes, MrtException damage) {
    }

    private MrtRib() {
    }

    /** @param peer an index, AS, address, index:N or as:N as the speaker's --mrt-peer takes; null for all peers */
    public static Loaded load(String file, String peer) throws IOException {
        RoutingTable.Builder routes = new RoutingTable.Builder();
        if (peer != null) {
            return fromRouteSource(file, new MrtRouteSource.PeerSelector(peer), routes);
        }
        Map<Prefix, List<PathAttribute>> best = new HashMap<>();
        Map<Prefix, Integer> bestLength = new HashMap<>();
        MrtException damage = null;
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                switch (MrtDecoder.decode(r)) {
                    case MrtEntry.RibTable t -> {
                        if (t.prefix() == null || !t.family().isIpPrefixFamily()) break;
                        for (MrtEntry.RibEntry e : t.entries()) {
                            if (!withdrawn(e.malformations())) {
                                offer(best, bestLength, t.prefix(), e.attributes());
                            }
                        }
                    }
                    case MrtEntry.TableDump t -> {
                        if (!withdrawn(t.malformations())) {
                            offer(best, bestLength, t.prefix(), t.attributes());
                        }
                    }
                    case MrtEntry.Bgp4mpMessage m -> {
                        // Updates, not a RIB: replay them (first-seen announcement of each prefix).
                        return fromRouteSource(file, null, routes);
                    }
                    default -> { }
                }
            }
        } catch (MrtException e) {
            damage = e;
        }
        for (var e : best.entrySet()) {
            routes.add(e.getKey(), Paths.intern(routes.asPaths(), e.getValue()));
        }
        return new Loaded(routes, damage);
    }

    private static void offer(Map<Prefix, List<PathAttribute>> best, Map<Prefix, Integer> bestLength, Prefix prefix,
                              List<PathAttribute> attributes) {
        int length = Paths.selectionLength(attributes);
        Integer current = bestLength.get(prefix);
        if (current == null || length < current) {
            best.put(prefix, attributes);
            bestLength.put(prefix, length);
        }
    }

    private static boolean withdrawn(List<Malformation> malformations) {
        for (Malformation m : malformations) {
            if (m.action().compareTo(ErrorAction.TREAT_AS_WITHDRAW) >= 0) return true;
        }
        return false;
    }

    private static Loaded fromRouteSource(String file, MrtRouteSource.PeerSelector peer, RoutingTable.Builder routes)
            throws IOException {
        MrtRouteSource.Loaded loaded = MrtRouteSource.load(file, peer);
        for (var e : loaded.table().routes().entrySet()) {
            routes.add(e.getKey(), Paths.intern(routes.asPaths(), e.getValue()));
        }
        return new Loaded(routes, loaded.damage());
    }
}
