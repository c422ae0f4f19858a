package org.peerage.bgp.mrt;

import static org.peerage.bgp.mrt.MrtSubtypes.*;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AttributeEncoder;

/**
 * Encodes {@link MrtEntry} values into MRT record bodies, the inverse of {@link MrtDecoder}: decoding a record and
 * encoding the entry gives back the same bytes.
 */
public final class MrtEncoder {
    private static final CodecContext RIB_V2 = CodecContext.DEFAULT.withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);

    private MrtEncoder() {
    }

    /** The MRT type of the entry's record. */
    public static MrtType type(MrtEntry e) {
        return switch (e) {
            case MrtEntry.PeerIndexTable ignored -> MrtType.TABLE_DUMP_V2;
            case MrtEntry.RibTable ignored -> MrtType.TABLE_DUMP_V2;
            case MrtEntry.TableDump ignored -> MrtType.TABLE_DUMP;
            case MrtEntry.Bgp4mpMessage ignored -> MrtType.BGP4MP;
            case MrtEntry.Bgp4mpStateChange ignored -> MrtType.BGP4MP;
            case MrtEntry.Unsupported u -> throw new IllegalArgumentException("cannot encode " + u);
            case MrtEntry.Corrupt c -> throw new IllegalArgumentException("cannot encode " + c);
        };
    }

    /** The record subtype of the entry. */
    public static int subtype(MrtEntry e) {
        return switch (e) {
            case MrtEntry.PeerIndexTable ignored -> PEER_INDEX_TABLE;
            case MrtEntry.RibTable t -> t.subtype();
            case MrtEntry.TableDump t -> (t.prefix().isIpv6() ? TABLE_DUMP_AFI_IPV6 : TABLE_DUMP_AFI_IPV4)
                    + (t.fourOctetAs() ? TABLE_DUMP_AFI_IPV4_32BIT_AS - TABLE_DUMP_AFI_IPV4 : 0);
            case MrtEntry.Bgp4mpMessage m -> m.subtype();
            case MrtEntry.Bgp4mpStateChange s -> s.subtype();
            case MrtEntry.Unsupported u -> throw new IllegalArgumentException("cannot encode " + u);
            case MrtEntry.Corrupt c -> throw new IllegalArgumentException("cannot encode " + c);
        };
    }

    public static byte[] body(MrtEntry e) {
        WireWriter out = new WireWriter(256);
        switch (e) {
            case MrtEntry.PeerIndexTable t -> peerIndexTable(out, t);
            case MrtEntry.RibTable t -> rib(out, t);
            case MrtEntry.TableDump t -> tableDump(out, t);
            case MrtEntry.Bgp4mpMessage m -> {
                bgp4mpHeader(out, m.as4(), m.peerAs(), m.localAs(), m.interfaceIndex(), m.afi(), m.peerAddress(),
                        m.localAddress());
                out.bytes(m.message());
            }
            case MrtEntry.Bgp4mpStateChange s -> {
                boolean as4 = s.subtype() == BGP4MP_STATE_CHANGE_AS4;
                bgp4mpHeader(out, as4, s.peerAs(), s.localAs(), s.interfaceIndex(), s.afi(), s.peerAddress(),
                        s.localAddress());
                out.u16(s.oldState()).u16(s.newState());
            }
            case MrtEntry.Unsupported u -> throw new IllegalArgumentException("cannot encode " + u);
            case MrtEntry.Corrupt c -> throw new IllegalArgumentException("cannot encode " + c);
        }
        return out.toByteArray();
    }

    private static void peerIndexTable(WireWriter out, MrtEntry.PeerIndexTable t) {
        byte[] name = t.viewName().getBytes(StandardCharsets.UTF_8);
        out.u32(t.collectorId() & 0xFFFF_FFFFL).u16(name.length).bytes(name).u16(t.peers().size());
        for (MrtEntry.Peer p : t.peers()) {
            boolean as4 = p.fourOctetAs();
            out.u8((p.ipv6() ? 1 : 0) | (as4 ? 2 : 0)).u32(p.bgpId() & 0xFFFF_FFFFL).bytes(p.address());
            if (as4) out.u32(p.asn());
            else out.u16((int) p.asn());
        }
    }

    private static void rib(WireWriter out, MrtEntry.RibTable t) {
        out.u32(t.sequence());
        if (t.subtype() == RIB_GENERIC || t.subtype() == RIB_GENERIC_ADDPATH) {
            out.u16(t.family().afi()).u8(t.family().safi());
        }
        out.prefix(t.prefix()).u16(t.entries().size());
        CodecContext ctx = t.addPath() ? RIB_V2.withAddPath(Set.of(t.family())) : RIB_V2;
        for (MrtEntry.RibEntry entry : t.entries()) {
            out.u16(entry.peerIndex()).u32(entry.originatedTime());
            if (t.addPath()) {
                out.u32(entry.pathId());
            }
            int lengthAt = out.skip(2);
            AttributeEncoder.encode(out, entry.attributes(), ctx);
            out.putU16At(lengthAt, out.position() - lengthAt - 2);
        }
    }

    /** The RIB subtype for a family (RFC 6396 §4.3, RFC 8050 §4): the AFI/SAFI-specific one, or RIB_GENERIC. */
    public static int ribSubtype(AddressFamily family, boolean addPath) {
        int base;
        if (family.equals(AddressFamily.IPV4_UNICAST)) base = RIB_IPV4_UNICAST;
        else if (family.equals(AddressFamily.IPV4_MULTICAST)) base = RIB_IPV4_MULTICAST;
        else if (family.equals(AddressFamily.IPV6_UNICAST)) base = RIB_IPV6_UNICAST;
        else if (family.equals(AddressFamily.IPV6_MULTICAST)) base = RIB_IPV6_MULTICAST;
        else return addPath ? RIB_GENERIC_ADDPATH : RIB_GENERIC;
        return addPath ? base + (RIB_IPV4_UNICAST_ADDPATH - RIB_IPV4_UNICAST) : base;
    }

    private static void tableDump(WireWriter out, MrtEntry.TableDump t) {
        out.u16(t.viewNumber()).u16(t.sequence()).bytes(t.prefix().address()).u8(t.prefix().length()).u8(t.status())
                .u32(t.originatedTime()).bytes(t.peerAddress());
        if (t.fourOctetAs()) out.u32(t.peerAs());
        else out.u16((int) t.peerAs());
        int lengthAt = out.skip(2);
        AttributeEncoder.encode(out, t.attributes(), RIB_V2.withFourOctetAs(t.fourOctetAs()));
        out.putU16At(lengthAt, out.position() - lengthAt - 2);
    }

    private static void bgp4mpHeader(WireWriter out, boolean as4, long peerAs, long localAs, int ifIndex, int afi,
                                     byte[] peer, byte[] local) {
        if (as4) out.u32(peerAs).u32(localAs);
        else out.u16((int) peerAs).u16((int) localAs);
        out.u16(ifIndex).u16(afi).bytes(peer).bytes(local);
    }
}
