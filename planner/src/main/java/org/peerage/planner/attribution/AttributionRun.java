package org.peerage.planner.attribution;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.collect.FlowSink;
import org.peerage.planner.output.TrafficWriter;

/**
 * Attribution of a stream of flow batches: each batch is attributed, added to the aggregate and (when a writer is
 * given) written out as attributed flows. {@link #finish()} derives the series and percentiles.
 *
 * <p>With more than one thread, each batch is cut into chunks that the calling thread and the worker threads take
 * one at a time until none is left, each thread adding into its own {@link TrafficAggregate}; the sums are merged
 * when asked for (exact sums, so the result does not depend on the number of threads nor on who took which chunk).
 * Taking chunks rather than fixed halves keeps a thread that the machine's other work delays from holding the batch
 * up by more than one chunk. The writer still sees whole batches, in order.
 */
public final class AttributionRun implements FlowSink {
    /** Batches are not cut finer than this: handing a chunk over costs a few microseconds. */
    static final int MIN_CHUNK = 4096;
    /** Attributed then added a slice at a time, so that its routes and directions are still in the cache. */
    private static final int SLICE = 4096;

    private final Attributor attributor;
    private final LocalNetwork mine;
    private final int defaultRate;
    private final TrafficWriter writer;
    /** One per thread, the caller's first; {@code parts[0]} receives the others when merged. */
    private final TrafficAggregate[] parts;
    private final Worker[] workers;
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
        this.workers = new Worker[threads - 1];
        for (int k = 1; k < threads; k++) {
            workers[k - 1] = new Worker(k);
            workers[k - 1].start();
        }
    }

    /** One batch's chunks, taken by whichever thread comes first. */
    private final class Job {
        final FlowBatch batch;
        final int chunk;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done;
        volatile Throwable failure;

        Job(FlowBatch batch, int chunk, int chunks) {
            this.batch = batch;
            this.chunk = chunk;
            this.chunks = chunks;
            this.done = new CountDownLatch(chunks);
        }

        /** Takes chunks until none is left. */
        void help(int part) {
            int n = batch.size();
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    if (failure == null) {
                        work(part, batch, c * chunk, Math.min(n, (c + 1) * chunk));
                    }
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.countDown();
                }
            }
        }
    }

    private final class Worker extends Thread {
        final int part;
        final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();

        Worker(int part) {
            super("attribution-" + part);
            this.part = part;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    jobs.take().help(part); // a job found with no chunk left costs one look
                }
            } catch (InterruptedException e) {
                // finish(): done
            }
        }
    }

    @Override
    public void accept(FlowBatch batch) throws IOException {
        int n = batch.size();
        if (remote.length < n) {
            remote = new int[n];
            remotePath = new int[n];
            direction = new byte[n];
        }
        if (workers.length == 0 || n < 2 * MIN_CHUNK) {
            work(0, batch, 0, n);
        } else {
            // About eight chunks per thread: a delayed thread leaves the others a small remainder to wait for.
            int chunk = Math.max(MIN_CHUNK, n / (8 * parts.length) + 1);
            Job job = new Job(batch, chunk, (n + chunk - 1) / chunk);
            for (Worker w : workers) {
                w.jobs.add(job);
            }
            job.help(0);
            try {
                job.done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while attributing", e);
            }
            if (job.failure instanceof RuntimeException r) {
                throw r;
            } else if (job.failure instanceof Error e) {
                throw e;
            } else if (job.failure != null) {
                throw new IllegalStateException(job.failure);
            }
        }
        if (writer != null) {
            writer.flows(batch, 0, n, remote, direction);
        }
    }

    private void work(int part, FlowBatch batch, int from, int to) {
        TrafficAggregate sums = parts[part];
        for (int at = from; at < to; at += SLICE) {
            int end = Math.min(to, at + SLICE);
            attributor.attribute(batch, at, end, remote, remotePath, direction);
            sums.add(batch, at, end, remotePath, direction);
        }
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

    /** The series and percentiles; written too when there is a writer. Ends the worker threads. */
    public TrafficSeries finish() throws IOException {
        for (Worker w : workers) {
            w.interrupt();
        }
        TrafficSeries series = TrafficSeries.of(aggregate(), mine);
        if (writer != null) {
            writer.finish(series);
        }
        return series;
    }
}
