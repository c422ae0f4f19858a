package org.peerage.registry;

import java.util.List;
import java.util.Map;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.load.Shape;
import org.peerage.registry.store.Changes;

/**
 * What importing one file did: its shape, the sources it replaced ({@code peeringdb}, {@code ixf:...}), the changes
 * per object type, and warnings about what was accepted but is worth knowing.
 */
public record ImportReport(String file, Shape shape, List<String> sources, Map<ObjectType, Changes> changes,
        List<String> warnings) {
    public ImportReport {
        sources = List.copyOf(sources);
        changes = Map.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public Changes changes(ObjectType type) {
        return changes.getOrDefault(type, Changes.NONE);
    }

    /** Rows added, changed or removed over all types: 0 when the file said nothing new. */
    public int modified() {
        return changes.values().stream().mapToInt(Changes::modified).sum();
    }
}
