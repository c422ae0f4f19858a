package org.peerage.registry.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers the rows of one import unit: checks each object, refuses a second object of the same type and id that
 * says something else, and follows nested {@code <type>_set} arrays of objects (the API's {@code ?depth} answers).
 */
final class RowCollector {
    private final Map<ObjectType, List<RegistryRow>> rows = new EnumMap<>(ObjectType.class);
    private final Map<ObjectType, Map<Long, Seen>> seen = new EnumMap<>(ObjectType.class);
    private final Set<ObjectType> stated = EnumSet.noneOf(ObjectType.class);

    private record Seen(long digest, String path, boolean stated) {
    }

    /** Declares that the file states every object of this type, even when it lists none. */
    void stated(ObjectType type) {
        stated.add(type);
    }

    /** Adds a top-level object of a stated type, and whatever it nests. */
    void add(ObjectType type, JsonNode element, String path) throws BadElementException {
        add(type, element, path, true);
    }

    private void add(ObjectType type, JsonNode element, String path, boolean isStated) throws BadElementException {
        if (!(element instanceof ObjectNode object)) {
            throw new BadElementException(path, "expected an object, got " + Json.describe(element));
        }
        RegistryRow row = RowBuilder.build(type, object, path);
        Map<Long, Seen> ofType = seen.computeIfAbsent(type, t -> new HashMap<>());
        Seen before = ofType.get(row.id());
        if (before == null) {
            ofType.put(row.id(), new Seen(row.digest(), path, isStated));
            rows.computeIfAbsent(type, t -> new ArrayList<>()).add(row);
        } else if (before.digest() != row.digest() && isStated && before.stated()) {
            throw new BadElementException(path + ".id", "duplicate " + type.apiName() + " id " + row.id()
                    + " (also at " + before.path() + ")");
        }
        // A nested copy that differs from the top-level object (depth answers abbreviate) keeps the first seen.
        nested(type, row.id(), object, path);
    }

    private void nested(ObjectType parent, long parentId, ObjectNode object, String path)
            throws BadElementException {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!name.endsWith("_set") || !field.getValue().isArray()) {
                continue;
            }
            var child = ObjectType.byApiName(name.substring(0, name.length() - 4));
            if (child.isEmpty()) {
                continue;
            }
            String parentField = parent.apiName() + "_id";
            int i = 0;
            for (JsonNode element : field.getValue()) {
                String elementPath = path + "." + name + "[" + i++ + "]";
                // depth=1 lists bare ids: nothing to import.
                if (!element.isObject()) {
                    continue;
                }
                ObjectNode copy = (ObjectNode) element;
                if (child.get().column(parentField).isPresent() && !copy.has(parentField)) {
                    copy = copy.deepCopy();
                    copy.put(parentField, parentId);
                }
                add(child.get(), copy, elementPath, false);
            }
        }
    }

    ImportUnit unit(String source) {
        return new ImportUnit(source, stated, rows);
    }
}
