package org.peerage.registry.model;

import java.util.List;

/**
 * One member port judged for remote peering.
 *
 * @param memberFacilities  facilities the member lists in PeeringDB
 * @param commonFacilities  how many of them the exchange also lists
 * @param nearestKm         distance from the member's facility nearest to the exchange to the nearest exchange
 *                          facility, when both have coordinates
 * @param rttMs             the lowest measured RTT to the port's addresses, when given
 * @param allowedRttMs      the RTT the distances allow (about 1 ms per 100 km, plus a slack)
 */
public record RemotePeeringAssessment(Membership membership, int memberFacilities, int commonFacilities,
        Double nearestKm, Double rttMs, Double allowedRttMs, List<RemoteSignal> signals) {
    public RemotePeeringAssessment {
        signals = List.copyOf(signals);
    }

    public boolean isRemote() {
        return !signals.isEmpty();
    }
}
