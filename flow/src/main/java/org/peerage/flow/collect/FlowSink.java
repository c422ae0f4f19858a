package org.peerage.flow.collect;

import java.io.IOException;
import org.peerage.flow.FlowBatch;

/** Where decoded flows go: a file writer, a test's list, the attribution. Called from one thread at a time. */
public interface FlowSink extends AutoCloseable {
    /** Takes the batch's records; the batch is cleared and reused by the caller afterwards. */
    void accept(FlowBatch batch) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
