package org.peerage.registry.model;

/** The remote-peering signals of Nomikos et al. (IMC 2018) that registry data can show. */
public enum RemoteSignal {
    /** The member lists facilities, and none of them is one of the exchange's. */
    NO_COMMON_FACILITY("no-common-facility"),
    /** The port is slower than 1 Gbps: a fraction of a reseller's port. */
    FRACTIONAL_PORT("fractional-port"),
    /** The measured RTT to the member's exchange address is more than the facility distances allow. */
    RTT_TOO_HIGH("rtt-too-high");

    private final String label;

    RemoteSignal(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
