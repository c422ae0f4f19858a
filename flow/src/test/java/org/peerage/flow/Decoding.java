package org.peerage.flow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.peerage.flow.collect.CollectorStats;
import org.peerage.flow.collect.FlowCollector;

/** Test helper: decodes the datagrams of shared captures in order through one collector. */
public final class Decoding {
    public final List<FlowRecord> records = new ArrayList<>();
    public final List<PacketResult> results = new ArrayList<>();
    public final List<String> log = new ArrayList<>();
    private final FlowCollector collector = new FlowCollector(new Exporters(), batch -> {
        for (int i = 0; i < batch.size(); i++) {
            records.add(batch.record(i));
        }
    }, log::add);

    public static Decoding of(String... captures) throws IOException {
        Decoding d = new Decoding();
        for (String c : captures) {
            for (TestData.Datagram g : TestData.datagrams(c)) {
                d.results.add(d.collector.accept(g.source(), g.port(), g.payload(), 0, g.payload().length,
                        g.timeMillis()));
            }
        }
        d.collector.flush();
        return d;
    }

    public CollectorStats stats() {
        return collector.stats();
    }
}
