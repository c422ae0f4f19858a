package org.peerage.registry.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;

/** Checks one JSON object against its type's typed columns and turns it into a {@link RegistryRow}. */
public final class RowBuilder {
    private RowBuilder() {
    }

    public static RegistryRow build(ObjectType type, ObjectNode object, String path) throws BadElementException {
        long id = integer(object.get("id"), path + ".id");
        List<Column> columns = type.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            values[i] = value(c, object.get(c.name()), path + "." + c.name());
        }
        return new RegistryRow(type, id, values, Json.compact(object), Json.digest(object));
    }

    private static Object value(Column column, JsonNode v, String path) throws BadElementException {
        if (v == null || v.isNull()) {
            if (column.required()) {
                throw new BadElementException(path, v == null ? "missing required field" : "must not be null");
            }
            return null;
        }
        return switch (column.kind()) {
            case INTEGER -> integer(v, path);
            case ASN -> {
                long asn = integer(v, path);
                if (asn < 0 || asn > 0xFFFF_FFFFL) {
                    throw new BadElementException(path, "AS number out of range: " + asn);
                }
                yield asn;
            }
            case REAL -> {
                if (!v.isNumber()) {
                    throw new BadElementException(path, "expected a number, got " + Json.describe(v));
                }
                yield v.doubleValue();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new BadElementException(path, "expected true or false, got " + Json.describe(v));
                }
                yield v.booleanValue();
            }
            case TEXT -> text(v, path);
            case IPV4 -> address(v, path, 4);
            case IPV6 -> address(v, path, 16);
            case PREFIX -> {
                String s = text(v, path);
                try {
                    Prefix.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new BadElementException(path, "not an IP prefix: " + Json.describe(v));
                }
                yield s;
            }
        };
    }

    static long integer(JsonNode v, String path) throws BadElementException {
        if (v == null || v.isNull()) {
            throw new BadElementException(path, v == null ? "missing required field" : "must not be null");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadElementException(path, "expected an integer, got " + Json.describe(v));
        }
        return v.longValue();
    }

    private static String text(JsonNode v, String path) throws BadElementException {
        if (!v.isTextual()) {
            throw new BadElementException(path, "expected a string, got " + Json.describe(v));
        }
        return v.textValue();
    }

    /** PeeringDB writes an absent address as null or as an empty string; both are stored as null. */
    private static String address(JsonNode v, String path, int bytes) throws BadElementException {
        String s = text(v, path);
        if (s.isEmpty()) {
            return null;
        }
        String family = bytes == 4 ? "IPv4" : "IPv6";
        try {
            if (InetText.parseAddress(s).length == bytes) {
                return s;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadElementException(path, "not an " + family + " address: " + Json.describe(v));
    }
}
