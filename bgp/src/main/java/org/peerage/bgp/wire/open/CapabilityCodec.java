package org.peerage.bgp.wire.open;

import static org.peerage.bgp.wire.WireReader.u16;
import static org.peerage.bgp.wire.WireReader.u8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.DecodeResult;
import org.peerage.bgp.wire.OpenErrorSubcode;
import org.peerage.bgp.wire.WireReader;
import org.peerage.bgp.wire.WireWriter;

/**
 * The wire format of capabilities (RFC 5492 §4): code, one-octet length, value. A capability whose value does not
 * have the length its RFC defines is an OPEN Message Error / Unspecific, as no subcode fits better (RFC 4271 §6.2).
 */
public final class CapabilityCodec {
    private CapabilityCodec() {
    }

    /**
     * Decodes the value of a Capabilities Optional Parameter, {@code buf[off, off + len)}.
     *
     * @param origin the index in {@code buf} that Malformation offsets count from
     */
    public static DecodeResult<CapabilitiesParameter> decodeParameter(byte[] buf, int off, int len, int origin) {
        List<Capability> capabilities = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (end - pos < 2) {
                return unspecific(pos - origin, "capability header truncated: 1 byte left in the optional parameter");
            }
            int code = u8(buf, pos);
            int length = u8(buf, pos + 1);
            if (pos + 2 + length > end) {
                return unspecific(pos + 1 - origin, "capability " + code + " length " + length
                        + " overruns the optional parameter (" + (end - pos - 2) + " bytes left)");
            }
            switch (decode(code, buf, pos + 2, length, pos - origin)) {
                case DecodeResult.Decoded<Capability> d -> capabilities.add(d.value());
                case DecodeResult.Failed<Capability> f -> {
                    return DecodeResult.failed(f.malformation());
                }
            }
            pos += 2 + length;
        }
        return DecodeResult.ok(new CapabilitiesParameter(capabilities));
    }

    /** Decodes one capability value; {@code at} is the offset reported for a malformed one. */
    private static DecodeResult<Capability> decode(int code, byte[] buf, int off, int len, int at) {
        CapabilityCode known = CapabilityCode.of(code);
        if (known == null) {
            return DecodeResult.ok(new UnknownCapability(code, Arrays.copyOfRange(buf, off, off + len)));
        }
        return switch (known) {
            case MULTIPROTOCOL -> len != 4 ? wrongLength(known, len, "4", at)
                    : ok(new MultiprotocolCapability(AddressFamily.of(u16(buf, off), u8(buf, off + 3)),
                            u8(buf, off + 2)));
            case ROUTE_REFRESH -> len != 0 ? wrongLength(known, len, "0", at) : ok(new RouteRefreshCapability());
            case ENHANCED_ROUTE_REFRESH -> len != 0 ? wrongLength(known, len, "0", at)
                    : ok(new EnhancedRouteRefreshCapability());
            case EXTENDED_MESSAGE -> len != 0 ? wrongLength(known, len, "0", at) : ok(new ExtendedMessageCapability());
            case FOUR_OCTET_AS -> fourOctetAs(buf, off, len, at);
            case BGP_ROLE -> len != 1 ? wrongLength(known, len, "1", at) : ok(new RoleCapability(u8(buf, off)));
            case ADD_PATH -> addPath(buf, off, len, at);
            case GRACEFUL_RESTART -> gracefulRestart(buf, off, len, at);
            case LONG_LIVED_GRACEFUL_RESTART -> longLivedGracefulRestart(buf, off, len, at);
            case EXTENDED_NEXT_HOP -> extendedNextHop(buf, off, len, at);
            case FQDN -> fqdn(buf, off, len, at);
            default -> DecodeResult.ok(new UnknownCapability(code, Arrays.copyOfRange(buf, off, off + len)));
        };
    }

    private static DecodeResult<Capability> fourOctetAs(byte[] buf, int off, int len, int at) {
        if (len != 4) {
            return wrongLength(CapabilityCode.FOUR_OCTET_AS, len, "4", at);
        }
        long asn = WireReader.u32(buf, off);
        if (asn == 0) {
            // RFC 7607: AS 0 as the peer's AS is Bad Peer AS.
            return DecodeResult.failed(OpenErrorSubcode.BAD_PEER_AS.malformation(Arrays.copyOfRange(buf, off, off + 4),
                    at, "4-octet AS capability carries AS 0"));
        }
        return ok(new FourOctetAsCapability(asn));
    }

    private static DecodeResult<Capability> addPath(byte[] buf, int off, int len, int at) {
        if (len % AddPathCapability.ENTRY_LENGTH != 0) {
            return wrongLength(CapabilityCode.ADD_PATH, len, "a multiple of 4", at);
        }
        List<AddPathCapability.Family> families = new ArrayList<>();
        for (int p = off; p < off + len; p += AddPathCapability.ENTRY_LENGTH) {
            families.add(new AddPathCapability.Family(family(buf, p), u8(buf, p + 3)));
        }
        return ok(new AddPathCapability(families));
    }

    private static DecodeResult<Capability> gracefulRestart(byte[] buf, int off, int len, int at) {
        int header = GracefulRestartCapability.HEADER_LENGTH;
        if (len < header || (len - header) % GracefulRestartCapability.ENTRY_LENGTH != 0) {
            return wrongLength(CapabilityCode.GRACEFUL_RESTART, len, "2 plus a multiple of 4", at);
        }
        List<GracefulRestartCapability.Family> families = new ArrayList<>();
        for (int p = off + header; p < off + len; p += GracefulRestartCapability.ENTRY_LENGTH) {
            families.add(new GracefulRestartCapability.Family(family(buf, p), u8(buf, p + 3)));
        }
        int flagsAndTime = u16(buf, off);
        return ok(new GracefulRestartCapability(flagsAndTime >>> 12, flagsAndTime & 0xFFF, families));
    }

    private static DecodeResult<Capability> longLivedGracefulRestart(byte[] buf, int off, int len, int at) {
        if (len % LongLivedGracefulRestartCapability.ENTRY_LENGTH != 0) {
            return wrongLength(CapabilityCode.LONG_LIVED_GRACEFUL_RESTART, len, "a multiple of 7", at);
        }
        List<LongLivedGracefulRestartCapability.Family> families = new ArrayList<>();
        for (int p = off; p < off + len; p += LongLivedGracefulRestartCapability.ENTRY_LENGTH) {
            int staleTime = (u8(buf, p + 4) << 16) | u16(buf, p + 5);
            families.add(new LongLivedGracefulRestartCapability.Family(family(buf, p), u8(buf, p + 3), staleTime));
        }
        return ok(new LongLivedGracefulRestartCapability(families));
    }

    private static DecodeResult<Capability> extendedNextHop(byte[] buf, int off, int len, int at) {
        if (len % ExtendedNextHopCapability.ENTRY_LENGTH != 0) {
            return wrongLength(CapabilityCode.EXTENDED_NEXT_HOP, len, "a multiple of 6", at);
        }
        List<ExtendedNextHopCapability.Tuple> tuples = new ArrayList<>();
        for (int p = off; p < off + len; p += ExtendedNextHopCapability.ENTRY_LENGTH) {
            int safi = u16(buf, p + 2);
            if (safi > 0xFF) {
                return unspecific(at, "extended next hop capability: NLRI SAFI " + safi + " does not fit a SAFI");
            }
            tuples.add(new ExtendedNextHopCapability.Tuple(AddressFamily.of(u16(buf, p), safi), u16(buf, p + 4)));
        }
        return ok(new ExtendedNextHopCapability(tuples));
    }

    private static DecodeResult<Capability> fqdn(byte[] buf, int off, int len, int at) {
        int hostLength = len > 0 ? u8(buf, off) : -1;
        int domainLengthAt = off + 1 + hostLength;
        if (hostLength < 0 || domainLengthAt >= off + len
                || domainLengthAt + 1 + u8(buf, domainLengthAt) != off + len) {
            return unspecific(at, "FQDN capability: host and domain name lengths do not add up to the capability"
                    + " length " + len);
        }
        String host = new String(buf, off + 1, hostLength, StandardCharsets.ISO_8859_1);
        String domain = new String(buf, domainLengthAt + 1, u8(buf, domainLengthAt), StandardCharsets.ISO_8859_1);
        return ok(new FqdnCapability(host, domain));
    }

    /** AFI then SAFI, the start of the per-family entries of ADD-PATH and both graceful restarts. */
    private static AddressFamily family(byte[] buf, int p) {
        return AddressFamily.of(u16(buf, p), u8(buf, p + 2));
    }

    private static DecodeResult<Capability> ok(Capability c) {
        return DecodeResult.ok(c);
    }

    private static <T> DecodeResult<T> wrongLength(CapabilityCode code, int len, String expected, int at) {
        return unspecific(at, code.label() + " capability length " + len + ", expected " + expected);
    }

    private static <T> DecodeResult<T> unspecific(int offset, String reason) {
        return DecodeResult.failed(OpenErrorSubcode.UNSPECIFIC.malformation(null, offset, reason));
    }

    /** Writes the capabilities of a parameter, each as code, length, value. */
    public static void encodeParameter(WireWriter out, CapabilitiesParameter parameter) {
        for (Capability c : parameter.capabilities()) {
            encode(out, c);
        }
    }

    private static void encode(WireWriter out, Capability c) {
        out.u8(c.code());
        int lengthAt = out.skip(1);
        switch (c) {
            case MultiprotocolCapability m -> out.u16(m.family().afi()).u8(m.reserved()).u8(m.family().safi());
            case RouteRefreshCapability r -> { }
            case EnhancedRouteRefreshCapability e -> { }
            case ExtendedMessageCapability e -> { }
            case FourOctetAsCapability f -> out.u32(f.asn());
            case RoleCapability r -> out.u8(r.roleCode());
            case AddPathCapability a -> a.families().forEach(f -> family(out, f.family()).u8(f.sendReceive()));
            case GracefulRestartCapability g -> {
                out.u16(g.restartFlags() << 12 | g.restartTime());
                g.families().forEach(f -> family(out, f.family()).u8(f.flags()));
            }
            case LongLivedGracefulRestartCapability l -> l.families().forEach(f -> family(out, f.family())
                    .u8(f.flags()).u8(f.staleTime() >>> 16).u16(f.staleTime() & 0xFFFF));
            case ExtendedNextHopCapability x -> x.tuples().forEach(t -> out.u16(t.nlri().afi()).u16(t.nlri().safi())
                    .u16(t.nextHopAfi()));
            case FqdnCapability f -> {
                byte[] host = f.hostname().getBytes(StandardCharsets.ISO_8859_1);
                byte[] domain = f.domain().getBytes(StandardCharsets.ISO_8859_1);
                out.u8(host.length).bytes(host).u8(domain.length).bytes(domain);
            }
            case UnknownCapability u -> out.bytes(u.value());
        }
        out.putU8At(lengthAt, out.position() - lengthAt - 1);
    }

    private static WireWriter family(WireWriter out, AddressFamily f) {
        return out.u16(f.afi()).u8(f.safi());
    }
}
