package org.peerage.registry.model;

import java.util.List;

/** Where two networks can interconnect: shared exchanges (with both sides' ports) and shared facilities. */
public record CommonPresence(long firstAsn, String firstName, long secondAsn, String secondName,
        List<SharedExchange> exchanges, List<Facility> facilities) {
    public CommonPresence {
        exchanges = List.copyOf(exchanges);
        facilities = List.copyOf(facilities);
    }
}
