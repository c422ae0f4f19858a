package org.peerage.registry.load;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one file says about one source: the rows per type, and which types it states in full. A stated type
 * replaces that source's rows of the type (rows not in the file are removed); rows of other types, such as
 * objects nested in a PeeringDB API answer ({@code ?depth=2}), are added or updated by id and never remove anything.
 */
public record ImportUnit(String source, Set<ObjectType> statedTypes, Map<ObjectType, List<RegistryRow>> rows) {
    public static final String PEERINGDB = "peeringdb";

    public ImportUnit {
        statedTypes = Set.copyOf(statedTypes);
        rows = Map.copyOf(rows);
    }

    public List<RegistryRow> rows(ObjectType type) {
        return rows.getOrDefault(type, List.of());
    }
}
