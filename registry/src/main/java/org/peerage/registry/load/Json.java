package org.peerage.registry.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** JSON helpers shared by the readers: compact text, canonical digests, values described for error messages. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Sorted keys: two objects that differ only in field order have the same digest. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private Json() {
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
        }
    }

    /** The first 64 bits of SHA-256 over the object's canonical serialisation. */
    public static long digest(JsonNode node) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(node);
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(canonical);
            return ByteBuffer.wrap(sha).getLong();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A value as an error message shows it: strings quoted (and shortened), containers by kind. */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "...\"" : text;
    }
}
