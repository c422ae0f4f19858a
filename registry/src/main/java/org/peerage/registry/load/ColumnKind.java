package org.peerage.registry.load;

/** How a typed column's JSON value is checked and stored; the raw JSON object keeps the value whatever its kind. */
public enum ColumnKind {
    /** A JSON integer, stored as BIGINT. */
    INTEGER("BIGINT"),
    /** A JSON integer from 0 to 4294967295. */
    ASN("BIGINT"),
    /** A JSON string, stored as VARCHAR. */
    TEXT("VARCHAR"),
    /** A JSON boolean. */
    BOOLEAN("BOOLEAN"),
    /** A JSON number (latitude, longitude). */
    REAL("DOUBLE"),
    /** A string holding an IPv4 address. */
    IPV4("VARCHAR"),
    /** A string holding an IPv6 address. */
    IPV6("VARCHAR"),
    /** A string holding an IPv4 or IPv6 prefix. */
    PREFIX("VARCHAR");

    private final String sqlType;

    ColumnKind(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }
}
