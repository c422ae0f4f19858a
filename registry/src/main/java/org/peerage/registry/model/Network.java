package org.peerage.registry.model;

/**
 * A network (PeeringDB net, or an IX-F member when PeeringDB has no record of the AS). Fields PeeringDB may leave
 * empty are null. {@code rawJson} is the object as imported, every field included.
 */
public record Network(long id, String source, long asn, String name, String aka, Long orgId, String website,
        String irrAsSet, Long prefixes4, Long prefixes6, String type, String traffic, String ratio, String scope,
        Boolean neverViaRouteServers, String policyGeneral, String policyLocations, Boolean policyRatio,
        String policyContracts, String status, String updated, String rawJson) {
}
