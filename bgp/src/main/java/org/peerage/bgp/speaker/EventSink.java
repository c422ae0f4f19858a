package org.peerage.bgp.speaker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** One JSON object per line per event, written and flushed at once (the events are few; readers tail them). */
public final class EventSink {
    private final OutputStream out;
    private final JsonFactory json = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private final long startNanos;

    public EventSink(OutputStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    private boolean closed;

    /**
     * Writes {"event": name, ...fields, "ms": milliseconds since start}. Once the reader is gone (a closed pipe),
     * events are dropped: the sessions go on and shut down as they would.
     */
    public synchronized void emit(String name, Map<String, ?> fields) {
        if (closed) {
            return;
        }
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event", name);
            for (var e : fields.entrySet()) {
                g.writeFieldName(e.getKey());
                switch (e.getValue()) {
                    case null -> g.writeNull();
                    case Number n when n instanceof Long || n instanceof Integer -> g.writeNumber(n.longValue());
                    case Number n -> g.writeNumber(n.doubleValue());
                    case Boolean b -> g.writeBoolean(b);
                    default -> g.writeString(e.getValue().toString());
                }
            }
            g.writeNumberField("ms", (System.nanoTime() - startNanos) / 1_000_000);
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            closed = true;
        }
    }
}
