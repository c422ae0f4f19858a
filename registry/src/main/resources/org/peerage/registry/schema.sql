-- The registry database (DuckDB). One table per PeeringDB object type, named as the type. Every table starts with
--   source  'peeringdb' for PeeringDB imports, 'ixf:<export>' for rows an IX-F member export produced,
--   id      the PeeringDB id (IX-F rows: an id derived from the export and the element, negative),
--   digest  64 bits of SHA-256 over the object's canonical JSON: re-imports compare it to tell what changed,
--   raw     the whole object as imported, unknown fields included,
-- then the typed columns of ObjectType.columns(), in that order (checked whenever the database is opened). No key
-- constraints: the importer checks uniqueness before it writes, and writes each file in one transaction.
-- Comments stand on lines of their own: the loader drops them and splits statements at ';' line ends.
-- schema_version 1
CREATE TABLE registry_meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);
INSERT INTO registry_meta VALUES ('schema_version', '1');
-- One row per IX-F export seen: the ix id it was given (its peeringdb_id, or a negative id allocated once).
-- Times are UTC.
CREATE TABLE ixf_export (source VARCHAR NOT NULL, ix_id BIGINT NOT NULL, file VARCHAR, version VARCHAR,
    export_timestamp VARCHAR, imported_at TIMESTAMP NOT NULL);
-- One row per imported file: when (UTC), what shape, and the per-type counts of what changed (JSON).
CREATE TABLE import_log (imported_at TIMESTAMP NOT NULL, file VARCHAR NOT NULL, shape VARCHAR NOT NULL,
    changes JSON NOT NULL);
CREATE TABLE org (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    name VARCHAR,
    aka VARCHAR,
    name_long VARCHAR,
    website VARCHAR,
    city VARCHAR,
    country VARCHAR,
    status VARCHAR,
    created VARCHAR,
    updated VARCHAR
);
CREATE TABLE net (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    org_id BIGINT,
    name VARCHAR,
    aka VARCHAR,
    name_long VARCHAR,
    asn BIGINT,
    website VARCHAR,
    irr_as_set VARCHAR,
    info_prefixes4 BIGINT,
    info_prefixes6 BIGINT,
    info_type VARCHAR,
    info_traffic VARCHAR,
    info_ratio VARCHAR,
    info_scope VARCHAR,
    info_unicast BOOLEAN,
    info_ipv6 BOOLEAN,
    info_never_via_route_servers BOOLEAN,
    policy_general VARCHAR,
    policy_locations VARCHAR,
    policy_ratio BOOLEAN,
    policy_contracts VARCHAR,
    status VARCHAR,
    created VARCHAR,
    updated VARCHAR
);
CREATE TABLE ix (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    org_id BIGINT,
    name VARCHAR,
    name_long VARCHAR,
    aka VARCHAR,
    city VARCHAR,
    country VARCHAR,
    region_continent VARCHAR,
    media VARCHAR,
    proto_unicast BOOLEAN,
    proto_ipv6 BOOLEAN,
    url_stats VARCHAR,
    website VARCHAR,
    status VARCHAR,
    created VARCHAR,
    updated VARCHAR
);
CREATE TABLE ixlan (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    ix_id BIGINT,
    name VARCHAR,
    mtu BIGINT,
    dot1q_support BOOLEAN,
    rs_asn BIGINT,
    status VARCHAR
);
CREATE TABLE ixpfx (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    ixlan_id BIGINT,
    protocol VARCHAR,
    prefix VARCHAR,
    in_dfz BOOLEAN,
    status VARCHAR
);
CREATE TABLE netixlan (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    net_id BIGINT,
    ix_id BIGINT,
    ixlan_id BIGINT,
    asn BIGINT,
    ipaddr4 VARCHAR,
    ipaddr6 VARCHAR,
    is_rs_peer BOOLEAN,
    speed BIGINT,
    operational BOOLEAN,
    status VARCHAR,
    created VARCHAR,
    updated VARCHAR
);
CREATE TABLE fac (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    org_id BIGINT,
    campus_id BIGINT,
    name VARCHAR,
    aka VARCHAR,
    address1 VARCHAR,
    city VARCHAR,
    state VARCHAR,
    country VARCHAR,
    zipcode VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    clli VARCHAR,
    status VARCHAR
);
CREATE TABLE netfac (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    net_id BIGINT,
    fac_id BIGINT,
    local_asn BIGINT,
    status VARCHAR
);
CREATE TABLE ixfac (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    ix_id BIGINT,
    fac_id BIGINT,
    status VARCHAR
);
CREATE TABLE carrier (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    org_id BIGINT,
    name VARCHAR,
    aka VARCHAR,
    website VARCHAR,
    status VARCHAR
);
CREATE TABLE carrierfac (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    carrier_id BIGINT,
    fac_id BIGINT,
    status VARCHAR
);
CREATE TABLE campus (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    org_id BIGINT,
    name VARCHAR,
    city VARCHAR,
    country VARCHAR,
    status VARCHAR
);
CREATE TABLE poc (
    source VARCHAR NOT NULL,
    id BIGINT NOT NULL,
    digest BIGINT NOT NULL,
    raw JSON NOT NULL,
    net_id BIGINT,
    role VARCHAR,
    visible VARCHAR,
    name VARCHAR,
    email VARCHAR,
    phone VARCHAR,
    url VARCHAR,
    status VARCHAR
);
