package org.peerage.flow.netflow;

import java.util.HashMap;
import java.util.Map;
import org.peerage.flow.SequenceTracker;

/**
 * What the collector keeps for one exporter's observation domain (IPFIX) or source id (NetFlow v9): its templates,
 * the sampling rates its options data announced, its system init time, and its sequence numbers.
 */
final class ObservationDomain {
    final Map<Integer, Template> templates = new HashMap<>();
    /** Sampler id (FLOW_SAMPLER_ID / selectorId) to packet sampling rate. */
    final Map<Long, Integer> samplerRates = new HashMap<>();
    /** A rate announced without a sampler id: the exporter-, interface- or line-card-wide one. */
    int defaultRate;
    /** systemInitTimeMilliseconds, the epoch of IPFIX sysUpTime fields; -1 until announced. */
    long systemInitMillis = -1;
    final SequenceTracker sequence = new SequenceTracker();

    /** The rate of a sampler, falling back to the domain-wide one; 0 if none was announced. */
    int rateOf(long samplerId) {
        Integer rate = samplerRates.get(samplerId);
        return rate != null ? rate : defaultRate;
    }
}
