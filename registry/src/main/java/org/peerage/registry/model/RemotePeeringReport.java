package org.peerage.registry.model;

import java.util.List;

/** Every member port of an exchange judged for remote peering, in member order. */
public record RemotePeeringReport(Exchange exchange, List<Facility> facilities, List<RemotePeeringAssessment> ports) {
    public RemotePeeringReport {
        facilities = List.copyOf(facilities);
        ports = List.copyOf(ports);
    }

    public List<RemotePeeringAssessment> remote() {
        return ports.stream().filter(RemotePeeringAssessment::isRemote).toList();
    }
}
