package org.peerage.bgp.text;

import java.util.List;
import java.util.Set;
import org.peerage.bgp.mrt.MrtEntry;
import org.peerage.bgp.mrt.MrtRecord;
import org.peerage.bgp.mrt.MrtSubtypes;
import org.peerage.bgp.mrt.MrtType;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateCodec;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * Writes MRT records in the one-line-per-route format of {@code bgpdump -m}, or of {@code -M} (human-readable times,
 * route lines cut after the origin), byte for byte as bgpdump 1.6.2 does. See docs/bgpdump-format.md for the rules.
 */
public final class BgpdumpFormatter {

    /** bgpdump's -m (seconds since the epoch, every field) or -M (calendar time, path and origin only). */
    public enum Style { MACHINE, HUMAN }

    private static final int MESSAGE_HEADER = 19;
    private static final int TYPE_UPDATE = 2;

    private final AsciiSink out;
    private final Style style;
    private final RouteSuffix suffix;
    private final LinePart lineStart = new LinePart();
    private final byte[] scratch = new byte[16];
    private MrtEntry.PeerIndexTable peers;

    public BgpdumpFormatter(AsciiSink out, Style style) {
        this.out = out;
        this.style = style;
        this.suffix = new RouteSuffix(style == Style.MACHINE);
    }

    public void write(MrtRecord r, MrtEntry e) {
        switch (e) {
            case MrtEntry.PeerIndexTable t -> peers = t;
            case MrtEntry.RibTable t -> rib(r, t);
            case MrtEntry.TableDump t -> tableDump(r, t);
            case MrtEntry.Bgp4mpMessage m -> message(r, m);
            case MrtEntry.Bgp4mpStateChange s -> stateChange(r, s);
            case MrtEntry.Unsupported ignored -> { }
            case MrtEntry.Corrupt ignored -> { }
        }
    }

    private void time(MrtRecord r) {
        time(out, r);
    }

    private void time(AsciiSink s, MrtRecord r) {
        if (style == Style.HUMAN) {
            HumanTime.write(s, r.timestamp());
        } else {
            s.number(r.timestamp());
        }
        if (r.extendedTimestamp()) {
            s.ch('.').padded(r.microseconds() & 0xFFFF_FFFFL, 6);
        }
    }

    private void prefix(Prefix p) {
        p.copyAddressTo(scratch);
        out.bgpdumpAddress(scratch, 0, p.isIpv6() ? 16 : 4).ch('/').number(p.length());
    }

    private void tableDump(MrtRecord r, MrtEntry.TableDump t) {
        out.text("TABLE_DUMP|");
        time(r);
        out.text("|B|").bgpdumpAddress(t.peerAddress()).ch('|').number(t.peerAs()).ch('|');
        prefix(t.prefix());
        out.ch('|');
        suffix.write(out, t.attributes(), true, t.prefix().isIpv6());
        out.ch('\n');
    }

    private void rib(MrtRecord r, MrtEntry.RibTable t) {
        boolean addPath = t.addPath();
        for (MrtEntry.RibEntry entry : t.entries()) {
            if (peers == null || entry.peerIndex() >= peers.peers().size()) {
                continue;
            }
            MrtEntry.Peer peer = peers.peers().get(entry.peerIndex());
            out.text(addPath ? "TABLE_DUMP2_AP|" : "TABLE_DUMP2|");
            time(r);
            out.text("|B|").bgpdumpAddress(peer.address()).ch('|').number(peer.asn()).ch('|');
            prefix(t.prefix());
            out.ch('|');
            if (addPath) {
                out.number(entry.pathId()).ch('|');
            }
            boolean ipv6 = t.family().afi() == AddressFamily.AFI_IPV6;
            suffix.write(out, entry.attributes(), false, ipv6 && !ribIpv6NextHopIgnored(t.subtype()));
            out.ch('\n');
        }
    }

    /** bgpdump takes the IPv6 next hop only for the plain IPv6 RIB subtypes, not their ADD-PATH twins. */
    private static boolean ribIpv6NextHopIgnored(int subtype) {
        return subtype == MrtSubtypes.RIB_IPV6_UNICAST_ADDPATH || subtype == MrtSubtypes.RIB_IPV6_MULTICAST_ADDPATH;
    }

    private void header(AsciiSink s, MrtRecord r, String kind, byte[] peer, long peerAs) {
        s.text(r.knownType() == MrtType.BGP4MP_ET ? "BGP4MP_ET|" : "BGP4MP|");
        time(s, r);
        s.ch('|').text(kind).ch('|').bgpdumpAddress(peer).ch('|').number(peerAs).ch('|');
    }

    /** Formats the start of a message's lines once: every route of an UPDATE shares it. */
    private void prepareLineStart(MrtRecord r, String kind, MrtEntry.Bgp4mpMessage m) {
        header(lineStart.start(), r, kind, m.peerAddress(), m.peerAs());
        lineStart.done();
    }

    private void stateChange(MrtRecord r, MrtEntry.Bgp4mpStateChange s) {
        header(out, r, "STATE", s.peerAddress(), s.peerAs());
        out.number(s.oldState()).ch('|').number(s.newState()).ch('\n');
    }

    private void message(MrtRecord r, MrtEntry.Bgp4mpMessage m) {
        byte[] msg = m.message();
        if (msg.length < MESSAGE_HEADER || (msg[18] & 0xFF) != TYPE_UPDATE) {
            return;
        }
        CodecContext ctx = new CodecContext(m.as4(), m.addPath() ? ALL_IP_FAMILIES : Set.of(),
                CodecContext.EXTENDED_MAX_LENGTH);
        if (!(UpdateCodec.decode(msg, MESSAGE_HEADER, msg.length - MESSAGE_HEADER, ctx)
                instanceof DecodeResult.Decoded<UpdateMessage> d)) {
            return;
        }
        UpdateMessage u = d.value();
        withdrawals(r, m, u.withdrawn());
        if (u.mpUnreach() != null) {
            withdrawals(r, m, u.mpUnreach().withdrawn());
        }
        List<PathAttribute> attributes = u.attributes();
        if (!u.nlri().isEmpty()) {
            suffix.prepare(attributes, !m.as4(), false);
            announcements(r, m, u.nlri());
        }
        if (u.mpReach() != null && !u.mpReach().nlri().isEmpty()) {
            suffix.prepare(attributes, !m.as4(), u.mpReach().family().afi() == AddressFamily.AFI_IPV6);
            announcements(r, m, u.mpReach().nlri());
        }
    }

    private static final Set<AddressFamily> ALL_IP_FAMILIES = Set.of(AddressFamily.IPV4_UNICAST,
            AddressFamily.IPV4_MULTICAST, AddressFamily.IPV6_UNICAST, AddressFamily.IPV6_MULTICAST);

    private void withdrawals(MrtRecord r, MrtEntry.Bgp4mpMessage m, List<Route> routes) {
        if (routes.isEmpty()) {
            return;
        }
        prepareLineStart(r, "W", m);
        for (Route route : routes) {
            lineStart.copyTo(out);
            prefix(route.prefix());
            out.ch('\n');
        }
    }

    private void announcements(MrtRecord r, MrtEntry.Bgp4mpMessage m, List<Route> routes) {
        prepareLineStart(r, "A", m);
        for (Route route : routes) {
            lineStart.copyTo(out);
            prefix(route.prefix());
            out.ch('|');
            suffix.writePrepared(out);
            out.ch('\n');
        }
    }
}
