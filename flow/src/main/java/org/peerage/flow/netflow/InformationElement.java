package org.peerage.flow.netflow;

/**
 * The NetFlow v9 field types / IANA IPFIX information elements the collector reads (RFC 3954 section 8, IANA
 * "IPFIX Information Elements"); every other element is skipped by its length.
 */
enum InformationElement {
    OCTET_DELTA_COUNT(1),
    PACKET_DELTA_COUNT(2),
    PROTOCOL_IDENTIFIER(4),
    TCP_CONTROL_BITS(6),
    SOURCE_TRANSPORT_PORT(7),
    SOURCE_IPV4_ADDRESS(8),
    INGRESS_INTERFACE(10),
    DESTINATION_TRANSPORT_PORT(11),
    DESTINATION_IPV4_ADDRESS(12),
    EGRESS_INTERFACE(14),
    BGP_SOURCE_AS_NUMBER(16),
    BGP_DESTINATION_AS_NUMBER(17),
    /** LAST_SWITCHED: system uptime in milliseconds at the last packet. */
    FLOW_END_SYS_UP_TIME(21),
    /** FIRST_SWITCHED. */
    FLOW_START_SYS_UP_TIME(22),
    POST_OCTET_DELTA_COUNT(23),
    POST_PACKET_DELTA_COUNT(24),
    SOURCE_IPV6_ADDRESS(27),
    DESTINATION_IPV6_ADDRESS(28),
    ICMP_TYPE_CODE_IPV4(32),
    /** SAMPLING_INTERVAL: 1 of N packets. */
    SAMPLING_INTERVAL(34),
    /** FLOW_SAMPLER_ID (NetFlow v9) / samplerId. */
    SAMPLER_ID(48),
    /** FLOW_SAMPLER_RANDOM_INTERVAL / samplerRandomInterval: 1 of N packets. */
    SAMPLER_RANDOM_INTERVAL(50),
    OCTET_TOTAL_COUNT(85),
    PACKET_TOTAL_COUNT(86),
    ICMP_TYPE_CODE_IPV6(139),
    FLOW_START_SECONDS(150),
    FLOW_END_SECONDS(151),
    FLOW_START_MILLISECONDS(152),
    FLOW_END_MILLISECONDS(153),
    FLOW_START_MICROSECONDS(154),
    FLOW_END_MICROSECONDS(155),
    FLOW_START_NANOSECONDS(156),
    FLOW_END_NANOSECONDS(157),
    FLOW_START_DELTA_MICROSECONDS(158),
    FLOW_END_DELTA_MICROSECONDS(159),
    SYSTEM_INIT_TIME_MILLISECONDS(160),
    FLOW_DURATION_MILLISECONDS(161),
    FLOW_DURATION_MICROSECONDS(162),
    INGRESS_PHYSICAL_INTERFACE(252),
    EGRESS_PHYSICAL_INTERFACE(253),
    SELECTOR_ID(302),
    SAMPLING_PACKET_INTERVAL(305),
    SAMPLING_PACKET_SPACE(306),
    SAMPLING_SIZE(309),
    SAMPLING_POPULATION(310),
    DATA_LINK_FRAME_SECTION(315);

    private static final InformationElement[] BY_ID = new InformationElement[512];

    static {
        for (InformationElement e : values()) {
            BY_ID[e.id] = e;
        }
    }

    private final int id;

    InformationElement(int id) {
        this.id = id;
    }

    int id() {
        return id;
    }

    /** The element of an IANA (enterprise 0) id, or null for one the collector does not read. */
    static InformationElement of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
