package org.peerage.registry.load;

/**
 * One object ready to store: its type and id, the typed column values in {@link ObjectType#columns()} order (Long,
 * String, Boolean, Double or null), the object as compact JSON, and the digest of its canonical form.
 */
public record RegistryRow(ObjectType type, long id, Object[] values, String raw, long digest) {
}
