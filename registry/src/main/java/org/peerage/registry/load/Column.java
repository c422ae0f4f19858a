package org.peerage.registry.load;

/** A typed column of a registry table: the JSON field it comes from, its kind, and whether a row must have it. */
public record Column(String name, ColumnKind kind, boolean required) {
    static Column integer(String name) {
        return new Column(name, ColumnKind.INTEGER, false);
    }

    static Column text(String name) {
        return new Column(name, ColumnKind.TEXT, false);
    }

    static Column bool(String name) {
        return new Column(name, ColumnKind.BOOLEAN, false);
    }

    static Column real(String name) {
        return new Column(name, ColumnKind.REAL, false);
    }

    static Column of(String name, ColumnKind kind) {
        return new Column(name, kind, false);
    }

    Column mandatory() {
        return new Column(name, kind, true);
    }
}
