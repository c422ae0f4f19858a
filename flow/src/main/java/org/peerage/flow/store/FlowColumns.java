package org.peerage.flow.store;

/** The columns of a flow file (CSV and Parquet alike), in order, with their DuckDB types. */
public final class FlowColumns {
    /** Column names, in file order. */
    public static final String[] NAMES = {"start", "end", "src", "dst", "proto", "src_port", "dst_port",
        "tcp_flags", "packets", "bytes", "sampling_rate", "in_if", "out_if", "src_as", "dst_as", "exporter"};

    /** A CREATE TABLE column list for DuckDB. */
    public static final String DDL = "\"start\" TIMESTAMP, \"end\" TIMESTAMP, src VARCHAR, dst VARCHAR, "
            + "proto UTINYINT, src_port USMALLINT, dst_port USMALLINT, tcp_flags UTINYINT, packets UBIGINT, "
            + "bytes UBIGINT, sampling_rate UINTEGER, in_if UINTEGER, out_if UINTEGER, src_as UINTEGER, "
            + "dst_as UINTEGER, exporter VARCHAR";

    private FlowColumns() {
    }
}
