package org.peerage.routeserver.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.WireReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML mapping of the configuration, read with typed getters that record a problem (file, line, dotted key)
 * instead of throwing, so that every mistake in a file is reported at once. Keys not in the allowed set are errors:
 * a typo must not silently leave a check at its default.
 */
final class Section {
    private final ConfigErrors errors;
    private final String path;
    private final Node node;
    private final Map<String, Node> keys = new LinkedHashMap<>();

    private Section(ConfigErrors errors, String path, Node node, Set<String> allowed) {
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

    /** The root mapping of a file (node null: an empty file). */
    static Section root(ConfigErrors errors, Node node, Set<String> allowed) {
        if (node == null) {
            errors.add(null, "", "the file is empty");
        }
        return new Section(errors, "", node, allowed);
    }

    /** A nested mapping; absent, it is empty and every getter returns its default. */
    Section section(String key, Set<String> allowed) {
        return new Section(errors, where(key), keys.get(key), allowed);
    }

    boolean has(String key) {
        return keys.containsKey(key);
    }

    Node node() {
        return node;
    }

    Node node(String key) {
        return keys.get(key);
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        Node at = keys.getOrDefault(key, node);
        errors.add(at, where(key), message);
    }

    void missing(String key) {
        if (!keys.containsKey(key)) errors.add(node, where(key), "missing");
    }

    // ---- scalars ----

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
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> {
                return true;
            }
            case "false", "no", "off" -> {
                return false;
            }
            default -> {
                error(key, "expected true or false, got '" + s + "'");
                return dflt;
            }
        }
    }

    long number(String key, long dflt, long min, long max) {
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

    int integer(String key, int dflt, int min, int max) {
        return (int) number(key, dflt, min, max);
    }

    /** A duration: a number of minutes (arouteserver's unit), or a number with s, m or h. */
    java.time.Duration duration(String key, java.time.Duration dflt) {
        String s = string(key, null);
        if (s == null) return dflt;
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            long v = Long.parseLong(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1).trim());
            java.time.Duration d = switch (unit) {
                case 's' -> java.time.Duration.ofSeconds(v);
                case 'h' -> java.time.Duration.ofHours(v);
                case 'm' -> java.time.Duration.ofMinutes(v);
                default -> Character.isDigit(unit) ? java.time.Duration.ofMinutes(v) : null;
            };
            if (d != null && v > 0) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        error(key, "expected minutes, or a number with s, m or h (30s, 15m, 1h), got '" + s + "'");
        return dflt;
    }

    long asn(String key, long dflt) {
        return number(key, dflt, 1, 0xFFFF_FFFFL);
    }

    /** One of the named values (written with '-' or '_' alike), as the enum constant of the same name. */
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

    // ---- lists ----

    /** A list (a single scalar counts as a list of one, as arouteserver allows for {@code ip}). */
    <T> List<T> list(String key, List<T> dflt, BiFunction<Node, String, T> item) {
        Node n = keys.get(key);
        if (n == null) return dflt;
        List<Node> items;
        if (n instanceof SequenceNode s) {
            items = s.getValue();
        } else if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
            items = List.of(n);
        } else if (n instanceof ScalarNode) {
            return List.of();
        } else {
            errors.add(n, where(key), "expected a list");
            return dflt;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T t = item.apply(items.get(i), where(key) + "[" + i + "]");
            if (t != null) out.add(t);
        }
        return out;
    }

    /**
     * A set of AS numbers as a list or as arouteserver's comma-separated text ({@code "174, 701, 1299"}); an
     * "AS" prefix is allowed.
     */
    List<Long> asnList(String key, List<Long> dflt) {
        Node n = keys.get(key);
        if (n instanceof ScalarNode s && s.getValue().contains(",")) {
            List<Long> out = new ArrayList<>();
            for (String part : s.getValue().split(",")) {
                if (part.isBlank()) continue;
                Long v = parseAsn(part.trim());
                if (v == null) error(key, "expected AS numbers, got '" + part.trim() + "'");
                else out.add(v);
            }
            return out;
        }
        return list(key, dflt, (item, where) -> {
            Long v = parseAsn(scalar(item).trim());
            if (v == null) errors.add(item, where, "expected an AS number, got '" + scalar(item) + "'");
            return v;
        });
    }

    Section sectionAt(Node n, String where, Set<String> allowed) {
        return new Section(errors, where, n, allowed);
    }

    // ---- value parsers for list items ----

    InetAddress address(Node n, String where) {
        try {
            return InetAddress.getByAddress(InetText.parseAddress(scalar(n).trim()));
        } catch (IllegalArgumentException | UnknownHostException e) {
            errors.add(n, where, "expected an IPv4 or IPv6 address, got '" + scalar(n) + "'");
            return null;
        }
    }

    InetAddress address(String key, InetAddress dflt) {
        Node n = keys.get(key);
        return n == null ? dflt : address(n, where(key));
    }

    Prefix prefix(Node n, String where) {
        try {
            return Prefix.parse(scalar(n).trim());
        } catch (IllegalArgumentException e) {
            errors.add(n, where, "expected a prefix like 192.0.2.0/24, got '" + scalar(n) + "'");
            return null;
        }
    }

    Integer ipv4(String key) {
        String s = string(key, null);
        if (s == null) return null;
        try {
            byte[] a = InetText.parseAddress(s.trim());
            if (a.length == 4) return WireReader.i32(a, 0);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error(key, "expected a dotted quad, got '" + s + "'");
        return null;
    }

    static Long parseAsn(String s) {
        String digits = s.regionMatches(true, 0, "AS", 0, 2) ? s.substring(2) : s;
        try {
            long v = Long.parseLong(digits);
            return v >= 1 && v <= 0xFFFF_FFFFL ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n.getNodeId());
    }

    ConfigErrors errors() {
        return errors;
    }
}
