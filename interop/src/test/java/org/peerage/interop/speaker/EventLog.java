package org.peerage.interop.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The JSON lines a {@link org.peerage.bgp.speaker.EventSink} writes, parsed as they arrive, with waits on them.
 */
final class EventLog extends OutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<JsonNode> events = new ArrayList<>();

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            try {
                events.add(JSON.readTree(text));
            } catch (IOException e) {
                events.add(JSON.createObjectNode().put("event", "unparsable").put("text", text));
            }
            notifyAll();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    public synchronized List<JsonNode> all() {
        return List.copyOf(events);
    }

    /** Events named {@code name} for session {@code session} (null: any session), in order. */
    public synchronized List<JsonNode> of(String name, String session) {
        return events.stream().filter(e -> matches(e, name, session)).toList();
    }

    private static boolean matches(JsonNode e, String name, String session) {
        return e.path("event").asText().equals(name) && (session == null || e.path("session").asText().equals(session));
    }

    /** Waits for the {@code nth} (1-based) event named {@code name} of {@code session} that satisfies {@code test}. */
    public synchronized JsonNode await(String name, String session, int nth, Predicate<JsonNode> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<JsonNode> found = events.stream().filter(e -> matches(e, name, session) && test.test(e)).toList();
            if (found.size() >= nth) {
                return found.get(nth - 1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + (nth > 1 ? nth + "th " : "") + "\"" + name + "\" event for "
                        + session + " within " + timeout.toMillis() + " ms; events so far:\n" + this);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    public JsonNode await(String name, String session, Duration timeout) {
        return await(name, session, 1, e -> true, timeout);
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append("  ").append(e).append('\n'));
        return sb.toString();
    }
}
