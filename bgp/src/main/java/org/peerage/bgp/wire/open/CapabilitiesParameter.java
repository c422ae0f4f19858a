package org.peerage.bgp.wire.open;

import java.util.List;

/**
 * One Capabilities Optional Parameter (RFC 5492 §4). A speaker may send several, each with one or more capabilities;
 * the grouping is kept so that re-encoding reproduces the OPEN exactly.
 */
public record CapabilitiesParameter(List<Capability> capabilities) {
    public static final int TYPE = 2;

    public CapabilitiesParameter {
        capabilities = List.copyOf(capabilities);
    }
}
