package org.peerage.registry.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A registry file read and checked, before anything is stored. */
public sealed interface ParsedFile {
    Shape shape();

    /** A PeeringDB file: its rows, all from the source {@code peeringdb}. */
    record PeeringDb(Shape shape, ImportUnit unit, List<String> warnings) implements ParsedFile {
    }

    /** An IX-F export, kept as a tree until its exchanges have ids ({@link IxfReader}). */
    record Ixf(ObjectNode document) implements ParsedFile {
        @Override
        public Shape shape() {
            return Shape.IXF;
        }
    }
}
