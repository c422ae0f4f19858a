package org.peerage.routeserver.export;

import io.netty.util.collection.LongObjectHashMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.speaker.ExportPolicy;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeType;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.AttributeTable;
import org.peerage.routeserver.config.RouteServerConfig.BlackholePolicy;
import org.peerage.routeserver.config.RouteServerConfig.Blackholing;
import org.peerage.routeserver.filter.ImportPolicy;

/**
 * Builds and caches what the route server sends for an attribute set: transparent (RFC 7947 §2.2: no AS of its own,
 * NEXT_HOP and MED as received, LOCAL_PREF not sent to an external peer), minus the communities addressed to the
 * route server itself (RS:x:y large ones, RS:x and 0:x standard ones), plus what the {@link Variant} asks for. One
 * form per (attribute set, variant), shared by every receiver; not thread-safe (the RIB thread's).
 */
public final class ExportForms {
    private static final int RPKI_COMMUNITY = 1000;

    private final AttributeTable attributes;
    private final long rsAsn;
    private final Blackholing blackholing;
    private final boolean informational;
    /**
     * Forms without changes (variant 0), by family and attribute id: nearly all of them, looked up for every route
     * sent. A form of a released set stays until its id is reused (the serial tells it apart).
     */
    private final ExportForm[][] plain = {new ExportForm[0], new ExportForm[0]};
    /** The other forms, by (variant, family, attribute id) mixed. */
    private final LongObjectHashMap<ExportForm> varied = new LongObjectHashMap<>();
    private int nextSerial = 1;
    /** One array per distinct next hop: a form's own copy would cost more than the 4 bytes it holds. */
    private final Map<ByteBuffer, byte[]> nextHops = new HashMap<>();

    /** @param informational add RS:1000:x (RPKI state: 1 valid, 2 not found, 4 invalid) to exported routes */
    public ExportForms(AttributeTable attributes, long rsAsn, Blackholing blackholing, boolean informational) {
        this.attributes = attributes;
        this.rsAsn = rsAsn;
        this.blackholing = blackholing;
        this.informational = informational;
    }

    /** The form of attribute set {@code attributeId}, announced by a client of {@code announcingAs}. */
    public ExportForm form(int attributeId, long announcingAs, boolean ipv6, int variant) {
        int attributeSerial = attributes.serial(attributeId);
        if (variant == 0) {
            int family = ipv6 ? 1 : 0;
            ExportForm[] byId = plain[family];
            if (attributeId >= byId.length) {
                byId = plain[family] = Arrays.copyOf(byId, Math.max(attributeId + 1, byId.length * 2));
            }
            ExportForm f = byId[attributeId];
            if (f == null || f.attributeSerial() != attributeSerial) {
                f = byId[attributeId] = build(attributeId, announcingAs, ipv6, 0, attributeSerial);
            }
            return f;
        }
        // Multiplied by an odd constant (a bijection): dense ids next to each other would otherwise fill runs of
        // the linear-probing table, and every miss would walk to a run's end.
        long key = (((long) variant << 1 | (ipv6 ? 1 : 0)) << 32 | (attributeId & 0xFFFF_FFFFL))
                * 0x9E37_79B9_7F4A_7C15L;
        ExportForm f = varied.get(key);
        if (f == null || f.attributeSerial() != attributeSerial) {
            f = build(attributeId, announcingAs, ipv6, variant, attributeSerial);
            varied.put(key, f);
        }
        return f;
    }

    /** Forgets every form (after a reload that changes what forms hold). */
    public void clear() {
        plain[0] = new ExportForm[0];
        plain[1] = new ExportForm[0];
        varied.clear();
        nextHops.clear();
    }

    private ExportForm build(int attributeId, long announcingAs, boolean ipv6, int variant, int serial) {
        List<PathAttribute> stored = attributes.attributes(attributeId);
        List<PathAttribute> kept = new ArrayList<>(stored.size() + 2);
        List<AsPathSegment> segments = List.of();
        byte[] nextHop = null;
        int[] communities = new int[0];
        int[] large = new int[0];
        int communityFlags = AttributeType.COMMUNITIES.category().flags();
        int largeFlags = AttributeType.LARGE_COMMUNITY.category().flags();
        for (PathAttribute a : stored) {
            switch (a) {
                case AsPath p -> segments = p.segments();
                case NextHop n -> nextHop = new byte[] {(byte) (n.address() >>> 24), (byte) (n.address() >>> 16),
                        (byte) (n.address() >>> 8), (byte) n.address()};
                case MpReachNlri m -> nextHop = m.nextHop();
                case Communities c -> {
                    communities = c.values();
                    communityFlags = c.flags();
                }
                case LargeCommunities l -> {
                    large = l.triples();
                    largeFlags = l.flags();
                }
                default -> kept.add(a);
            }
        }
        for (int i = 0; i < Variant.prepend(variant); i++) segments = ExportPolicy.prepend(segments, announcingAs);
        if (Variant.has(variant, Variant.BLACKHOLE_NEXT_HOP)) {
            nextHop = (ipv6 ? blackholing.nextHopIpv6() : blackholing.nextHopIpv4()).getAddress();
        }
        int[] std = scrub(communities);
        if (Variant.has(variant, Variant.NO_EXPORT)) std = addIfMissing(std, Communities.NO_EXPORT);
        if (Variant.has(variant, Variant.NO_ADVERTISE)) std = addIfMissing(std, Communities.NO_ADVERTISE);
        if (Variant.has(variant, Variant.GRACEFUL_SHUTDOWN)) std = addIfMissing(std, Communities.GRACEFUL_SHUTDOWN);
        if (std.length > 0) kept.add(new Communities(communityFlags, std));
        int[] lrg = scrubLarge(large);
        int rpki = rpkiCommunity(Variant.rpkiState(variant));
        if (informational && rpki > 0) {
            lrg = Arrays.copyOf(lrg, lrg.length + 3);
            lrg[lrg.length - 3] = (int) rsAsn;
            lrg[lrg.length - 2] = RPKI_COMMUNITY;
            lrg[lrg.length - 1] = rpki;
        }
        if (lrg.length > 0) kept.add(new LargeCommunities(largeFlags, lrg));
        if (nextHop != null) nextHop = nextHops.computeIfAbsent(ByteBuffer.wrap(nextHop), b -> b.array());
        return new ExportForm(nextSerial++, serial, ExportPolicy.transparent(kept, segments, true), nextHop,
                attributes.encoded(attributeId));
    }

    /** Whether blackhole routes get NO_EXPORT added (RFC 7999 §3.2). */
    public boolean addsNoExportToBlackholes() {
        return blackholing.addNoExport();
    }

    /** Whether a blackhole route gets its next hop rewritten (policy rewrite-next-hop for its family). */
    public boolean rewritesBlackholeNextHop(boolean ipv6) {
        return (ipv6 ? blackholing.ipv6() : blackholing.ipv4()) == BlackholePolicy.REWRITE_NEXT_HOP;
    }

    private static int rpkiCommunity(int state) {
        return switch (state) {
            case ImportPolicy.RPKI_VALID -> 1;
            case ImportPolicy.RPKI_NOT_FOUND -> 2;
            case ImportPolicy.RPKI_INVALID -> 4;
            default -> 0;
        };
    }

    /** Drops the standard communities that address the route server: 0:x, and RS:x when its AS fits 16 bits. */
    private int[] scrub(int[] values) {
        int n = 0;
        int[] out = new int[values.length];
        for (int v : values) {
            int high = v >>> 16;
            if (high == 0 || (rsAsn <= 0xFFFF && high == rsAsn)) continue;
            out[n++] = v;
        }
        return Arrays.copyOf(out, n);
    }

    private int[] scrubLarge(int[] triples) {
        int n = 0;
        int[] out = new int[triples.length];
        for (int i = 0; i + 2 < triples.length; i += 3) {
            if ((triples[i] & 0xFFFF_FFFFL) == rsAsn) continue;
            out[n++] = triples[i];
            out[n++] = triples[i + 1];
            out[n++] = triples[i + 2];
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] addIfMissing(int[] values, int community) {
        for (int v : values) {
            if (v == community) return values;
        }
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = community;
        return out;
    }
}
