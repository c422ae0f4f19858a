package org.peerage.flow.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.peerage.flow.FlowBatch;

/**
 * A sink opened on a thread of its own while the collector already receives: opening a Parquet writer loads DuckDB
 * (seconds), during which the first datagrams would otherwise find no socket. The first batch waits for it.
 */
public final class DeferredSink implements FlowSink {
    /** Opens the real sink. */
    public interface Opener {
        FlowSink open() throws IOException;
    }

    private final CompletableFuture<FlowSink> sink;

    public DeferredSink(Opener opener) {
        sink = CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().name("open-sink").start(r));
    }

    private FlowSink get() throws IOException {
        try {
            return sink.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
    }

    @Override
    public void accept(FlowBatch batch) throws IOException {
        get().accept(batch);
    }

    @Override
    public void close() throws IOException {
        get().close();
    }
}
