package org.peerage.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the plan file read with typed getters that record a problem (file, line, dotted key) rather
 * than throw, so that every mistake is reported at once; unknown keys are errors (a typo must not silently leave a
 * cost at zero). The same approach as the route server's configuration loader.
 */
final class YamlSection {
    /** Problems of one file, each {@code FILE:LINE: KEY: message}. */
    static final class Errors {
        private final String file;
        private final List<String> list = new ArrayList<>();

        Errors(String file) {
            this.file = file;
        }

        void add(Node at, String key, String message) {
            int line = at == null ? 0 : at.getStartMark().getLine() + 1;
            list.add(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message);
        }

        List<String> list() {
            return list;
        }
    }

    private final Errors errors;
    private final String path;
    private final Node node;
    private final Map<String, Node> keys = new LinkedHashMap<>();

    YamlSection(Errors errors, String path, Node node, Set<String> allowed) {
        this.errors = errors;
        this.path = path;
        this.node = node;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = scalar(t.getKeyNode());
                if (!allowed.contains(key)) {
                    errors.add(t.getKeyNode(), where(key), "unknown key (known: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                } else if (keys.put(key, t.getValueNode()) != null) {
                    errors.add(t.getKeyNode(), where(key), "given twice");
                }
            }
        } else if (node != null) {
            errors.add(node, path, "expected a mapping");
        }
    }

    YamlSection section(String key, Set<String> allowed) {
        return new YamlSection(errors, where(key), keys.get(key), allowed);
    }

    boolean has(String key) {
        return keys.containsKey(key);
    }

    int line() {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        errors.add(keys.getOrDefault(key, node), where(key), message);
    }

    void require(String... names) {
        for (String key : names) {
            if (!keys.containsKey(key)) errors.add(node, where(key), "missing");
        }
    }

    String string(String key, String dflt) {
        Node n = keys.get(key);
        if (n == null) return dflt;
        if (!(n instanceof ScalarNode s)) {
            errors.add(n, where(key), "expected a single value");
            return dflt;
        }
        return s.getValue();
    }

    boolean bool(String key, boolean dflt) {
        String s = string(key, null);
        if (s == null) return dflt;
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                error(key, "expected true or false, got '" + s + "'");
                yield dflt;
            }
        };
    }

    /** A number from min to max (a money amount, a rate, a share). */
    double number(String key, double dflt, double min, double max) {
        String s = string(key, null);
        if (s == null) return dflt;
        try {
            double v = Double.parseDouble(s.trim().replace("_", ""));
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "expected a number from " + fmt(min) + " to " + fmt(max) + ", got '" + s + "'");
        return dflt;
    }

    Double optionalNumber(String key, double min, double max) {
        return has(key) ? number(key, Double.NaN, min, max) : null;
    }

    long whole(String key, long dflt, long min, long max) {
        String s = string(key, null);
        if (s == null) return dflt;
        try {
            long v = Long.parseLong(s.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "expected a whole number from " + min + " to " + max + ", got '" + s + "'");
        return dflt;
    }

    long asn(String key, long dflt) {
        String s = string(key, null);
        if (s == null) return dflt;
        String digits = s.regionMatches(true, 0, "AS", 0, 2) ? s.substring(2) : s;
        try {
            long v = Long.parseLong(digits.trim());
            if (v >= 1 && v <= 0xFFFF_FFFFL) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "expected an AS number (1 to 4294967295, 'AS' allowed), got '" + s + "'");
        return dflt;
    }

    <E extends Enum<E>> E choice(String key, E dflt, Class<E> type) {
        String s = string(key, null);
        if (s == null) return dflt;
        String name = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        error(key, "expected one of " + String.join(", ", names) + ", got '" + s + "'");
        return dflt;
    }

    /** A list; a single scalar counts as a list of one. */
    <T> List<T> list(String key, BiFunction<Node, String, T> item) {
        Node n = keys.get(key);
        if (n == null) return List.of();
        List<Node> items;
        if (n instanceof SequenceNode s) {
            items = s.getValue();
        } else if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
            items = List.of(n);
        } else if (n instanceof ScalarNode) {
            return List.of();
        } else {
            errors.add(n, where(key), "expected a list");
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T t = item.apply(items.get(i), where(key) + "[" + i + "]");
            if (t != null) out.add(t);
        }
        return out;
    }

    YamlSection at(Node n, String where, Set<String> allowed) {
        return new YamlSection(errors, where, n, allowed);
    }

    Errors errors() {
        return errors;
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n.getNodeId());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
