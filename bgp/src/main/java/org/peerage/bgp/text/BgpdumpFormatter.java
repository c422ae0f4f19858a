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
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;

/**
 * Writes MRT records in the one-line-per-route format of {@code bgpdump -m}, or of {@code -M} (UTC calendar times,
 * route lines cut after the origin), byte for byte as bgpdump 1.6.2 does. The rules, quirks included, are in
 * docs/bgpdump-format.md; section numbers below refer to it.
 */
public final class BgpdumpFormatter {

    /** bgpdump's -m (seconds since the epoch, every field) or -M (calendar time, path and origin only). */
    public enum Style { MACHINE, HUMAN }

    private static final int MESSAGE_HEADER = 19;
    private static final int TYPE_UPDATE = 2;
    /** bgpdump (Debian build) prints at most this many prefixes of each list in an UPDATE (§11.3). */
    private static final int MAX_PREFIXES_PER_LIST = 8192;
    private static final Set<AddressFamily> ALL_IP_FAMILIES = Set.of(AddressFamily.IPV4_UNICAST,
            AddressFamily.IPV4_MULTICAST, AddressFamily.IPV6_UNICAST, AddressFamily.IPV6_MULTICAST);

    private final AsciiSink out;
    private final Style style;
    private final RouteSuffix suffix;
    private final LinePart lineStart = new LinePart();
    private final byte[] scratch = new byte[16];
    private MrtEntry.PeerIndexTable peers;
    private long unresolvedPeerEntries;

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

    /**
     * RIB entries skipped so far because no PEER_INDEX_TABLE names their peer (GoBGP 3.10 writes such entries for its
     * own routes; bgpdump aborts on them).
     */
    public long unresolvedPeerEntries() {
        return unresolvedPeerEntries;
    }

    private void time(AsciiSink s, MrtRecord r) {
        if (style == Style.HUMAN) {
            HumanTime.write(s, r.timestamp());
        } else {
            s.number(r.timestamp());
        }
        if (r.extendedTimestamp()) {
            // %06ld of the stored value, unchecked: 1234567 prints as .1234567 (§3).
            long micros = r.microseconds() & 0xFFFF_FFFFL;
            s.ch('.');
            if (micros > 999_999) s.number(micros);
            else s.padded(micros, 6);
        }
    }

    private void prefix(Prefix p) {
        p.copyAddressTo(scratch);
        out.bgpdumpAddress(scratch, 0, p.isIpv6() ? 16 : 4).ch('/').number(p.length());
    }

    private void tableDump(MrtRecord r, MrtEntry.TableDump t) {
        out.text("TABLE_DUMP|");
        time(out, r);
        out.text("|B|");
        // Subtype 4 (IPv6, 4-octet AS) prints peer and prefix as dotted quads of their first 4 bytes (§6).
        boolean dottedIpv6 = t.fourOctetAs() && t.prefix().isIpv6();
        out.bgpdumpAddress(t.peerAddress(), 0, dottedIpv6 ? 4 : t.peerAddress().length);
        out.ch('|').number(t.peerAs()).ch('|');
        if (dottedIpv6) {
            t.prefix().copyAddressTo(scratch);
            out.bgpdumpAddress(scratch, 0, 4).ch('/').number(t.prefix().length());
        } else {
            prefix(t.prefix());
        }
        out.ch('|');
        suffix.write(out, t.attributes(), !t.fourOctetAs(), RouteSuffix.NextHopRule.TABLE_DUMP);
        out.ch('\n');
    }

    private void rib(MrtRecord r, MrtEntry.RibTable t) {
        int st = t.subtype();
        boolean addPath = st == MrtSubtypes.RIB_IPV4_UNICAST_ADDPATH || st == MrtSubtypes.RIB_IPV6_UNICAST_ADDPATH;
        if (!addPath && st != MrtSubtypes.RIB_IPV4_UNICAST && st != MrtSubtypes.RIB_IPV6_UNICAST) {
            return; // multicast and RIB_GENERIC records print nothing (§7.1)
        }
        for (MrtEntry.RibEntry entry : t.entries()) {
            if (peers == null || entry.peerIndex() >= peers.peers().size()) {
                unresolvedPeerEntries++;
                continue;
            }
            MrtEntry.Peer peer = peers.peers().get(entry.peerIndex());
            out.text(addPath ? "TABLE_DUMP2_AP|" : "TABLE_DUMP2|");
            time(out, r);
            out.text("|B|").bgpdumpAddress(peer.address()).ch('|').number(peer.asn()).ch('|');
            prefix(t.prefix());
            out.ch('|');
            if (addPath) {
                out.number(entry.pathId()).ch('|');
            }
            suffix.write(out, entry.attributes(), false, RouteSuffix.NextHopRule.RIB);
            out.ch('\n');
        }
    }

    private void stateChange(MrtRecord r, MrtEntry.Bgp4mpStateChange s) {
        out.text(r.knownType() == MrtType.BGP4MP_ET ? "BGP4MP_ET|" : "BGP4MP|");
        time(out, r);
        out.text("|STATE|").bgpdumpAddress(s.peerAddress()).ch('|').number(s.peerAs()).ch('|')
                .number(s.oldState()).ch('|').number(s.newState()).ch('\n');
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
        MessageLine line = new MessageLine(r, m);
        MpUnreachNlri unreach = u.mpUnreach();
        if (!u.withdrawn().isEmpty() || unreach != null) {
            withdrawals(line, u.withdrawn(), false);
            if (unreach != null) {
                withdrawals(line, unreach.withdrawn(), unreach.family().afi() == AddressFamily.AFI_IPV6);
            }
        }
        MpReachNlri reach = u.mpReach();
        if (!u.nlri().isEmpty()) {
            suffix.prepare(u.attributes(), !m.as4(), RouteSuffix.NextHopRule.ATTRIBUTE);
            announcements(line, u.nlri());
        }
        if (reach != null && !reach.nlri().isEmpty()) {
            suffix.prepare(u.attributes(), !m.as4(), reach.family().afi() == AddressFamily.AFI_IPV6
                    ? RouteSuffix.NextHopRule.MP_IPV6 : RouteSuffix.NextHopRule.MP_IPV4);
            announcements(line, reach.nlri());
        }
    }

    /** What distinguishes the lines of one BGP4MP message: label, side printed, path identifiers (§8.2). */
    private record MessageLine(MrtRecord record, MrtEntry.Bgp4mpMessage m) {
        String label() {
            String base = record.knownType() == MrtType.BGP4MP_ET ? "BGP4MP_ET" : "BGP4MP";
            return switch (m.subtype()) {
                case MrtSubtypes.BGP4MP_MESSAGE_LOCAL, MrtSubtypes.BGP4MP_MESSAGE_AS4_LOCAL -> base + "_LOCAL";
                case MrtSubtypes.BGP4MP_MESSAGE_ADDPATH, MrtSubtypes.BGP4MP_MESSAGE_AS4_ADDPATH,
                     MrtSubtypes.BGP4MP_MESSAGE_LOCAL_ADDPATH, MrtSubtypes.BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH ->
                        base + "_AP";
                default -> base;
            };
        }

        /** bgpdump prints the local side for the LOCAL_ADDPATH subtypes, the peer otherwise. */
        boolean localSide() {
            return m.subtype() == MrtSubtypes.BGP4MP_MESSAGE_LOCAL_ADDPATH
                    || m.subtype() == MrtSubtypes.BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH;
        }

        /** An IPv6 withdrawal in a LOCAL message of an IPv4 session prints the address through the IPv6 formatter. */
        boolean ipv4PeerAsIpv6(boolean ipv6Prefixes) {
            return ipv6Prefixes && m.local() && !m.addPath() && m.peerAddress().length == 4;
        }
    }

    private void lineStart(MessageLine line, String kind, boolean peerAsIpv6) {
        AsciiSink s = lineStart.start();
        s.text(line.label()).ch('|');
        time(s, line.record());
        byte[] address = line.localSide() ? line.m().localAddress() : line.m().peerAddress();
        long as = line.localSide() ? line.m().localAs() : line.m().peerAs();
        s.ch('|').text(kind).ch('|');
        if (peerAsIpv6) {
            s.bgpdumpAddress(java.util.Arrays.copyOf(address, 16), 0, 16);
        } else {
            s.bgpdumpAddress(address);
        }
        s.ch('|').number(as).ch('|');
        lineStart.done();
    }

    private void withdrawals(MessageLine line, List<Route> routes, boolean ipv6Prefixes) {
        if (routes.isEmpty()) {
            return;
        }
        lineStart(line, "W", line.ipv4PeerAsIpv6(ipv6Prefixes));
        int n = Math.min(routes.size(), MAX_PREFIXES_PER_LIST);
        for (int i = 0; i < n; i++) {
            Route route = routes.get(i);
            lineStart.copyTo(out);
            prefix(route.prefix());
            if (route.hasPathId()) {
                out.ch('|').number(route.pathId());
            }
            out.ch('\n');
        }
    }

    private void announcements(MessageLine line, List<Route> routes) {
        lineStart(line, "A", false);
        int n = Math.min(routes.size(), MAX_PREFIXES_PER_LIST);
        for (int i = 0; i < n; i++) {
            Route route = routes.get(i);
            lineStart.copyTo(out);
            prefix(route.prefix());
            out.ch('|');
            if (route.hasPathId()) {
                out.number(route.pathId()).ch('|');
            }
            suffix.writePrepared(out);
            out.ch('\n');
        }
    }
}
