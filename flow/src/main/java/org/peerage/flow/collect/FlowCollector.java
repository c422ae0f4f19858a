package org.peerage.flow.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.util.function.Consumer;
import org.peerage.flow.Exporters;
import org.peerage.flow.FlowBatch;
import org.peerage.flow.PacketResult;

/**
 * One receiving pipeline: datagrams in, decoded into a batch that goes to the sink every {@link #BATCH} records (and
 * on {@link #flush()}), counted per exporter, malformed ones logged. Not thread-safe: one per receiving thread;
 * the sink may be shared if it is synchronized.
 */
public final class FlowCollector {
    static final int BATCH = 8192;

    private final ExportDecoder decoder = new ExportDecoder();
    private final Exporters exporters;
    private final FlowBatch batch;
    private final FlowSink sink;
    private final CollectorStats stats = new CollectorStats();
    private final MalformedLog log;
    private InetAddress lastSource;
    private int lastExporter;
    private ExporterCounters lastCounters;

    public FlowCollector(Exporters exporters, FlowSink sink, Consumer<String> log) {
        this.exporters = exporters;
        this.batch = new FlowBatch(exporters, BATCH + 64);
        this.sink = sink;
        this.log = new MalformedLog(log);
    }

    /** Decodes one datagram from {@code source} (its port only for the log; 0 if unknown). */
    public PacketResult accept(InetAddress source, int port, byte[] b, int off, int len, long receivedMillis)
            throws IOException {
        if (!source.equals(lastSource)) {
            lastSource = source;
            lastExporter = exporters.intern(source);
            lastCounters = stats.of(source);
        }
        PacketResult result = decoder.decode(b, off, len, lastExporter, receivedMillis, batch);
        lastCounters.count(result, len);
        if (result instanceof PacketResult.Malformed m) {
            log.malformed(source, port, m, len, receivedMillis);
        }
        if (batch.size() >= BATCH) {
            flush();
        }
        return result;
    }

    public void flush() throws IOException {
        if (batch.size() > 0) {
            sink.accept(batch);
            batch.clear();
        }
    }

    public CollectorStats stats() {
        return stats;
    }
}
