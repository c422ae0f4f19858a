package org.peerage.bgp.wire.open;

/**
 * One capability advertised in an OPEN (RFC 5492). Capabilities peerage understands are decoded into their own
 * records; any other is kept byte for byte as an {@link UnknownCapability}. Values are immutable and always
 * encodable: constructors reject what would not fit the one-octet capability length.
 */
public sealed interface Capability permits MultiprotocolCapability, RouteRefreshCapability,
        EnhancedRouteRefreshCapability, ExtendedMessageCapability, FourOctetAsCapability, AddPathCapability,
        GracefulRestartCapability, LongLivedGracefulRestartCapability, ExtendedNextHopCapability, RoleCapability,
        FqdnCapability, UnknownCapability {

    /** The largest capability value: its length is one octet. */
    int MAX_VALUE_LENGTH = 255;

    /** The capability code (IANA "Capability Codes" registry). */
    int code();
}
