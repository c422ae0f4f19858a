package org.peerage.registry.load;

/** The public shapes a registry file comes in. */
public enum Shape {
    /** PeeringDB API answer for one object type: {@code {"data": [...], "meta": {}}}. */
    PEERINGDB_API("PeeringDB API"),
    /** PeeringDB daily full dump: {@code {"org": {"data": [...]}, "net": {"data": [...]}, ...}}. */
    PEERINGDB_DUMP("PeeringDB full dump"),
    /** Euro-IX IX-F member export (schema 0.6 to 1.0). */
    IXF("IX-F member export");

    private final String label;

    Shape(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
