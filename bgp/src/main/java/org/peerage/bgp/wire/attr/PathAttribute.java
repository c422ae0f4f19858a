package org.peerage.bgp.wire.attr;

/**
 * A decoded path attribute. Every attribute keeps the flags octet it arrived with, so that re-encoding reproduces the
 * received bytes exactly (including an unneeded Extended Length bit); attributes built in code get the flags their
 * definition requires from {@link AttributeType.Category#flags()}.
 */
public sealed interface PathAttribute
        permits Origin, AsPath, NextHop, MultiExitDisc, LocalPref, AtomicAggregate, Aggregator, Communities,
        OriginatorId, ClusterList, MpReachNlri, MpUnreachNlri, ExtendedCommunities, As4Path, As4Aggregator,
        LargeCommunities, OnlyToCustomer, UnknownAttribute {

    int flags();

    int typeCode();

    /** The known type, or null for an {@link UnknownAttribute}. */
    default AttributeType type() {
        return AttributeType.of(typeCode());
    }
}
