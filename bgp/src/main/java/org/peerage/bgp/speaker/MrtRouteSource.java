package org.peerage.bgp.speaker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.mrt.MrtDecoder;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtException;
import org.peerage.bgp.mrt.MrtReader;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.ErrorAction;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateCodec;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Builds a {@link RouteTable} from an MRT file: the RIB of one collector peer (a TABLE_DUMP_V2 or TABLE_DUMP entry's
 * peer, or the final state after replaying one peer's BGP4MP updates), or every prefix with its first-seen
 * attributes. MP_REACH_NLRI is dropped from the stored attributes: the announcing side adds its own.
 */
public final class MrtRouteSource {

    /**
     * Which collector peer: a PEER_INDEX_TABLE index, an AS number, or an address; null for all peers.
     *
     * @param text "index:N", "as:N", an IP address, or a bare number (an index where a peer table has it, else an AS)
     */
    public record PeerSelector(String text) {
        boolean matches(int index, long asn, byte[] address, boolean indexed) {
            if (text.startsWith("index:")) return indexed && index == Integer.parseInt(text.substring(6));
            if (text.startsWith("as:")) return asn == Long.parseLong(text.substring(3));
            if (text.contains(".") || text.contains(":")) return InetText.format(address).equals(
                    InetText.format(InetText.parseAddress(text)));
            long n = Long.parseLong(text);
            return indexed && index >= 0 ? index == n : asn == n;
        }
    }

    /** The routes read, and the damage that stopped reading early (null if the file was whole). */
    public record Loaded(RouteTable table, MrtException damage) {
    }

    private MrtRouteSource() {
    }

    public static Loaded load(String file, PeerSelector peer) throws IOException {
        RouteTable table = new RouteTable();
        MrtEntry.PeerIndexTable peers = null;
        List<String> seenPeers = new ArrayList<>();
        Map<String, Integer> appearance = new HashMap<>();
        try (MrtReader reader = MrtReader.open(file)) {
            MrtRecord r;
            while ((r = reader.next()) != null) {
                switch (MrtDecoder.decode(r)) {
                    case MrtEntry.PeerIndexTable t -> peers = t;
                    case MrtEntry.RibTable t -> {
                        if (t.prefix() == null || !t.family().isIpPrefixFamily() || peers == null) break;
                        for (MrtEntry.RibEntry e : t.entries()) {
                            if (e.peerIndex() >= peers.peers().size() || withdrawn(e.malformations())) continue;
                            MrtEntry.Peer p = peers.peers().get(e.peerIndex());
                            if (peer == null || peer.matches(e.peerIndex(), p.asn(), p.address(), true)) {
                                table.putIfAbsent(t.prefix(), usable(e.attributes()));
                            }
                        }
                    }
                    case MrtEntry.TableDump t -> {
                        if (!withdrawn(t.malformations())
                                && (peer == null || peer.matches(-1, t.peerAs(), t.peerAddress(), false))) {
                            table.putIfAbsent(t.prefix(), usable(t.attributes()));
                        }
                    }
                    case MrtEntry.Bgp4mpMessage m -> {
                        String key = InetText.format(m.peerAddress());
                        int index = appearance.computeIfAbsent(key, k -> {
                            seenPeers.add(k);
                            return seenPeers.size() - 1;
                        });
                        if (peer == null || peer.matches(index, m.peerAs(), m.peerAddress(), true)) {
                            replay(table, m, peer == null);
                        }
                    }
                    default -> { }
                }
            }
        } catch (MrtException e) {
            // A truncated file still gives the routes before the damage; the caller reports it.
            return new Loaded(table, e);
        }
        return new Loaded(table, null);
    }

    /** Applies one BGP4MP UPDATE: announcements, and (when following a single peer) withdrawals. */
    private static void replay(RouteTable table, MrtEntry.Bgp4mpMessage m, boolean firstSeenOnly) {
        byte[] msg = m.message();
        if (msg.length < 19 || msg[18] != 2) {
            return;
        }
        CodecContext ctx = new CodecContext(m.as4(), m.addPath() ? Set.of(AddressFamily.IPV4_UNICAST,
                AddressFamily.IPV6_UNICAST) : Set.of(), CodecContext.EXTENDED_MAX_LENGTH);
        if (!(UpdateCodec.decode(msg, 19, msg.length - 19, ctx) instanceof DecodeResult.Decoded<UpdateMessage> d)) {
            return;
        }
        UpdateMessage u = d.value();
        List<PathAttribute> attributes = usable(u.attributes());
        boolean treatAsWithdraw = withdrawn(d.malformations());
        if (!firstSeenOnly) {
            for (Route r : u.withdrawn()) table.remove(r.prefix());
            MpUnreachNlri unreach = u.mpUnreach();
            if (unreach != null) for (Route r : unreach.withdrawn()) table.remove(r.prefix());
        }
        List<Route> announced = new ArrayList<>(u.nlri());
        MpReachNlri reach = u.mpReach();
        if (reach != null && reach.family().isIpPrefixFamily() && reach.family().safi() == AddressFamily.SAFI_UNICAST) {
            announced.addAll(reach.nlri());
        }
        for (Route r : announced) {
            // Treat-as-withdraw (RFC 7606): the peer's earlier route for the prefix is gone, no new one takes over.
            if (treatAsWithdraw) {
                if (!firstSeenOnly) table.remove(r.prefix());
            } else if (firstSeenOnly) {
                table.putIfAbsent(r.prefix(), attributes);
            } else {
                table.put(r.prefix(), attributes);
            }
        }
    }

    /**
     * RFC 7606 applied as a receiving session would: a route whose attributes call for treat-as-withdraw (or worse)
     * is not used; one with only attribute-discard findings is used without those attributes.
     */
    private static boolean withdrawn(List<Malformation> malformations) {
        for (Malformation m : malformations) {
            if (m.action().compareTo(ErrorAction.TREAT_AS_WITHDRAW) >= 0) return true;
        }
        return false;
    }

    private static List<PathAttribute> usable(List<PathAttribute> attributes) {
        return AttributeDecoder.withoutDiscardedAggregators(attributes).stream()
                .filter(a -> !(a instanceof MpReachNlri) && !(a instanceof MpUnreachNlri)).toList();
    }
}
