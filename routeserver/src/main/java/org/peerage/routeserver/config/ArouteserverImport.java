package org.peerage.routeserver.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Converts an arouteserver setup (general.yml with {@code cfg:}, clients.yml with {@code asns:} and
 * {@code clients:}) into a peerage configuration that behaves the same: arouteserver's defaults are written out
 * where peerage's differ (no transit-free action, no max-prefix action, no blackholing, no graceful shutdown
 * unless configured). What peerage cannot do the same way is reported as a warning, never dropped silently.
 */
public final class ArouteserverImport {
    /** The converted configuration as YAML text, and the warnings for the operator. */
    public record Result(String yaml, List<String> warnings) {
    }

    private static final Set<String> SAME_NAME_FILTERS = Set.of("ipv4_pref_len", "ipv6_pref_len",
            "global_black_list_pref", "max_as_path_len", "reject_invalid_as_in_as_path", "reject_policy");

    private final List<String> warnings = new ArrayList<>();
    private final String generalName;
    private final String clientsName;

    private ArouteserverImport(String generalName, String clientsName) {
        this.generalName = generalName;
        this.clientsName = clientsName;
    }

    public static Result convert(Path general, Path clients, List<Path> irrDumps, List<Path> vrpFiles,
                                 Path peeringDb, List<String> listen) throws ConfigException {
        ArouteserverImport c = new ArouteserverImport(general.toString(), clients.toString());
        Map<String, Object> g = c.read(general);
        Map<String, Object> cl = c.read(clients);
        return c.build(g, cl, irrDumps, vrpFiles, peeringDb, listen);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Path file) throws ConfigException {
        try (Reader r = Files.newBufferedReader(file)) {
            Object o = new Yaml(new LoaderOptions()).load(r);
            if (o == null) return new LinkedHashMap<>();
            if (!(o instanceof Map)) throw new ConfigException(List.of(file + ": expected a mapping at the top"));
            return (Map<String, Object>) o;
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(file + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
    }

    private Result build(Map<String, Object> general, Map<String, Object> clientsFile, List<Path> irrDumps,
                         List<Path> vrpFiles, Path peeringDb, List<String> listen) throws ConfigException {
        Map<String, Object> cfg = map(general.get("cfg"), generalName + ": cfg");
        if (cfg.isEmpty()) throw new ConfigException(List.of(generalName + ": no 'cfg' section: not an arouteserver "
                + "general.yml"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asn", cfg.get("rs_as"));
        Object routerId = cfg.get("router_id");
        if (routerId instanceof List<?> l) {
            warn("cfg.router_id lists " + l.size() + " router IDs (one configuration each in arouteserver); "
                    + "using the first, " + l.getFirst());
            routerId = l.getFirst();
        }
        out.put("router_id", routerId);
        out.put("listen", listen);
        if (!irrDumps.isEmpty()) out.put("irr", Map.of("dumps", strings(irrDumps)));
        List<String> vrps = new ArrayList<>(strings(vrpFiles));
        Map<String, Object> roas = map(cfg.get("rpki_roas"), "cfg.rpki_roas");
        for (Object url : list(roas.get("ripe_rpki_validator_url"))) {
            String u = String.valueOf(url);
            if (u.startsWith("http://") || u.startsWith("https://")) {
                warn("cfg.rpki_roas.ripe_rpki_validator_url " + u + ": peerage reads VRPs from local files (and RTR);"
                        + " fetch it and give --vrp-file");
            } else if (!vrps.contains(u)) {
                vrps.add(u);
            }
        }
        if ("rtr".equals(roas.get("source"))) {
            warn("cfg.rpki_roas.source rtr: arouteserver keeps the cache's address in BIRD's own configuration;"
                    + " add it as rpki.rtr: [HOST:PORT]");
        }
        if (!vrps.isEmpty()) out.put("rpki", Map.of("vrp_files", vrps));
        if (peeringDb != null) out.put("peeringdb", Map.of("file", peeringDb.toString()));
        out.put("filters", filters(map(cfg.get("filtering"), "cfg.filtering"), peeringDb != null, false));
        out.put("blackhole_filtering", blackholing(map(cfg.get("blackhole_filtering"), "cfg.blackhole_filtering")));
        Map<String, Object> gshut = map(cfg.get("graceful_shutdown"), "cfg.graceful_shutdown");
        out.put("graceful_shutdown", Map.of("enabled", gshut.getOrDefault("enabled", false)));
        Object wellKnown = map(cfg.get("rfc1997_wellknown_communities"), "cfg.rfc1997_wellknown_communities")
                .get("policy");
        if (wellKnown != null) out.put("rfc1997_wellknown_communities", Map.of("policy", wellKnown));
        unsupported(cfg);
        communities(map(cfg.get("communities"), "cfg.communities"));
        Map<String, Object> asns = map(clientsFile.get("asns"), clientsName + ": asns");
        if (!asns.isEmpty()) out.put("asns", asns);
        List<Object> clients = new ArrayList<>();
        int i = 0;
        for (Object o : list(clientsFile.get("clients"))) {
            clients.add(client(map(o, clientsName + ": clients[" + i + "]"), cfg, i++, peeringDb != null));
        }
        out.put("clients", clients);
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        d.setIndent(2);
        d.setWidth(120);
        String yaml = "# Converted from arouteserver's " + generalName + " and " + clientsName
                + " by ./peerage routeserver import-arouteserver\n" + new Yaml(d).dump(out);
        return new Result(yaml, List.copyOf(warnings));
    }

    private Map<String, Object> filters(Map<String, Object> f, boolean havePeeringDb, boolean client) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : f.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (SAME_NAME_FILTERS.contains(k) || (client && k.equals("black_list_pref"))) {
                if (v != null) out.put(k, v);
            } else if (k.equals("next_hop")) {
                out.put(k, v);
            } else if (k.equals("transit_free") && !client) {
                Map<String, Object> t = new LinkedHashMap<>(map(v, "cfg.filtering.transit_free"));
                t.putIfAbsent("action", "none"); // arouteserver's default: listed but not acted on
                out.put(k, t);
            } else if (k.equals("never_via_route_servers") && !client) {
                Map<String, Object> n = new LinkedHashMap<>(map(v, "cfg.filtering.never_via_route_servers"));
                boolean pdb = !Boolean.FALSE.equals(n.getOrDefault("peering_db", true));
                if (pdb && !havePeeringDb) {
                    warn("cfg.filtering.never_via_route_servers.peering_db: no PeeringDB data offline; give "
                            + "--peeringdb FILE (a PeeringDB net export) to keep it on");
                }
                n.put("peering_db", pdb && havePeeringDb);
                if (n.get("asns") == null) n.remove("asns");
                out.put(k, n);
            } else if (k.equals("irrdb")) {
                out.put(k, irrdb(map(v, "filtering.irrdb"), client));
            } else if (k.equals("rpki_bgp_origin_validation") || (client && k.equals("rpki"))) {
                out.put(client ? "rpki" : k, v);
            } else if (k.equals("max_prefix")) {
                Map<String, Object> m = new LinkedHashMap<>(map(v, "filtering.max_prefix"));
                if (!client) m.putIfAbsent("action", "none"); // arouteserver: no enforcement without an action
                out.put(k, m);
            } else if (k.equals("roles")) {
                if (Boolean.TRUE.equals(map(v, "filtering.roles").get("enabled"))) {
                    warn("filtering.roles: BGP roles (RFC 9234) are not configured by the converter yet");
                }
            } else {
                warn("filtering." + k + ": not known to the converter; left out");
            }
        }
        if (!client) {
            if (!out.containsKey("transit_free")) out.put("transit_free", Map.of("action", "none"));
            if (!out.containsKey("max_prefix")) out.put("max_prefix", Map.of("action", "none"));
        }
        return out;
    }

    private Map<String, Object> irrdb(Map<String, Object> irr, boolean client) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : irr.entrySet()) {
            switch (e.getKey()) {
                case "enforce_origin_in_as_set", "enforce_prefix_in_as_set", "allow_longer_prefixes" ->
                        out.put(e.getKey(), e.getValue());
                case "as_sets" -> {
                    if (client) out.put("as_sets", e.getValue());
                }
                case "tag_as_set" -> { } // peerage explains per route instead of tagging the IRR outcome
                default -> {
                    Object value = e.getValue();
                    boolean on = value instanceof Map<?, ?> m ? Boolean.TRUE.equals(m.get("enabled"))
                            : Boolean.TRUE.equals(value);
                    if (on) warn("irrdb." + e.getKey() + ": not supported; give the data as --irr-dump files");
                }
            }
        }
        return out;
    }

    private Map<String, Object> blackholing(Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>();
        // arouteserver implements blackholing only when a policy is given.
        out.put("policy_ipv4", b.getOrDefault("policy_ipv4", "none"));
        out.put("policy_ipv6", b.getOrDefault("policy_ipv6", "none"));
        for (String k : List.of("rewrite_next_hop_ipv4", "rewrite_next_hop_ipv6", "announce_to_client",
                "add_noexport")) {
            if (b.get(k) != null) out.put(k, b.get(k));
        }
        return out;
    }

    private void unsupported(Map<String, Object> cfg) {
        if (Boolean.TRUE.equals(cfg.get("prepend_rs_as"))) {
            warn("cfg.prepend_rs_as: peerage is transparent (RFC 7947) and never prepends its AS");
        }
        if (Boolean.FALSE.equals(cfg.get("path_hiding"))) {
            warn("cfg.path_hiding: false: peerage always solves path hiding");
        }
        if (cfg.get("multihop") != null) warn("cfg.multihop: not supported; sessions are single hop");
        if (cfg.get("custom_communities") != null) warn("cfg.custom_communities: not supported; left out");
    }

    /** peerage's control communities are the Euro-IX ones; say what differs from the arouteserver setup. */
    private void communities(Map<String, Object> communities) {
        for (var e : communities.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m)) continue;
            for (var kind : m.entrySet()) {
                if (kind.getValue() != null) {
                    warn("cfg.communities." + e.getKey() + " (" + kind.getKey() + " " + kind.getValue() + "): peerage "
                            + "uses the Euro-IX communities (docs/routeserver-config.md), not configurable values; "
                            + "tell members if they differ");
                }
            }
        }
    }

    private Map<String, Object> client(Map<String, Object> c, Map<String, Object> cfg, int index, boolean pdb) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asn", c.get("asn"));
        out.put("ip", c.get("ip") instanceof List<?> ? c.get("ip") : List.of(String.valueOf(c.get("ip"))));
        if (c.get("description") != null) out.put("description", c.get("description"));
        if (c.get("password") != null) out.put("password", c.get("password"));
        Map<String, Object> own = map(c.get("cfg"), "clients[" + index + "].cfg");
        for (String k : List.of("passive", "gtsm", "add_path", "rfc8950")) {
            Object v = own.containsKey(k) ? own.get(k) : cfg.get(k);
            if (v != null) out.put(k, v);
        }
        if (Boolean.TRUE.equals(own.get("prepend_rs_as"))) {
            warn("clients[" + index + "] AS" + c.get("asn") + ": prepend_rs_as is not supported (transparent)");
        }
        Map<String, Object> filtering = map(own.get("filtering"), "clients[" + index + "].cfg.filtering");
        if (!filtering.isEmpty()) out.put("filters", filters(filtering, pdb, true));
        Map<String, Object> bh = map(own.get("blackhole_filtering"), "blackhole_filtering");
        if (bh.get("announce_to_client") != null) {
            out.put("blackhole_filtering", Map.of("announce_to_client", bh.get("announce_to_client")));
        }
        Map<String, Object> gs = map(own.get("graceful_shutdown"), "graceful_shutdown");
        if (gs.get("enabled") != null) out.put("graceful_shutdown", Map.of("enabled", gs.get("enabled")));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String where) {
        if (o == null) return new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        warn(where + ": expected a mapping; ignored");
        return new LinkedHashMap<>();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    private void warn(String message) {
        warnings.add(message);
    }
}
