package org.peerage.registry.load;

import static org.peerage.registry.load.Column.bool;
import static org.peerage.registry.load.Column.integer;
import static org.peerage.registry.load.Column.of;
import static org.peerage.registry.load.Column.real;
import static org.peerage.registry.load.Column.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The PeeringDB object types, by their API names, each with the fields kept as typed columns. Every other field of
 * an object is kept in the row's raw JSON. The table of each type is named as the type; its columns are
 * {@code source, id, digest, raw} followed by {@link #columns()} (see schema.sql).
 */
public enum ObjectType {
    ORG("org", text("name"), text("aka"), text("name_long"), text("website"), text("city"), text("country"),
            text("status"), text("created"), text("updated")),
    NET("net", integer("org_id"), text("name"), text("aka"), text("name_long"), of("asn", ColumnKind.ASN).mandatory(),
            text("website"), text("irr_as_set"), integer("info_prefixes4"), integer("info_prefixes6"),
            text("info_type"), text("info_traffic"), text("info_ratio"), text("info_scope"), bool("info_unicast"),
            bool("info_ipv6"), bool("info_never_via_route_servers"), text("policy_general"),
            text("policy_locations"), bool("policy_ratio"), text("policy_contracts"), text("status"),
            text("created"), text("updated")),
    IX("ix", integer("org_id"), text("name"), text("name_long"), text("aka"), text("city"), text("country"),
            text("region_continent"), text("media"), bool("proto_unicast"), bool("proto_ipv6"), text("url_stats"),
            text("website"), text("status"), text("created"), text("updated")),
    IXLAN("ixlan", integer("ix_id").mandatory(), text("name"), integer("mtu"), bool("dot1q_support"),
            of("rs_asn", ColumnKind.ASN), text("status")),
    IXPFX("ixpfx", integer("ixlan_id").mandatory(), text("protocol"), of("prefix", ColumnKind.PREFIX).mandatory(),
            bool("in_dfz"), text("status")),
    NETIXLAN("netixlan", integer("net_id"), integer("ix_id"), integer("ixlan_id").mandatory(),
            of("asn", ColumnKind.ASN).mandatory(), of("ipaddr4", ColumnKind.IPV4), of("ipaddr6", ColumnKind.IPV6),
            bool("is_rs_peer"), integer("speed"), bool("operational"), text("status"), text("created"),
            text("updated")),
    FAC("fac", integer("org_id"), integer("campus_id"), text("name"), text("aka"), text("address1"), text("city"),
            text("state"), text("country"), text("zipcode"), real("latitude"), real("longitude"), text("clli"),
            text("status")),
    NETFAC("netfac", integer("net_id").mandatory(), integer("fac_id").mandatory(), of("local_asn", ColumnKind.ASN),
            text("status")),
    IXFAC("ixfac", integer("ix_id").mandatory(), integer("fac_id").mandatory(), text("status")),
    CARRIER("carrier", integer("org_id"), text("name"), text("aka"), text("website"), text("status")),
    CARRIERFAC("carrierfac", integer("carrier_id").mandatory(), integer("fac_id").mandatory(), text("status")),
    CAMPUS("campus", integer("org_id"), text("name"), text("city"), text("country"), text("status")),
    POC("poc", integer("net_id").mandatory(), text("role"), text("visible"), text("name"), text("email"),
            text("phone"), text("url"), text("status"));

    private final String apiName;
    private final List<Column> columns;

    ObjectType(String apiName, Column... columns) {
        this.apiName = apiName;
        this.columns = List.of(columns);
    }

    /** The name PeeringDB uses in API paths and in the full dump, and the name of the table. */
    public String apiName() {
        return apiName;
    }

    public String table() {
        return apiName;
    }

    /** Typed columns after the common ones, in table order. */
    public List<Column> columns() {
        return columns;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static Optional<ObjectType> byApiName(String name) {
        return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
    }
}
