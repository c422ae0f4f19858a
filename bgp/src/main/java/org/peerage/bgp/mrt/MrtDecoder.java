package org.peerage.bgp.mrt;

import static org.peerage.bgp.mrt.MrtSubtypes.*;
import static org.peerage.bgp.wire.WireReader.i32;
import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u32;
import static org.peerage.bgp.wire.WireReader.u8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AttributeDecoder;

/** Decodes MRT record bodies into {@link MrtEntry} values; never throws on malformed input. */
public final class MrtDecoder {
    private static final CodecContext RIB_V2 = CodecContext.DEFAULT.withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);
    private static final CodecContext TABLE_DUMP_V1 = RIB_V2.withFourOctetAs(false);

    private MrtDecoder() {
    }

    public static MrtEntry decode(MrtRecord r) {
        MrtType type = r.knownType();
        if (type == null) {
            return new MrtEntry.Unsupported(r.type(), r.subtype());
        }
        try {
            return switch (type) {
                case TABLE_DUMP -> tableDump(r);
                case TABLE_DUMP_V2 -> tableDumpV2(r);
                case BGP4MP, BGP4MP_ET -> bgp4mp(r);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            // Every length is checked up front where a record states one; this catches fields cut short.
            return new MrtEntry.Corrupt("record body of " + r.body().length + " bytes ends inside a field");
        }
    }

    private static MrtEntry tableDump(MrtRecord r) {
        int st = r.subtype();
        if (st < TABLE_DUMP_AFI_IPV4 || st > TABLE_DUMP_AFI_IPV6_32BIT_AS) {
            return new MrtEntry.Unsupported(r.type(), st);
        }
        boolean v6 = st == TABLE_DUMP_AFI_IPV6 || st == TABLE_DUMP_AFI_IPV6_32BIT_AS;
        boolean as4 = st >= TABLE_DUMP_AFI_IPV4_32BIT_AS;
        byte[] b = r.body();
        int alen = v6 ? 16 : 4;
        int pos = 0;
        int view = u16(b, pos);
        int seq = u16(b, pos + 2);
        pos += 4;
        byte[] address = Arrays.copyOfRange(b, pos, pos + alen);
        pos += alen;
        int length = u8(b, pos++);
        if (length > alen * 8) {
            return new MrtEntry.Corrupt("TABLE_DUMP prefix length " + length);
        }
        int status = u8(b, pos++);
        long originated = u32(b, pos);
        pos += 4;
        byte[] peer = Arrays.copyOfRange(b, pos, pos + alen);
        pos += alen;
        long peerAs = as4 ? u32(b, pos) : u16(b, pos);
        pos += as4 ? 4 : 2;
        int attrLength = u16(b, pos);
        pos += 2;
        if (pos + attrLength > b.length) {
            return new MrtEntry.Corrupt("TABLE_DUMP attribute length " + attrLength + " overruns the record");
        }
        AttributeDecoder.Result attrs = AttributeDecoder.decodeRibEntry(b, pos, attrLength,
                as4 ? RIB_V2 : TABLE_DUMP_V1, v6 ? AddressFamily.IPV6_UNICAST : AddressFamily.IPV4_UNICAST);
        Prefix prefix = Prefix.of(v6, length, Arrays.copyOf(address, (length + 7) / 8));
        return new MrtEntry.TableDump(view, seq, prefix, status, originated, peer, peerAs, as4, attrs.attributes(),
                attrs.malformations());
    }

    private static MrtEntry tableDumpV2(MrtRecord r) {
        byte[] b = r.body();
        return switch (r.subtype()) {
            case PEER_INDEX_TABLE -> peerIndexTable(b);
            case RIB_IPV4_UNICAST -> rib(r, AddressFamily.IPV4_UNICAST, false);
            case RIB_IPV4_MULTICAST -> rib(r, AddressFamily.IPV4_MULTICAST, false);
            case RIB_IPV6_UNICAST -> rib(r, AddressFamily.IPV6_UNICAST, false);
            case RIB_IPV6_MULTICAST -> rib(r, AddressFamily.IPV6_MULTICAST, false);
            case RIB_IPV4_UNICAST_ADDPATH -> rib(r, AddressFamily.IPV4_UNICAST, true);
            case RIB_IPV4_MULTICAST_ADDPATH -> rib(r, AddressFamily.IPV4_MULTICAST, true);
            case RIB_IPV6_UNICAST_ADDPATH -> rib(r, AddressFamily.IPV6_UNICAST, true);
            case RIB_IPV6_MULTICAST_ADDPATH -> rib(r, AddressFamily.IPV6_MULTICAST, true);
            case RIB_GENERIC -> rib(r, null, false);
            case RIB_GENERIC_ADDPATH -> rib(r, null, true);
            default -> new MrtEntry.Unsupported(r.type(), r.subtype());
        };
    }

    private static MrtEntry peerIndexTable(byte[] b) {
        int collector = i32(b, 0);
        int nameLength = u16(b, 4);
        int pos = 6;
        if (pos + nameLength + 2 > b.length) {
            return new MrtEntry.Corrupt("PEER_INDEX_TABLE view name length " + nameLength + " overruns the record");
        }
        String name = new String(b, pos, nameLength, StandardCharsets.UTF_8);
        pos += nameLength;
        int count = u16(b, pos);
        pos += 2;
        List<MrtEntry.Peer> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int peerType = u8(b, pos);
            int bgpId = i32(b, pos + 1);
            pos += 5;
            int alen = (peerType & 1) != 0 ? 16 : 4;
            byte[] address = Arrays.copyOfRange(b, pos, pos + alen);
            pos += alen;
            long asn;
            if ((peerType & 2) != 0) {
                asn = u32(b, pos);
                pos += 4;
            } else {
                asn = u16(b, pos);
                pos += 2;
            }
            if (pos > b.length) {
                return new MrtEntry.Corrupt("PEER_INDEX_TABLE entry " + i + " of " + count + " overruns the record");
            }
            peers.add(new MrtEntry.Peer(bgpId, address, asn, (peerType & 2) != 0));
        }
        return new MrtEntry.PeerIndexTable(collector, name, peers);
    }

    private static MrtEntry rib(MrtRecord r, AddressFamily fixedFamily, boolean addPath) {
        byte[] b = r.body();
        long sequence = u32(b, 0);
        int pos = 4;
        AddressFamily family = fixedFamily;
        if (family == null) {
            family = AddressFamily.of(u16(b, pos), u8(b, pos + 2));
            pos += 3;
        }
        Prefix prefix;
        if (family.isIpPrefixFamily()) {
            int length = u8(b, pos);
            int max = family.addressBytes() * 8;
            if (length > max) {
                return new MrtEntry.Corrupt("RIB prefix length " + length + " exceeds " + max);
            }
            int bytes = (length + 7) / 8;
            prefix = Prefix.of(family.afi() == AddressFamily.AFI_IPV6, length, Arrays.copyOfRange(b, pos + 1,
                    pos + 1 + bytes));
            pos += 1 + bytes;
        } else {
            // RIB_GENERIC of another family: the NLRI's length is not self-describing without the family's rules.
            return new MrtEntry.Unsupported(r.type(), r.subtype());
        }
        int count = u16(b, pos);
        pos += 2;
        List<MrtEntry.RibEntry> entries = new ArrayList<>(count);
        CodecContext ctx = addPath ? RIB_V2.withAddPath(java.util.Set.of(family)) : RIB_V2;
        for (int i = 0; i < count; i++) {
            int peerIndex = u16(b, pos);
            long originated = u32(b, pos + 2);
            pos += 6;
            long pathId = -1;
            if (addPath) {
                pathId = u32(b, pos);
                pos += 4;
            }
            int attrLength = u16(b, pos);
            pos += 2;
            if (pos + attrLength > b.length) {
                return new MrtEntry.Corrupt("RIB entry " + i + " of " + count + ": attribute length " + attrLength
                        + " overruns the record");
            }
            AttributeDecoder.Result attrs = AttributeDecoder.decodeRibEntry(b, pos, attrLength, ctx, family);
            pos += attrLength;
            entries.add(new MrtEntry.RibEntry(peerIndex, originated, pathId, attrs.attributes(),
                    attrs.malformations()));
        }
        return new MrtEntry.RibTable(r.subtype(), sequence, family, prefix, addPath, entries);
    }

    private static MrtEntry bgp4mp(MrtRecord r) {
        int st = r.subtype();
        boolean stateChange = st == BGP4MP_STATE_CHANGE || st == BGP4MP_STATE_CHANGE_AS4;
        boolean message = st == BGP4MP_MESSAGE || (st >= BGP4MP_MESSAGE_AS4 && st <= BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH
                && st != BGP4MP_STATE_CHANGE_AS4);
        if (!stateChange && !message) {
            return new MrtEntry.Unsupported(r.type(), st);
        }
        boolean as4 = st == BGP4MP_MESSAGE_AS4 || st == BGP4MP_STATE_CHANGE_AS4 || st == BGP4MP_MESSAGE_AS4_LOCAL
                || st == BGP4MP_MESSAGE_AS4_ADDPATH || st == BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH;
        boolean local = st == BGP4MP_MESSAGE_LOCAL || st == BGP4MP_MESSAGE_AS4_LOCAL
                || st == BGP4MP_MESSAGE_LOCAL_ADDPATH || st == BGP4MP_MESSAGE_AS4_LOCAL_ADDPATH;
        boolean addPath = st >= BGP4MP_MESSAGE_ADDPATH;
        byte[] b = r.body();
        int asSize = as4 ? 4 : 2;
        int pos = 0;
        long peerAs = as4 ? u32(b, pos) : u16(b, pos);
        long localAs = as4 ? u32(b, pos + asSize) : u16(b, pos + asSize);
        pos += 2 * asSize;
        int ifIndex = u16(b, pos);
        int afi = u16(b, pos + 2);
        pos += 4;
        int alen = switch (afi) {
            case AddressFamily.AFI_IPV4 -> 4;
            case AddressFamily.AFI_IPV6 -> 16;
            default -> -1;
        };
        if (alen < 0) {
            return new MrtEntry.Corrupt("BGP4MP address family " + afi + " is neither IPv4 (1) nor IPv6 (2)");
        }
        byte[] peer = Arrays.copyOfRange(b, pos, pos + alen);
        byte[] localAddress = Arrays.copyOfRange(b, pos + alen, pos + 2 * alen);
        pos += 2 * alen;
        if (pos > b.length) {
            return new MrtEntry.Corrupt("BGP4MP record of " + b.length + " bytes ends inside its addresses");
        }
        if (stateChange) {
            return new MrtEntry.Bgp4mpStateChange(st, peerAs, localAs, ifIndex, afi, peer, localAddress, u16(b, pos),
                    u16(b, pos + 2));
        }
        return new MrtEntry.Bgp4mpMessage(st, peerAs, localAs, ifIndex, afi, peer, localAddress, as4, local, addPath,
                Arrays.copyOfRange(b, pos, b.length));
    }
}
