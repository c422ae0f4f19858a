package org.peerage.registry.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a registry file of any shape, telling the shape from its top-level keys: {@code data} is a PeeringDB API
 * answer, object type names ({@code net}, {@code ix}, ...) a full dump, {@code member_list} or {@code ixp_list}
 * an IX-F export. PeeringDB objects are read one at a time from the stream, so a dump never exists as one tree.
 */
public final class RegistryFileReader {
    private static final Set<String> IXF_KEYS = Set.of("version", "timestamp", "ixp_list", "member_list");

    private final String fileName;
    private final Optional<ObjectType> explicitType;

    /**
     * @param fileName     the file's name, for the type hint an API answer may need
     * @param explicitType the object type of an API answer when the caller knows it
     */
    public RegistryFileReader(String fileName, Optional<ObjectType> explicitType) {
        this.fileName = fileName;
        this.explicitType = explicitType;
    }

    public ParsedFile read(InputStream in) throws BadElementException, IOException {
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            return read(p);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
    }

    private ParsedFile read(JsonParser p) throws IOException, BadElementException {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new BadElementException("$", "empty file");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new BadElementException("$", "expected a JSON object at the top, got " + Json.describe(
                    p.readValueAsTree()));
        }
        RowCollector rows = new RowCollector();
        List<String> warnings = new ArrayList<>();
        List<String> dumpTypes = new ArrayList<>();
        Map<String, JsonNode> ixf = new LinkedHashMap<>();
        Map<String, JsonNode> other = new LinkedHashMap<>();
        boolean apiData = false;
        boolean apiTypeKnown = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            Optional<ObjectType> type = ObjectType.byApiName(name);
            if (name.equals("data")) {
                apiData = true;
                apiTypeKnown = readApiData(p, value, rows);
            } else if (name.equals("meta")) {
                JsonNode meta = p.readValueAsTree();
                if (meta.hasNonNull("error")) {
                    throw new BadElementException("$.meta.error", "the PeeringDB API answered with an error: "
                            + Json.describe(meta.get("error")));
                }
            } else if (IXF_KEYS.contains(name)) {
                ixf.put(name, p.readValueAsTree());
            } else if (type.isPresent() && value == JsonToken.START_OBJECT) {
                dumpTypes.add(name);
                readDumpType(p, type.get(), rows);
            } else {
                other.put(name, p.readValueAsTree());
            }
        }
        if (p.nextToken() != null) {
            throw new BadElementException("$", "unexpected content after the top-level object");
        }
        boolean isIxf = ixf.containsKey("member_list") || ixf.containsKey("ixp_list");
        if (isIxf && (apiData || !dumpTypes.isEmpty())) {
            throw new BadElementException("$", "mixes an IX-F export with PeeringDB data");
        }
        if (isIxf) {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            ixf.forEach(document::set);
            other.forEach(document::set);
            return new ParsedFile.Ixf(document);
        }
        if (apiData && !dumpTypes.isEmpty()) {
            throw new BadElementException("$", "mixes an API answer (\"data\") with full-dump object types "
                    + dumpTypes);
        }
        if (!apiTypeKnown) {
            // Checked after the whole file: an API error in "meta" explains an empty answer better.
            throw new BadElementException("$.data", "empty, and the file name does not say which object type it is "
                    + "for; name it with --type");
        }
        if (!apiData && dumpTypes.isEmpty()) {
            throw new BadElementException("$", "neither a PeeringDB file (no \"data\" and no object type such as "
                    + "\"net\") nor an IX-F export (no \"member_list\")");
        }
        for (String key : other.keySet()) {
            warnings.add("$." + key + ": not a PeeringDB object type (skipped)");
        }
        Shape shape = apiData ? Shape.PEERINGDB_API : Shape.PEERINGDB_DUMP;
        return new ParsedFile.PeeringDb(shape, rows.unit(ImportUnit.PEERINGDB), warnings);
    }

    /** Reads the answer's objects; false when there were none and nothing tells their type. */
    private boolean readApiData(JsonParser p, JsonToken value, RowCollector rows)
            throws IOException, BadElementException {
        if (value != JsonToken.START_ARRAY) {
            throw new BadElementException("$.data", "expected an array, got " + Json.describe(p.readValueAsTree()));
        }
        ObjectType type = explicitType.orElse(null);
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            JsonNode element = p.readValueAsTree();
            String path = "$.data[" + i++ + "]";
            if (type == null) {
                type = TypeInference.fromFields(element).or(() -> TypeInference.fromFileName(fileName))
                        .orElseThrow(() -> new BadElementException(path, "cannot tell which PeeringDB object type "
                                + "this answer holds; name it with --type", line));
                rows.stated(type);
            }
            try {
                rows.add(type, element, path);
            } catch (BadElementException e) {
                throw e.atLine(line);
            }
        }
        if (type == null) {
            type = TypeInference.fromFileName(fileName).orElse(null);
        }
        if (type == null) {
            return false;
        }
        rows.stated(type);
        return true;
    }

    private static void readDumpType(JsonParser p, ObjectType type, RowCollector rows)
            throws IOException, BadElementException {
        String base = "$." + type.apiName();
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!name.equals("data")) {
                p.skipChildren();
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new BadElementException(base + ".data", "expected an array, got "
                        + Json.describe(p.readValueAsTree()));
            }
            sawData = true;
            rows.stated(type);
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                long line = p.currentTokenLocation().getLineNr();
                JsonNode element = p.readValueAsTree();
                try {
                    rows.add(type, element, base + ".data[" + i++ + "]");
                } catch (BadElementException e) {
                    throw e.atLine(line);
                }
            }
        }
        if (!sawData) {
            throw new BadElementException(base, "expected {\"data\": [...]}, found no \"data\"");
        }
    }

    private static BadElementException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String path = "$";
        if (e.getProcessor() instanceof JsonParser parser) {
            path = path(parser.getParsingContext());
        }
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new BadElementException(path, "invalid JSON" + where + ": " + e.getOriginalMessage());
    }

    /** The parser's position as a JSONPath: $.net.data[17].asn. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        return "$" + String.join("", parts);
    }
}
