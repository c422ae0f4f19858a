package org.peerage.registry.model;

/** An IX-F export the registry holds: its source, the exchange id its rows use, and where it came from. */
public record IxfExportInfo(String source, long exchangeId, String file, String version, String timestamp) {
}
