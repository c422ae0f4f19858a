package org.peerage.bgp.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.BgpMessageCodec;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.FrameResult;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

class UpdatePackerTest {
    private static final List<PathAttribute> ATTRS = List.of(Origin.of(Origin.IGP),
            AsPath.of(List.of(AsPathSegment.sequence(64601, 3356))), Communities.of(0xFDE80001));

    private static List<Prefix> prefixes(int n, boolean ipv6) {
        List<Prefix> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ipv6 ? Prefix.parse(String.format("2001:db8:%x::/48", i))
                    : Prefix.parse(String.format("10.%d.%d.0/24", i / 256, i % 256)));
        }
        return out;
    }

    private static List<Route> decodeAll(List<byte[]> messages, CodecContext ctx) {
        List<Route> routes = new ArrayList<>();
        for (byte[] m : messages) {
            assertThat(m.length).isLessThanOrEqualTo(ctx.maxMessageLength());
            var r = (FrameResult.Message) BgpMessageCodec.decode(m, 0, m.length, ctx);
            UpdateMessage u = (UpdateMessage) r.message();
            routes.addAll(u.nlri());
            if (u.mpReach() != null) routes.addAll(u.mpReach().nlri());
        }
        return routes;
    }

    @Test
    void manyIpv4PrefixesFillMessagesUpToTheLimitAndLoseNone() {
        List<Prefix> in = prefixes(3000, false);
        List<byte[]> out = UpdatePacker.pack(ATTRS, in, InetText.parseAddress("192.0.2.1"), CodecContext.DEFAULT);
        // 4 bytes per /24: about 1000 per 4,096-byte message.
        assertThat(out).hasSize(3);
        assertThat(out.getFirst().length).isGreaterThan(4000);
        assertThat(decodeAll(out, CodecContext.DEFAULT)).extracting(Route::prefix).isEqualTo(in);
    }

    @Test
    void ipv6GoesInMpReachWithTheNextHopAndPathIdsWhenAddPathIsOn() {
        List<Prefix> in = prefixes(500, true);
        CodecContext ctx = CodecContext.DEFAULT.withAddPath(Set.of(AddressFamily.IPV6_UNICAST));
        byte[] nh = InetText.parseAddress("2001:db8::1");
        List<byte[]> out = UpdatePacker.pack(ATTRS, in, nh, ctx);
        List<Route> routes = decodeAll(out, ctx);
        assertThat(routes).extracting(Route::prefix).isEqualTo(in);
        assertThat(routes).allMatch(Route::hasPathId);
        var first = (UpdateMessage) ((FrameResult.Message) BgpMessageCodec.decode(out.getFirst(), 0,
                out.getFirst().length, ctx)).message();
        assertThat(first.mpReach().nextHop()).isEqualTo(nh);
    }

    @Test
    void extendedMessagesCarryMoreRoutesEach() {
        CodecContext big = CodecContext.DEFAULT.withMaxMessageLength(CodecContext.EXTENDED_MAX_LENGTH);
        List<byte[]> out = UpdatePacker.pack(ATTRS, prefixes(3000, false), InetText.parseAddress("192.0.2.1"), big);
        assertThat(out).hasSize(1);
    }

    @Test
    void ipv4RoutesWithAnIpv6NextHopGoInMpReachNlri() {
        byte[] nh = InetText.parseAddress("2001:db8::1");
        List<Route> routes = List.of(Route.of(Prefix.parse("192.0.2.0/24")), Route.of(Prefix.parse("198.51.100.0/24")));
        List<byte[]> out = UpdatePacker.packRoutes(ATTRS, routes, nh, CodecContext.DEFAULT);
        assertThat(out).hasSize(1);
        UpdateMessage u = (UpdateMessage) ((FrameResult.Message) BgpMessageCodec.decode(out.getFirst(), 0,
                out.getFirst().length, CodecContext.DEFAULT)).message();
        assertThat(u.nlri()).as("RFC 8950: not in the NLRI field").isEmpty();
        assertThat(u.mpReach().family()).isEqualTo(AddressFamily.IPV4_UNICAST);
        assertThat(u.mpReach().nextHop()).isEqualTo(nh);
        assertThat(u.mpReach().nlri()).isEqualTo(routes);
        assertThat(u.attribute(org.peerage.bgp.wire.attr.AttributeType.NEXT_HOP)).isNull();
    }

    @Test
    void withdrawalsWithPathIdsKeepThem() {
        CodecContext addPath = CodecContext.DEFAULT.withAddPath(java.util.Set.of(AddressFamily.IPV4_UNICAST));
        List<Route> routes = List.of(new Route(Prefix.parse("192.0.2.0/24"), 7), new Route(Prefix.parse(
                "192.0.2.0/24"), 9));
        byte[] m = UpdatePacker.withdraw(routes, false, addPath).getFirst();
        UpdateMessage u = (UpdateMessage) ((FrameResult.Message) BgpMessageCodec.decode(m, 0, m.length, addPath))
                .message();
        assertThat(u.withdrawn()).isEqualTo(routes);
    }
}
