package org.peerage.routeserver.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.peerage.bgp.session.SessionState;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.routeserver.ClientView;
import org.peerage.routeserver.RouteEntry;

/**
 * The JSON shapes of birdwatcher, the API Alice-LG reads (its birdwatcher source's parsers decide the types: AS
 * paths, MED and LOCAL_PREF as strings, communities as arrays of numbers, times as text in two layouts). Written
 * with a streaming generator: a full table is hundreds of thousands of routes.
 */
final class BirdwatcherJson {
    /** Alice's servertime: RFC 3339, for {@code ttl} and {@code cached_at}. */
    static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Alice's servertime_short (and what to set as servertime_ext): for session and route times. */
    static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    static final String VERSION = "peerage-0.1.0";
    /** How long Alice may cache an answer. */
    static final int TTL_SECONDS = 60;

    private BirdwatcherJson() {
    }

    /** The {@code api} and {@code ttl} fields every birdwatcher response starts with. */
    static void header(JsonGenerator g, Instant now) throws IOException {
        g.writeObjectFieldStart("api");
        g.writeStringField("Version", VERSION);
        g.writeBooleanField("result_from_cache", false);
        g.writeObjectFieldStart("cache_status");
        g.writeObjectFieldStart("cached_at");
        g.writeStringField("date", SERVER_TIME.format(now));
        g.writeStringField("timezone", "UTC");
        g.writeEndObject();
        g.writeNumberField("orig_ttl", TTL_SECONDS);
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("ttl", SERVER_TIME.format(now.plusSeconds(TTL_SECONDS)));
    }

    static void protocol(JsonGenerator g, ClientView c) throws IOException {
        g.writeObjectFieldStart(c.id());
        g.writeStringField("bird_protocol", c.id());
        g.writeStringField("state", c.state() == SessionState.ESTABLISHED ? "up" : "start");
        g.writeStringField("connection", connection(c.state()));
        g.writeStringField("neighbor_address", c.address());
        g.writeNumberField("neighbor_as", c.asn());
        g.writeStringField("description", c.description() == null ? "AS" + c.asn() : c.description());
        g.writeStringField("state_changed", SHORT_TIME.format(Instant.ofEpochMilli(c.stateSinceMillis())));
        g.writeStringField("last_error", c.lastError());
        g.writeStringField("table", "master");
        g.writeObjectFieldStart("routes");
        g.writeNumberField("imported", c.acceptedIpv4() + c.acceptedIpv6());
        g.writeNumberField("filtered", c.receivedIpv4() + c.receivedIpv6() - c.acceptedIpv4() - c.acceptedIpv6());
        g.writeNumberField("exported", c.exported());
        g.writeNumberField("preferred", c.preferred());
        g.writeEndObject();
        g.writeObjectFieldStart("peerage");
        g.writeNumberField("max_prefix_ipv4", c.maxPrefixIpv4());
        g.writeNumberField("max_prefix_ipv6", c.maxPrefixIpv6());
        g.writeNumberField("pending_prefixes", c.pending());
        g.writeObjectFieldStart("filtered_by_reason");
        for (var e : c.filtered().entrySet()) g.writeNumberField(e.getKey().label(), e.getValue());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String connection(SessionState s) {
        return switch (s) {
            case IDLE -> "Idle";
            case CONNECT -> "Connect";
            case ACTIVE -> "Active";
            case OPEN_SENT -> "OpenSent";
            case OPEN_CONFIRM -> "OpenConfirm";
            case ESTABLISHED -> "Established";
        };
    }

    /**
     * One route. {@code tagAs} is the route server's AS when refused routes show their RS:1101:x reason community
     * (reject policy tag), else 0.
     */
    static void route(JsonGenerator g, RouteEntry r, long rsAs, long tagAs) throws IOException {
        g.writeStartObject();
        String nextHop = nextHop(r.attributes());
        g.writeStringField("network", r.prefix().toString());
        g.writeStringField("gateway", nextHop);
        g.writeStringField("from_protocol", r.fromId());
        g.writeStringField("learnt_from", r.fromAddress());
        g.writeStringField("interface", "");
        g.writeStringField("age", SHORT_TIME.format(Instant.ofEpochMilli(r.sinceMillis())));
        g.writeNumberField("metric", 100);
        g.writeBooleanField("primary", r.primary());
        g.writeArrayFieldStart("type");
        g.writeString("BGP");
        g.writeString("unicast");
        g.writeString("univ");
        g.writeEndArray();
        g.writeObjectFieldStart("bgp");
        writeBgp(g, r, nextHop, rsAs, tagAs);
        g.writeEndObject();
        g.writeObjectFieldStart("peerage");
        if (r.rejected() != null) {
            g.writeStringField("rejected", r.rejected().label());
            g.writeNumberField("reject_code", r.rejected().code());
            g.writeStringField("reject_reason", r.rejected().description());
        }
        g.writeStringField("rpki", r.rpki());
        g.writeBooleanField("blackhole", r.blackhole());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeBgp(JsonGenerator g, RouteEntry r, String nextHop, long rsAs, long tagAs)
            throws IOException {
        String origin = "INCOMPLETE";
        long med = 0;
        List<AsPathSegment> segments = List.of();
        int[] communities = new int[0];
        int[] large = new int[0];
        List<ExtendedCommunities> ext = List.of();
        for (PathAttribute a : r.attributes()) {
            switch (a) {
                case Origin o -> origin = switch (o.value()) {
                    case Origin.IGP -> "IGP";
                    case Origin.EGP -> "EGP";
                    default -> "INCOMPLETE";
                };
                case AsPath p -> segments = p.segments();
                case MultiExitDisc m -> med = m.value();
                case Communities c -> communities = c.values();
                case LargeCommunities l -> large = l.triples();
                case ExtendedCommunities e -> ext = List.of(e);
                default -> { }
            }
        }
        g.writeStringField("origin", origin);
        g.writeArrayFieldStart("as_path");
        for (AsPathSegment s : segments) {
            for (int i = 0; i < s.size(); i++) g.writeString(Long.toString(s.asn(i)));
        }
        g.writeEndArray();
        g.writeStringField("next_hop", nextHop);
        g.writeStringField("local_pref", "100");
        g.writeStringField("med", Long.toString(med));
        g.writeArrayFieldStart("communities");
        for (int c : communities) {
            g.writeStartArray();
            g.writeNumber(c >>> 16);
            g.writeNumber(c & 0xFFFF);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("large_communities");
        for (int i = 0; i + 2 < large.length; i += 3) triple(g, large[i], large[i + 1], large[i + 2]);
        int rpki = switch (r.rpki()) {
            case "valid" -> 1;
            case "not-found" -> 2;
            case "invalid" -> 4;
            default -> 0;
        };
        if (rpki > 0) triple(g, (int) rsAs, 1000, rpki);
        if (tagAs != 0 && r.rejected() != null) triple(g, (int) tagAs, 1101, r.rejected().euroIx());
        g.writeEndArray();
        g.writeArrayFieldStart("ext_communities");
        for (ExtendedCommunities e : ext) {
            for (long v : e.values()) {
                g.writeStartArray();
                int type = (int) (v >>> 56) & 0xFF;
                int sub = (int) (v >>> 48) & 0xFF;
                g.writeString(sub == 2 ? "rt" : sub == 3 ? "ro" : "generic");
                if (type == 0x00 || type == 0x40) { // two-octet AS specific: AS, then a 4-octet value
                    g.writeString(Long.toString(v >>> 32 & 0xFFFF));
                    g.writeString(Long.toString(v & 0xFFFF_FFFFL));
                } else { // IPv4 or four-octet AS specific: a 4-octet part, then 2 octets
                    g.writeString(Long.toString(v >>> 16 & 0xFFFF_FFFFL));
                    g.writeString(Long.toString(v & 0xFFFF));
                }
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    private static void triple(JsonGenerator g, int a, int b, int c) throws IOException {
        g.writeStartArray();
        g.writeNumber(a & 0xFFFF_FFFFL);
        g.writeNumber(b & 0xFFFF_FFFFL);
        g.writeNumber(c & 0xFFFF_FFFFL);
        g.writeEndArray();
    }

    static String nextHop(List<PathAttribute> attributes) {
        for (PathAttribute a : attributes) {
            if (a instanceof NextHop n) return InetText.formatIpv4(n.address());
            if (a instanceof MpReachNlri m) {
                byte[] nh = m.nextHop();
                return InetText.format(nh.length == 32 ? java.util.Arrays.copyOf(nh, 16) : nh);
            }
        }
        return "";
    }
}
