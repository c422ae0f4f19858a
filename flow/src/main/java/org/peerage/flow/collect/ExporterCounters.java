package org.peerage.flow.collect;

import java.util.EnumMap;
import java.util.Map;
import org.peerage.flow.FlowProtocol;
import org.peerage.flow.Malformation;
import org.peerage.flow.PacketResult;

/** What one exporter sent: datagrams, bytes, records, and what went wrong, by reason. */
public final class ExporterCounters {
    private long packets;
    private long bytes;
    private long records;
    private long templates;
    private long optionRecords;
    private long waitingTemplate;
    private long skipped;
    private long lost;
    private long malformed;
    private final Map<Malformation, Long> malformedByReason = new EnumMap<>(Malformation.class);
    private final Map<FlowProtocol, Long> packetsByProtocol = new EnumMap<>(FlowProtocol.class);

    void count(PacketResult result, int length) {
        packets++;
        bytes += length;
        records += result.records();
        if (result.protocol() != null) {
            packetsByProtocol.merge(result.protocol(), 1L, Long::sum);
        }
        switch (result) {
            case PacketResult.Decoded d -> {
                templates += d.templates();
                optionRecords += d.optionRecords();
                waitingTemplate += d.waitingTemplate();
                skipped += d.skipped();
                lost += d.lost();
            }
            case PacketResult.Malformed m -> {
                malformed++;
                malformedByReason.merge(m.reason(), 1L, Long::sum);
            }
        }
    }

    void add(ExporterCounters o) {
        packets += o.packets;
        bytes += o.bytes;
        records += o.records;
        templates += o.templates;
        optionRecords += o.optionRecords;
        waitingTemplate += o.waitingTemplate;
        skipped += o.skipped;
        lost += o.lost;
        malformed += o.malformed;
        o.malformedByReason.forEach((k, v) -> malformedByReason.merge(k, v, Long::sum));
        o.packetsByProtocol.forEach((k, v) -> packetsByProtocol.merge(k, v, Long::sum));
    }

    public long packets() {
        return packets;
    }

    public long bytes() {
        return bytes;
    }

    public long records() {
        return records;
    }

    public long templates() {
        return templates;
    }

    public long optionRecords() {
        return optionRecords;
    }

    /** Data sets skipped because their template had not been received. */
    public long waitingTemplate() {
        return waitingTemplate;
    }

    /** sFlow counter samples and samples of other kinds, not flows. */
    public long skipped() {
        return skipped;
    }

    /** Sequence gaps: records for NetFlow v5 and IPFIX, datagrams for NetFlow v9 and sFlow. */
    public long lost() {
        return lost;
    }

    public long malformed() {
        return malformed;
    }

    public Map<Malformation, Long> malformedByReason() {
        return Map.copyOf(malformedByReason);
    }

    public Map<FlowProtocol, Long> packetsByProtocol() {
        return Map.copyOf(packetsByProtocol);
    }
}
