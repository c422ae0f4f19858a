package org.peerage.bgp.wire.open;

/** Route refresh (RFC 2918): the speaker accepts ROUTE-REFRESH messages. No value. */
public record RouteRefreshCapability() implements Capability {
    @Override
    public int code() {
        return CapabilityCode.ROUTE_REFRESH.code();
    }
}
