package org.peerage.registry.store;

/** What an import did to one object type: rows added, changed (same id, other content), removed, unchanged. */
public record Changes(int added, int changed, int removed, int unchanged) {
    public static final Changes NONE = new Changes(0, 0, 0, 0);

    public Changes plus(Changes o) {
        return new Changes(added + o.added, changed + o.changed, removed + o.removed, unchanged + o.unchanged);
    }

    /** Added, changed and removed together: zero for an idempotent re-import. */
    public int modified() {
        return added + changed + removed;
    }
}
