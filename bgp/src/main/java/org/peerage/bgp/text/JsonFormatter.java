package org.peerage.bgp.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.mrt.MrtType;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateCodec;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.As4Aggregator;
import org.peerage.bgp.wire.attr.As4Path;
import org.peerage.bgp.wire.attr.As4Reconciliation;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.ClusterList;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.OnlyToCustomer;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.OriginatorId;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.UnknownAttribute;

/**
 * One JSON object per route, withdrawal or state change, per line; the schema is documented in docs/mrt-json.md.
 * Unlike the bgpdump text, nothing is dropped: large and extended communities, OTC, unknown attributes and RFC 7606
 * findings all appear.
 */
public final class JsonFormatter implements AutoCloseable {
    private static final int MESSAGE_HEADER = 19;
    private static final Set<AddressFamily> ALL_IP_FAMILIES = Set.of(AddressFamily.IPV4_UNICAST,
            AddressFamily.IPV4_MULTICAST, AddressFamily.IPV6_UNICAST, AddressFamily.IPV6_MULTICAST);

    private final JsonGenerator json;
    private MrtEntry.PeerIndexTable peers;

    public JsonFormatter(OutputStream out) {
        try {
            json = new JsonFactory().createGenerator(out);
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(MrtRecord r, MrtEntry e) {
        try {
            switch (e) {
                case MrtEntry.PeerIndexTable t -> peers = t;
                case MrtEntry.RibTable t -> rib(r, t);
                case MrtEntry.TableDump t -> {
                    start(r, "rib");
                    peer(t.peerAddress(), t.peerAs());
                    json.writeStringField("prefix", t.prefix().toString());
                    attributes(t.attributes(), true);
                    malformations(t.malformations());
                    end();
                }
                case MrtEntry.Bgp4mpMessage m -> message(r, m);
                case MrtEntry.Bgp4mpStateChange s -> {
                    start(r, "state");
                    peer(s.peerAddress(), s.peerAs());
                    json.writeNumberField("old_state", s.oldState());
                    json.writeNumberField("new_state", s.newState());
                    end();
                }
                case MrtEntry.Unsupported ignored -> { }
                case MrtEntry.Corrupt ignored -> { }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void start(MrtRecord r, String kind) throws IOException {
        json.writeStartObject();
        MrtType type = r.knownType();
        json.writeStringField("mrt_type", type == null ? Integer.toString(r.type()) : type.name());
        json.writeNumberField("timestamp", r.timestamp());
        if (r.extendedTimestamp()) {
            json.writeNumberField("microseconds", r.microseconds() & 0xFFFF_FFFFL);
        }
        json.writeStringField("kind", kind);
    }

    private void end() throws IOException {
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void peer(byte[] address, long asn) throws IOException {
        json.writeStringField("peer_ip", InetText.format(address));
        json.writeNumberField("peer_as", asn);
    }

    private void rib(MrtRecord r, MrtEntry.RibTable t) throws IOException {
        for (MrtEntry.RibEntry entry : t.entries()) {
            start(r, "rib");
            if (peers != null && entry.peerIndex() < peers.peers().size()) {
                MrtEntry.Peer p = peers.peers().get(entry.peerIndex());
                peer(p.address(), p.asn());
            }
            json.writeNumberField("peer_index", entry.peerIndex());
            json.writeStringField("afi_safi", t.family().toString());
            json.writeStringField("prefix", t.prefix().toString());
            if (t.addPath()) {
                json.writeNumberField("path_id", entry.pathId());
            }
            json.writeNumberField("originated", entry.originatedTime());
            attributes(entry.attributes(), false);
            malformations(entry.malformations());
            end();
        }
    }

    private void message(MrtRecord r, MrtEntry.Bgp4mpMessage m) throws IOException {
        byte[] msg = m.message();
        if (msg.length < MESSAGE_HEADER || msg[18] != 2) {
            return;
        }
        CodecContext ctx = new CodecContext(m.as4(), m.addPath() ? ALL_IP_FAMILIES : Set.of(),
                CodecContext.EXTENDED_MAX_LENGTH);
        DecodeResult<UpdateMessage> result = UpdateCodec.decode(msg, MESSAGE_HEADER, msg.length - MESSAGE_HEADER, ctx);
        if (result instanceof DecodeResult.Failed<UpdateMessage> f) {
            start(r, "malformed");
            peer(m.peerAddress(), m.peerAs());
            malformations(List.of(f.malformation()));
            end();
            return;
        }
        DecodeResult.Decoded<UpdateMessage> d = (DecodeResult.Decoded<UpdateMessage>) result;
        UpdateMessage u = d.value();
        MpUnreachNlri unreach = u.mpUnreach();
        withdrawals(r, m, u.withdrawn());
        if (unreach != null) {
            withdrawals(r, m, unreach.withdrawn());
        }
        MpReachNlri reach = u.mpReach();
        announcements(r, m, u, u.nlri(), d.malformations());
        if (reach != null) {
            announcements(r, m, u, reach.nlri(), d.malformations());
        }
    }

    private void withdrawals(MrtRecord r, MrtEntry.Bgp4mpMessage m, List<Route> routes) throws IOException {
        for (Route route : routes) {
            start(r, "withdraw");
            peer(m.peerAddress(), m.peerAs());
            route(route);
            end();
        }
    }

    private void announcements(MrtRecord r, MrtEntry.Bgp4mpMessage m, UpdateMessage u, List<Route> routes,
                               List<Malformation> malformations) throws IOException {
        for (Route route : routes) {
            start(r, "announce");
            peer(m.peerAddress(), m.peerAs());
            route(route);
            attributes(u.attributes(), !m.as4());
            malformations(malformations);
            end();
        }
    }

    private void route(Route route) throws IOException {
        json.writeStringField("prefix", route.prefix().toString());
        if (route.hasPathId()) {
            json.writeNumberField("path_id", route.pathId());
        }
    }

    private void attributes(List<PathAttribute> attributes, boolean twoOctetPath) throws IOException {
        AsPath asPath = null;
        As4Path as4Path = null;
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p) asPath = p;
            if (a instanceof As4Path p) as4Path = p;
        }
        if (asPath != null) {
            json.writeArrayFieldStart("as_path");
            for (AsPathSegment s : twoOctetPath ? As4Reconciliation.path(asPath, as4Path) : asPath.segments()) {
                segment(s);
            }
            json.writeEndArray();
        }
        for (PathAttribute a : attributes) {
            attribute(a);
        }
    }

    /** A sequence's AS numbers appear inline; a set or confederation segment is an object. */
    private void segment(AsPathSegment s) throws IOException {
        if (s.type() == org.peerage.bgp.wire.attr.SegmentType.AS_SEQUENCE) {
            for (int i = 0; i < s.size(); i++) json.writeNumber(s.asn(i));
            return;
        }
        json.writeStartObject();
        json.writeStringField("segment", s.type().name());
        json.writeArrayFieldStart("asns");
        for (int i = 0; i < s.size(); i++) json.writeNumber(s.asn(i));
        json.writeEndArray();
        json.writeEndObject();
    }

    private void attribute(PathAttribute a) throws IOException {
        switch (a) {
            case Origin o -> json.writeStringField("origin", o.label());
            case NextHop n -> json.writeStringField("next_hop", n.toString());
            case MpReachNlri m -> {
                byte[] nh = m.nextHop();
                if (nh.length == 4 || nh.length == 16) {
                    json.writeStringField("next_hop", InetText.format(nh));
                } else if (nh.length == 32) {
                    json.writeStringField("next_hop", InetText.format(java.util.Arrays.copyOf(nh, 16)));
                    json.writeStringField("next_hop_link_local",
                            InetText.format(java.util.Arrays.copyOfRange(nh, 16, 32)));
                }
            }
            case LocalPref l -> json.writeNumberField("local_pref", l.value());
            case MultiExitDisc m -> json.writeNumberField("med", m.value());
            case AtomicAggregate ignored -> json.writeBooleanField("atomic_aggregate", true);
            case Aggregator g -> {
                json.writeObjectFieldStart("aggregator");
                json.writeNumberField("asn", g.asn());
                json.writeStringField("address", InetText.formatIpv4(g.address()));
                json.writeEndObject();
            }
            case As4Aggregator g -> {
                json.writeObjectFieldStart("as4_aggregator");
                json.writeNumberField("asn", g.asn());
                json.writeStringField("address", InetText.formatIpv4(g.address()));
                json.writeEndObject();
            }
            case Communities c -> {
                json.writeArrayFieldStart("communities");
                for (int i = 0; i < c.size(); i++) {
                    json.writeString((c.get(i) >>> 16) + ":" + (c.get(i) & 0xFFFF));
                }
                json.writeEndArray();
            }
            case LargeCommunities l -> {
                json.writeArrayFieldStart("large_communities");
                for (int i = 0; i < l.size(); i++) {
                    json.writeString(l.globalAdmin(i) + ":" + l.localData1(i) + ":" + l.localData2(i));
                }
                json.writeEndArray();
            }
            case ExtendedCommunities e -> {
                json.writeArrayFieldStart("extended_communities");
                for (int i = 0; i < e.size(); i++) {
                    json.writeString(HexFormat.of().toHexDigits(e.get(i)));
                }
                json.writeEndArray();
            }
            case OriginatorId o -> json.writeStringField("originator_id", o.toString());
            case ClusterList c -> {
                json.writeArrayFieldStart("cluster_list");
                for (int id : c.ids()) json.writeString(InetText.formatIpv4(id));
                json.writeEndArray();
            }
            case OnlyToCustomer o -> json.writeNumberField("otc", o.asn());
            case UnknownAttribute u -> {
                json.writeObjectFieldStart("attribute_" + u.typeCode());
                json.writeNumberField("flags", u.flags());
                json.writeStringField("hex", HexFormat.of().formatHex(u.value()));
                json.writeEndObject();
            }
            case AsPath ignored -> { }
            case As4Path ignored -> { }
            case MpUnreachNlri ignored -> { }
        }
    }

    private void malformations(List<Malformation> malformations) throws IOException {
        if (malformations.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("malformations");
        for (Malformation m : malformations) {
            json.writeStartObject();
            json.writeStringField("action", m.action().name());
            json.writeNumberField("subcode", m.subcode());
            json.writeStringField("reason", m.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
