package org.peerage.routeserver;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.WireReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the route server's YAML configuration (docs/routeserver-config.md). Every problem is collected, not only
 * the first, and named as {@code FILE:LINE: KEY: what is wrong}; unknown keys are errors (a typo must not silently
 * turn a check off).
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("asn", "router_id", "listen", "filters", "clients");
    private static final Set<String> FILTERS = Set.of("enabled");
    private static final Set<String> CLIENT = Set.of("asn", "ip", "description", "password", "passive", "hold_time");

    private final String file;
    private final List<String> errors = new ArrayList<>();

    private ConfigLoader(String file) {
        this.file = file;
    }

    public static RouteServerConfig load(Path path) throws ConfigException {
        ConfigLoader l = new ConfigLoader(path.toString());
        Node root;
        try (Reader r = Files.newBufferedReader(path)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (IOException e) {
            throw new ConfigException(List.of(path + ": cannot read: " + e.getMessage()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(path + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        RouteServerConfig config = l.top(root);
        if (!l.errors.isEmpty()) {
            throw new ConfigException(l.errors);
        }
        return config;
    }

    private RouteServerConfig top(Node root) {
        if (!(root instanceof MappingNode m)) {
            error(root, "", "expected a mapping with asn, router_id, listen, clients");
            return null;
        }
        Map<String, Node> keys = keys(m, "", TOP);
        Long asn = required(keys, m, "asn", v -> asn(v, "asn"));
        Integer routerId = required(keys, m, "router_id", n -> ipv4(n, "router_id"));
        List<InetSocketAddress> listen = required(keys, m, "listen", n -> list(n, "listen", this::socket));
        boolean filters = true;
        if (keys.containsKey("filters") && keys.get("filters") instanceof MappingNode f) {
            Map<String, Node> fk = keys(f, "filters.", FILTERS);
            if (fk.containsKey("enabled")) filters = bool(fk.get("enabled"), "filters.enabled");
        } else if (keys.containsKey("filters")) {
            error(keys.get("filters"), "filters", "expected a mapping");
        }
        if (filters) {
            error(keys.containsKey("filters") ? keys.get("filters") : m, "filters.enabled",
                    "import filters are not implemented yet; set 'filters: {enabled: false}' to run without them");
        }
        List<ClientConfig> clients = required(keys, m, "clients", n -> list(n, "clients", this::client));
        if (asn == null || routerId == null || listen == null || clients == null || !errors.isEmpty()) {
            return null;
        }
        return new RouteServerConfig(asn, routerId, listen, false, clients);
    }

    private ClientConfig client(Node n, String where) {
        if (!(n instanceof MappingNode m)) {
            error(n, where, "expected a mapping with asn and ip");
            return null;
        }
        Map<String, Node> keys = keys(m, where + ".", CLIENT);
        Long asn = required(keys, m, "asn", v -> asn(v, where + ".asn"));
        List<InetAddress> ips = required(keys, m, "ip", v -> list(v, where + ".ip", this::address));
        String description = keys.containsKey("description") ? scalar(keys.get("description")) : null;
        String password = keys.containsKey("password") ? scalar(keys.get("password")) : null;
        boolean passive = !keys.containsKey("passive") || bool(keys.get("passive"), where + ".passive");
        int hold = keys.containsKey("hold_time") ? (int) number(keys.get("hold_time"), where + ".hold_time", 0, 65535)
                : 90;
        if (hold == 1 || hold == 2) error(keys.get("hold_time"), where + ".hold_time", "must be 0 or at least 3");
        return asn == null || ips == null ? null : new ClientConfig(asn, ips, description, password, passive, hold);
    }

    private Map<String, Node> keys(MappingNode m, String prefix, Set<String> allowed) {
        Map<String, Node> out = new java.util.LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                error(t.getKeyNode(), prefix + key, "unknown key (known: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            } else if (out.put(key, t.getValueNode()) != null) {
                error(t.getKeyNode(), prefix + key, "given twice");
            }
        }
        return out;
    }

    private <T> T required(Map<String, Node> keys, Node parent, String key, Function<Node, T> parse) {
        Node n = keys.get(key);
        if (n == null) {
            error(parent, key, "missing");
            return null;
        }
        return parse.apply(n);
    }

    private <T> List<T> list(Node n, String where, java.util.function.BiFunction<Node, String, T> item) {
        if (!(n instanceof SequenceNode s)) {
            error(n, where, "expected a list");
            return null;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            T t = item.apply(s.getValue().get(i), where + "[" + i + "]");
            if (t != null) out.add(t);
        }
        return out;
    }

    private Long asn(Node n, String key) {
        long v = number(n, key, 1, 0xFFFF_FFFFL);
        return v < 0 ? null : v;
    }

    private long number(Node n, String key, long min, long max) {
        try {
            long v = Long.parseLong(scalar(n));
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        error(n, key, "expected a whole number from " + min + " to " + max + ", got '" + scalar(n) + "'");
        return -1;
    }

    private boolean bool(Node n, String key) {
        String s = scalar(n);
        if (s.equals("true") || s.equals("false")) return Boolean.parseBoolean(s);
        error(n, key, "expected true or false, got '" + s + "'");
        return false;
    }

    private Integer ipv4(Node n, String key) {
        try {
            byte[] a = InetText.parseAddress(scalar(n));
            if (a.length == 4) return WireReader.i32(a, 0);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error(n, key, "expected a dotted quad, got '" + scalar(n) + "'");
        return null;
    }

    private InetAddress address(Node n, String where) {
        try {
            return InetAddress.getByAddress(InetText.parseAddress(scalar(n)));
        } catch (IllegalArgumentException | UnknownHostException e) {
            error(n, where, "expected an IPv4 or IPv6 address, got '" + scalar(n) + "'");
            return null;
        }
    }

    private InetSocketAddress socket(Node n, String where) {
        String s = scalar(n);
        int colon = s.lastIndexOf(':');
        try {
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port > 0 && port < 65536) {
                return new InetSocketAddress(InetAddress.getByAddress(InetText.parseAddress(host)), port);
            }
        } catch (RuntimeException | UnknownHostException e) {
            // reported below
        }
        error(n, where, "expected ADDRESS:PORT (IPv6 as [ADDRESS]:PORT), got '" + s + "'");
        return null;
    }

    private String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : String.valueOf(n.getNodeId());
    }

    private void error(Node n, String key, String message) {
        int line = n == null ? 0 : n.getStartMark().getLine() + 1;
        errors.add(file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    }
}
