package org.peerage.registry.model;

import java.util.List;

/** An exchange with its peering LAN prefixes, facilities and member ports, and the sources that describe it. */
public record ExchangeDetail(Exchange exchange, List<String> sources, List<String> prefixes,
        List<Facility> facilities, List<Membership> members) {
    public ExchangeDetail {
        sources = List.copyOf(sources);
        prefixes = List.copyOf(prefixes);
        facilities = List.copyOf(facilities);
        members = List.copyOf(members);
    }

    /** Distinct member ASes. */
    public long memberCount() {
        return members.stream().mapToLong(Membership::asn).distinct().count();
    }
}
