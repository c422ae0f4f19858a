package org.peerage.flow;

/** The export protocols the collector decodes, as the first bytes of a datagram name them. */
public enum FlowProtocol {
    NETFLOW_V5("netflow-v5"),
    NETFLOW_V9("netflow-v9"),
    IPFIX("ipfix"),
    SFLOW_V5("sflow-v5");

    private final String label;

    FlowProtocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
