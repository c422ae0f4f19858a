package org.peerage.registry.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which object type a PeeringDB API answer holds. The answer itself does not say: the fields of its first object
 * tell for most types, and a type name among the words of the file name (peeringdb_net_3333.json) for the rest.
 */
final class TypeInference {
    private TypeInference() {
    }

    static Optional<ObjectType> fromFields(JsonNode o) {
        if (o.has("ipaddr4") || o.has("ipaddr6") || o.has("is_rs_peer")) {
            return Optional.of(ObjectType.NETIXLAN);
        }
        if (o.has("asn") && (o.has("info_type") || o.has("policy_general") || o.has("irr_as_set"))) {
            return Optional.of(ObjectType.NET);
        }
        if (o.has("prefix") && o.has("protocol")) {
            return Optional.of(ObjectType.IXPFX);
        }
        if (o.has("carrier_id") && o.has("fac_id")) {
            return Optional.of(ObjectType.CARRIERFAC);
        }
        if (o.has("net_id") && (o.has("fac_id") || o.has("local_asn"))) {
            return Optional.of(ObjectType.NETFAC);
        }
        if (o.has("ix_id") && o.has("fac_id")) {
            return Optional.of(ObjectType.IXFAC);
        }
        if (o.has("net_id") && o.has("role")) {
            return Optional.of(ObjectType.POC);
        }
        if (o.has("ix_id") && (o.has("mtu") || o.has("dot1q_support") || o.has("rs_asn") || o.has("ixpfx_set"))) {
            return Optional.of(ObjectType.IXLAN);
        }
        if (o.has("region_continent") || o.has("media") || o.has("proto_unicast")) {
            return Optional.of(ObjectType.IX);
        }
        if (o.has("latitude") || o.has("clli") || o.has("campus_id")) {
            return Optional.of(ObjectType.FAC);
        }
        if (o.has("carrierfac_set")) {
            return Optional.of(ObjectType.CARRIER);
        }
        if (o.has("name") && !o.has("org_id")) {
            return Optional.of(ObjectType.ORG);
        }
        return Optional.empty();
    }

    /** A type named by one of the file name's words: "api-ixlan.json", "peeringdb_net_3333_10745.json". */
    static Optional<ObjectType> fromFileName(String fileName) {
        String[] words = fileName.toLowerCase(Locale.ROOT).split("[^a-z]+");
        return Arrays.stream(words).map(ObjectType::byApiName).flatMap(Optional::stream).findFirst();
    }
}
