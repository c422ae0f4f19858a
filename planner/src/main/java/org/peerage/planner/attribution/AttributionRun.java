package org.peerage.planner.attribution;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.FlowSink;
import org.peerage.planner.output.TrafficWriter;

/**
 * Attribution of a stream of flow batches: each batch is attributed, added to the aggregate and (when a writer is
 * given) written out as attributed flows. {@link #finish()} derives the series and percentiles.
 *
 * <p>With more than one thread, each batch is cut into as many contiguous parts: the calling thread does the first,
 * pool threads the others, each into its own {@link TrafficAggregate}; the sums are merged when asked for (exact
 * sums, so the result does not depend on the number of threads). The writer still sees whole batches in order.
 */
public final class AttributionRun implements FlowSink {
    /** Batches smaller than this per thread are not cut: handing a part over costs a few microseconds. */
    static final int MIN_PART = 4096;

    private final Attributor attributor;
    private final LocalNetwork mine;
    private final int defaultRate;
    private final TrafficWriter writer;
    /** One per thread; {@code parts[0]} receives the others when merged. */
    private final TrafficAggregate[] parts;
    private final ExecutorService pool;
    private final Future<?>[] pending;
    private int[] remote = new int[0];
    private int[] remotePath = new int[0];
    private byte[] direction = new byte[0];

    /** @param writer where attributed flows go, or null to aggregate only */
    public AttributionRun(Attributor attributor, LocalNetwork mine, int defaultRate, TrafficWriter writer) {
        this(attributor, mine, defaultRate, writer, 1);
    }

    /**
     * @param writer  where attributed flows go, or null to aggregate only
     * @param threads threads attributing each batch (the caller's included); 1 for the caller alone
     */
    public AttributionRun(Attributor attributor, LocalNetwork mine, int defaultRate, TrafficWriter writer,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + ": must be 1 or more");
        }
        this.attributor = attributor;
        this.mine = mine;
        this.defaultRate = defaultRate;
        this.writer = writer;
        this.parts = new TrafficAggregate[threads];
        for (int k = 0; k < threads; k++) {
            parts[k] = new TrafficAggregate(attributor.table(), defaultRate);
        }
        this.pending = new Future<?>[threads];
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "attribution");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void accept(FlowBatch batch) throws IOException {
        int n = batch.size();
        if (remote.length < n) {
            remote = new int[n];
            remotePath = new int[n];
            direction = new byte[n];
        }
        int cut = Math.max(1, Math.min(parts.length, n / MIN_PART));
        for (int k = 1; k < cut; k++) {
            int part = k;
            pending[k] = pool.submit(() -> work(part, batch, (int) ((long) n * part / cut),
                    (int) ((long) n * (part + 1) / cut)));
        }
        work(0, batch, 0, n / cut);
        for (int k = 1; k < cut; k++) {
            try {
                pending[k].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while attributing", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pending[k] = null;
            }
        }
        if (writer != null) {
            writer.flows(batch, 0, n, remote, direction);
        }
    }

    private void work(int part, FlowBatch batch, int from, int to) {
        attributor.attribute(batch, from, to, remote, remotePath, direction);
        parts[part].add(batch, from, to, remotePath, direction);
    }

    /** Every record's sums so far (the threads' sums merged into one). */
    public TrafficAggregate aggregate() {
        for (int k = 1; k < parts.length; k++) {
            if (parts[k].records() > 0) {
                parts[0].merge(parts[k]);
                parts[k] = new TrafficAggregate(attributor.table(), defaultRate);
            }
        }
        return parts[0];
    }

    /** The series and percentiles; written too when there is a writer. Ends the pool threads. */
    public TrafficSeries finish() throws IOException {
        if (pool != null) {
            pool.shutdown();
        }
        TrafficSeries series = TrafficSeries.of(aggregate(), mine);
        if (writer != null) {
            writer.finish(series);
        }
        return series;
    }
}
