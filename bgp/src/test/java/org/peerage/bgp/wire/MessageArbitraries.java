package org.peerage.bgp.wire;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.peerage.bgp.wire.open.AddPathCapability;
import org.peerage.bgp.wire.open.CapabilitiesParameter;
import org.peerage.bgp.wire.open.Capability;
import org.peerage.bgp.wire.open.CapabilityCode;
import org.peerage.bgp.wire.open.EnhancedRouteRefreshCapability;
import org.peerage.bgp.wire.open.ExtendedMessageCapability;
import org.peerage.bgp.wire.open.ExtendedNextHopCapability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.FqdnCapability;
import org.peerage.bgp.wire.open.GracefulRestartCapability;
import org.peerage.bgp.wire.open.LongLivedGracefulRestartCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RoleCapability;
import org.peerage.bgp.wire.open.RouteRefreshCapability;
import org.peerage.bgp.wire.open.UnknownCapability;

/** Generators of valid OPEN, NOTIFICATION and ROUTE-REFRESH values, anywhere in their ranges. */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xFF);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<AddressFamily> families() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST,
                        AddressFamily.IPV4_MULTICAST)),
                Tuple.of(1, Combinators.combine(u16(), u8()).as(AddressFamily::of)));
    }

    static Arbitrary<Capability> capabilities() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(families(), Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just(0)), Tuple.of(1, u8())))
                        .as(MultiprotocolCapability::new),
                Arbitraries.just(new RouteRefreshCapability()),
                Arbitraries.just(new EnhancedRouteRefreshCapability()),
                Arbitraries.just(new ExtendedMessageCapability()),
                Arbitraries.longs().between(1, 0xFFFF_FFFFL).map(FourOctetAsCapability::new),
                u8().map(RoleCapability::new),
                Combinators.combine(families(), u8()).as(AddPathCapability.Family::new).list().ofMaxSize(63)
                        .map(AddPathCapability::new),
                Combinators.combine(Arbitraries.integers().between(0, 0xF), Arbitraries.integers().between(0, 0xFFF),
                        Combinators.combine(families(), u8()).as(GracefulRestartCapability.Family::new).list()
                                .ofMaxSize(63)).as(GracefulRestartCapability::new),
                Combinators.combine(families(), u8(), Arbitraries.integers().between(0, 0xFF_FFFF))
                        .as(LongLivedGracefulRestartCapability.Family::new).list().ofMaxSize(36)
                        .map(LongLivedGracefulRestartCapability::new),
                Combinators.combine(families(), u16()).as(ExtendedNextHopCapability.Tuple::new).list().ofMaxSize(42)
                        .map(ExtendedNextHopCapability::new),
                Combinators.combine(latin1(120), latin1(120)).as(FqdnCapability::new),
                Combinators.combine(u8().filter(c -> CapabilityCode.of(c) == null || !CapabilityCode.of(c).decoded()),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(255)).as(UnknownCapability::new)));
    }

    private static Arbitrary<String> latin1(int maxLength) {
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(maxLength);
    }

    /**
     * OPENs of up to 3 parameters of up to 5 capabilities (at most 4,096 bytes). A standard-format draw whose
     * parameters do not fit one-octet lengths switches to the extended format, as a speaker would.
     */
    static Arbitrary<OpenMessage> opens() {
        Arbitrary<List<CapabilitiesParameter>> parameters = capabilities().list().ofMaxSize(5)
                .map(CapabilitiesParameter::new).list().ofMaxSize(3);
        Arbitrary<Integer> holdTime = Arbitraries.oneOf(List.of(Arbitraries.just(0),
                Arbitraries.integers().between(3, 0xFFFF)));
        Arbitrary<Integer> nonExtOpLen = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.just(OpenMessage.EXTENDED_FORMAT)),
                Tuple.of(1, Arbitraries.integers().between(1, 0xFF)));
        return Combinators.combine(Arbitraries.integers().between(1, 0xFFFF), holdTime,
                Arbitraries.integers().filter(id -> id != 0), parameters, nonExtOpLen)
                .as((as, hold, id, params, ext) -> new OpenMessage(as, hold, id, params,
                        ext == 0 && !OpenCodec.fitsStandardFormat(params) ? OpenMessage.EXTENDED_FORMAT : ext));
    }

    static Arbitrary<NotificationMessage> notifications() {
        Arbitrary<NotificationMessage> raw = Combinators.combine(u8(), u8(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as(NotificationMessage::new);
        Arbitrary<NotificationMessage> shutdown = Combinators.combine(
                Arbitraries.of(CeaseSubcode.ADMINISTRATIVE_SHUTDOWN, CeaseSubcode.ADMINISTRATIVE_RESET),
                Arbitraries.strings().ofMaxLength(60)).as(NotificationMessage::cease);
        return Arbitraries.oneOf(List.of(raw, shutdown));
    }

    static Arbitrary<RouteRefreshMessage> routeRefreshes() {
        return Combinators.combine(families(), u8()).as(RouteRefreshMessage::new);
    }
}
