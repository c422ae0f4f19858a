package org.peerage.registry.model;

import java.time.Instant;

/** One past import: when, which file, its shape, and how many rows it added, changed or removed. */
public record ImportLogEntry(Instant importedAt, String file, String shape, long modified) {
}
