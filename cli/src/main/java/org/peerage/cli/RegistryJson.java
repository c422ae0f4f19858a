package org.peerage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;

/**
 * The --json output of registry commands: the API's records as JSON, with each stored object's original JSON
 * ({@code rawJson}) embedded as the object {@code raw}, so every field PeeringDB or IX-F gave is there.
 */
final class RegistryJson {
    /** Instants as ISO-8601 text ("2026-12-01T18:41:21Z"). */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .build();

    private RegistryJson() {
    }

    static void print(PrintStream out, Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        embedRaw(tree);
        try {
            out.println(MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void embedRaw(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode raw = o.remove("rawJson");
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(o.properties())) {
                embedRaw(e.getValue());
            }
            if (raw != null && raw.isTextual()) {
                try {
                    o.set("raw", MAPPER.readTree(raw.textValue()));
                } catch (JsonProcessingException e) {
                    o.set("raw", raw);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(RegistryJson::embedRaw);
        }
    }
}
