package org.peerage.planner.attribution;

import java.io.IOException;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.FlowSink;
import org.peerage.planner.output.TrafficWriter;

/**
 * Attribution of a stream of flow batches: each batch is attributed, added to the aggregate and (when a writer is
 * given) written out as attributed flows. {@link #finish()} derives the series and percentiles.
 */
public final class AttributionRun implements FlowSink {
    private final Attributor attributor;
    private final LocalNetwork mine;
    private final TrafficAggregate aggregate;
    private final TrafficWriter writer;
    private int[] remote = new int[0];
    private int[] remotePath = new int[0];
    private byte[] direction = new byte[0];

    /** @param writer where attributed flows go, or null to aggregate only */
    public AttributionRun(Attributor attributor, LocalNetwork mine, int defaultRate, TrafficWriter writer) {
        this.attributor = attributor;
        this.mine = mine;
        this.aggregate = new TrafficAggregate(attributor.table(), defaultRate);
        this.writer = writer;
    }

    @Override
    public void accept(FlowBatch batch) throws IOException {
        int n = batch.size();
        if (remote.length < n) {
            remote = new int[n];
            remotePath = new int[n];
            direction = new byte[n];
        }
        attributor.attribute(batch, 0, n, remote, remotePath, direction);
        aggregate.add(batch, 0, n, remotePath, direction);
        if (writer != null) {
            writer.flows(batch, 0, n, remote, direction);
        }
    }

    public TrafficAggregate aggregate() {
        return aggregate;
    }

    /** The series and percentiles; written too when there is a writer. */
    public TrafficSeries finish() throws IOException {
        TrafficSeries series = TrafficSeries.of(aggregate, mine);
        if (writer != null) {
            writer.finish(series);
        }
        return series;
    }
}
