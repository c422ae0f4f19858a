package org.peerage.bgp.wire.open;

/** Enhanced route refresh (RFC 7313): the speaker brackets re-advertisements with BoRR and EoRR. No value. */
public record EnhancedRouteRefreshCapability() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.ENHANCED_ROUTE_REFRESH.code();
    }
}
