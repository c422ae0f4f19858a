package org.peerage.registry.model;

import java.util.List;

/** A network with its exchange ports and its facilities. */
public record NetworkDetail(Network network, List<Membership> memberships, List<Facility> facilities) {
    public NetworkDetail {
        memberships = List.copyOf(memberships);
        facilities = List.copyOf(facilities);
    }
}
