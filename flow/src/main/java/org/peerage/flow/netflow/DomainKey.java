package org.peerage.flow.netflow;

import org.peerage.flow.FlowProtocol;

/** Templates are kept per exporter, protocol and observation domain (IPFIX) / source id (NetFlow v9). */
record DomainKey(int exporter, FlowProtocol protocol, long domain) {
}
