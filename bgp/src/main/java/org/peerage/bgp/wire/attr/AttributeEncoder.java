package org.peerage.bgp.wire.attr;

import java.util.List;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.NlriCodec;
import org.peerage.bgp.wire.WireWriter;

/**
 * Encodes path attributes in the order given, each with its own flags. The Extended Length bit is kept when set and
 * added when the value needs it, so decoded attributes re-encode to their received bytes.
 */
public final class AttributeEncoder {
    private AttributeEncoder() {
    }

    public static void encode(WireWriter out, List<PathAttribute> attributes, CodecContext ctx) {
        for (PathAttribute a : attributes) {
            encode(out, a, ctx);
        }
    }

    public static void encode(WireWriter out, PathAttribute a, CodecContext ctx) {
        int flagsAt = out.skip(1);
        out.u8(a.typeCode());
        boolean extended = AttributeFlags.isExtendedLength(a.flags());
        // Without the bit, the value's size decides between a 1- and a 2-byte length, so it is encoded first.
        if (extended) {
            int lengthAt = out.skip(2);
            int valueStart = out.position();
            value(out, a, ctx);
            out.putU16At(lengthAt, out.position() - valueStart);
            out.putU8At(flagsAt, a.flags());
            return;
        }
        int lengthAt = out.skip(1);
        int valueStart = out.position();
        value(out, a, ctx);
        int length = out.position() - valueStart;
        if (length > 255) {
            out.insertGap(valueStart, 1); // a second length byte: the value moves up by one
            out.putU8At(flagsAt, a.flags() | AttributeFlags.EXTENDED_LENGTH);
            out.putU16At(lengthAt, length);
        } else {
            out.putU8At(flagsAt, a.flags());
            out.putU8At(lengthAt, length);
        }
    }

    private static void value(WireWriter out, PathAttribute a, CodecContext ctx) {
        switch (a) {
            case Origin o -> out.u8(o.value());
            case AsPath p -> segments(out, p.segments(), ctx.fourOctetAs());
            case As4Path p -> segments(out, p.segments(), true);
            case NextHop n -> out.u32(n.address() & 0xFFFF_FFFFL);
            case MultiExitDisc m -> out.u32(m.value());
            case LocalPref l -> out.u32(l.value());
            case AtomicAggregate ignored -> { }
            case Aggregator g -> {
                if (ctx.fourOctetAs()) out.u32(g.asn());
                else out.u16(twoOctet(g.asn()));
                out.u32(g.address() & 0xFFFF_FFFFL);
            }
            case As4Aggregator g -> out.u32(g.asn()).u32(g.address() & 0xFFFF_FFFFL);
            case Communities c -> {
                for (int i = 0; i < c.size(); i++) out.u32(c.get(i) & 0xFFFF_FFFFL);
            }
            case OriginatorId o -> out.u32(o.id() & 0xFFFF_FFFFL);
            case ClusterList c -> {
                for (int id : c.ids()) out.u32(id & 0xFFFF_FFFFL);
            }
            case MpReachNlri m -> mpReach(out, m, ctx);
            case MpUnreachNlri m -> {
                out.u16(m.family().afi()).u8(m.family().safi());
                NlriCodec.encode(out, m.withdrawn(), ctx.addPath(m.family()));
                out.bytes(m.opaqueNlri());
            }
            case ExtendedCommunities e -> {
                for (int i = 0; i < e.size(); i++) out.u64(e.get(i));
            }
            case LargeCommunities l -> {
                for (int v : l.triples()) out.u32(v & 0xFFFF_FFFFL);
            }
            case OnlyToCustomer o -> out.u32(o.asn());
            case UnknownAttribute u -> out.bytes(u.value());
        }
    }

    private static void mpReach(WireWriter out, MpReachNlri m, CodecContext ctx) {
        byte[] nextHop = m.nextHop();
        if (m.abbreviated()) {
            out.u8(nextHop.length).bytes(nextHop);
            return;
        }
        out.u16(m.family().afi()).u8(m.family().safi()).u8(nextHop.length).bytes(nextHop).u8(m.reserved());
        NlriCodec.encode(out, m.nlri(), ctx.addPath(m.family()));
        out.bytes(m.opaqueNlri());
    }

    private static void segments(WireWriter out, List<AsPathSegment> segments, boolean fourOctet) {
        for (AsPathSegment s : segments) {
            out.u8(s.type().code()).u8(s.size());
            for (int i = 0; i < s.size(); i++) {
                if (fourOctet) out.u32(s.asn(i));
                else out.u16(twoOctet(s.asn(i)));
            }
        }
    }

    /** A 4-octet AS must be mapped to AS_TRANS with AS4_PATH by the sender (RFC 6793 §4.2.2), never truncated. */
    private static int twoOctet(long asn) {
        if (asn > 0xFFFF) {
            throw new IllegalArgumentException("AS " + asn + " does not fit 2 octets: send AS_TRANS and AS4_PATH");
        }
        return (int) asn;
    }
}
