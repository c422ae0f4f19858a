package org.peerage.routeserver.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rtr.RtrCache;
import org.peerage.routeserver.config.FilterSettings.Action;
import org.peerage.routeserver.config.FilterSettings.Aspa;
import org.peerage.routeserver.config.FilterSettings.Irr;
import org.peerage.routeserver.config.FilterSettings.LengthRange;
import org.peerage.routeserver.config.FilterSettings.MaxPrefix;
import org.peerage.routeserver.config.FilterSettings.MaxPrefixAction;
import org.peerage.routeserver.config.FilterSettings.NeverViaRouteServers;
import org.peerage.routeserver.config.FilterSettings.NextHop;
import org.peerage.routeserver.config.FilterSettings.NextHopPolicy;
import org.peerage.routeserver.config.FilterSettings.PrefixRule;
import org.peerage.routeserver.config.FilterSettings.RejectPolicy;
import org.peerage.routeserver.config.FilterSettings.Rpki;
import org.peerage.routeserver.config.FilterSettings.TransitFree;
import org.peerage.routeserver.config.RouteServerConfig.BlackholePolicy;
import org.peerage.routeserver.config.RouteServerConfig.Blackholing;
import org.peerage.routeserver.config.RouteServerConfig.GracefulShutdown;
import org.peerage.routeserver.config.RouteServerConfig.WellKnownPolicy;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the route server's YAML configuration (docs/routeserver-config.md). Key names follow arouteserver's where
 * one exists. Every problem is collected, not only the first, and named as {@code FILE:LINE: KEY: what is wrong};
 * unknown keys are errors (a typo must not silently turn a check off). A client's {@code filters} section overrides
 * the global one key by key.
 */
public final class ConfigLoader {
    static final Set<String> TOP = Set.of("asn", "router_id", "listen", "filters", "rpki", "irr", "peeringdb",
            "blackhole_filtering", "graceful_shutdown", "rfc1997_wellknown_communities", "informational_communities",
            "http", "mrt_dumps", "asns", "clients");
    private static final Set<String> FILTERS = Set.of("enabled", "reject_policy", "ipv4_pref_len", "ipv6_pref_len",
            "bogons", "global_black_list_pref", "max_as_path_len", "reject_invalid_as_in_as_path", "enforce_first_as",
            "next_hop", "transit_free", "never_via_route_servers", "irrdb", "rpki_bgp_origin_validation", "aspa",
            "max_prefix");
    private static final Set<String> CLIENT_FILTERS = Set.of("enabled", "reject_policy", "ipv4_pref_len",
            "ipv6_pref_len", "black_list_pref", "max_as_path_len", "reject_invalid_as_in_as_path",
            "enforce_first_as", "next_hop", "irrdb", "rpki_bgp_origin_validation", "rpki", "aspa", "max_prefix");
    private static final Set<String> CLIENT = Set.of("asn", "ip", "description", "password", "passive", "port",
            "hold_time", "gtsm", "add_path", "rfc8950", "blackhole_filtering", "graceful_shutdown", "filters");
    private static final Set<String> RANGE = Set.of("min", "max");
    private static final Set<String> PREFIX_RULE = Set.of("prefix", "length", "exact", "ge", "le", "comment");
    private static final Set<Long> DEFAULT_TRANSIT_FREE = Set.of(174L, 701L, 1299L, 2914L, 3257L, 3320L, 3356L,
            5511L, 6453L, 6461L, 6762L, 6830L, 7018L, 12956L);

    private final ConfigErrors errors;
    private final Path base;

    private ConfigLoader(String file, Path base) {
        this.errors = new ConfigErrors(file);
        this.base = base;
    }

    public static RouteServerConfig load(Path path) throws ConfigException {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(List.of(path + ": cannot read: " + e.getMessage()));
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(path.toString(), text, dir, path);
    }

    /** Parses configuration text; relative data paths resolve against {@code base}. */
    public static RouteServerConfig parse(String name, String text, Path base, Path source) throws ConfigException {
        ConfigLoader l = new ConfigLoader(name, base);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (IOException e) {
            throw new ConfigException(List.of(name + ": cannot read: " + e.getMessage()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(name + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        RouteServerConfig config = l.top(Section.root(l.errors, root, TOP), source);
        if (!l.errors.isEmpty()) {
            throw new ConfigException(l.errors.list());
        }
        return config;
    }

    private RouteServerConfig top(Section s, Path source) {
        s.missing("asn");
        s.missing("router_id");
        s.missing("listen");
        s.missing("clients");
        long asn = s.asn("asn", 0);
        Integer routerId = s.ipv4("router_id");
        List<InetSocketAddress> listen = s.list("listen", List.of(), this::socket);

        Section rpki = s.section("rpki", Set.of("vrp_files", "rtr"));
        List<Path> vrpFiles = rpki.list("vrp_files", List.of(), this::path);
        int[] position = {0};
        // Without an explicit preference, the order given is the preference (the first is preferred).
        List<RtrCache> rtr = rpki.list("rtr", List.of(), (n, where) -> {
            position[0]++;
            try {
                return RtrCache.parse(Section.scalar(n), position[0]);
            } catch (IllegalArgumentException e) {
                errors.add(n, where, e.getMessage());
                return null;
            }
        });
        Section irr = s.section("irr", Set.of("dumps"));
        List<Path> irrDumps = irr.list("dumps", List.of(), this::path);
        Section pdb = s.section("peeringdb", Set.of("file"));
        Path peeringDb = pdb.has("file") ? path(pdb.node("file"), pdb.where("file")) : null;
        DataSources sources = new DataSources(!vrpFiles.isEmpty() || !rtr.isEmpty(), !irrDumps.isEmpty(),
                peeringDb != null);

        FilterSettings global = filters(s.section("filters", FILTERS), defaults(sources), sources, false);
        Blackholing blackholing = blackholing(s.section("blackhole_filtering", Set.of("policy_ipv4", "policy_ipv6",
                "rewrite_next_hop_ipv4", "rewrite_next_hop_ipv6", "add_noexport", "announce_to_client")));
        Section gs = s.section("graceful_shutdown", Set.of("enabled", "local_pref", "drain_seconds"));
        GracefulShutdown gshut = new GracefulShutdown(gs.bool("enabled", true),
                gs.integer("drain_seconds", 0, 0, 3600));
        gs.integer("local_pref", 0, 0, 0);
        WellKnownPolicy wellKnown = s.section("rfc1997_wellknown_communities", Set.of("policy"))
                .choice("policy", WellKnownPolicy.PASS, WellKnownPolicy.class);
        Section http = s.section("http", Set.of("listen"));
        InetSocketAddress httpListen = http.has("listen") ? socket(http.node("listen"), http.where("listen")) : null;
        Section dumps = s.section("mrt_dumps", Set.of("directory", "interval"));
        RouteServerConfig.MrtDumps mrtDumps = null;
        if (dumps.has("directory")) {
            Path directory = base == null ? Path.of(dumps.string("directory", "")) : base.resolve(dumps.string(
                    "directory", ""));
            if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                dumps.error("directory", "not a writable directory: " + directory);
            }
            mrtDumps = new RouteServerConfig.MrtDumps(directory, dumps.duration("interval", Duration.ofHours(2)));
        } else if (dumps.has("interval")) {
            dumps.error("interval", "needs mrt_dumps.directory");
        }
        Map<Long, List<String>> asSetsByAs = asLevelAsSets(s);

        List<ClientConfig> clients = s.list("clients", List.of(), (n, where) -> client(
                s.sectionAt(n, where, CLIENT), global, sources, asSetsByAs, blackholing.announceToClients(),
                gshut.enabled()));
        checkDistinctAddresses(s, clients);
        if (!errors.isEmpty()) {
            return null;
        }
        return new RouteServerConfig(source, asn, routerId, listen, global, vrpFiles, rtr, irrDumps, peeringDb,
                blackholing, gshut, wellKnown, s.bool("informational_communities", true), httpListen, mrtDumps, clients);
    }

    /** Which data sources are configured: checks that need one default to on only when it is there. */
    private record DataSources(boolean vrps, boolean irr, boolean peeringDb) {
    }

    private static FilterSettings defaults(DataSources d) {
        return new FilterSettings(true, RejectPolicy.REJECT, new LengthRange(8, 24), new LengthRange(12, 48), true,
                List.of(), List.of(), 32, true, true, new NextHop(NextHopPolicy.STRICT, List.of()),
                new TransitFree(Action.REJECT, DEFAULT_TRANSIT_FREE),
                new NeverViaRouteServers(d.peeringDb(), Set.of()),
                new Irr(d.irr(), d.irr(), false, List.of()), new Rpki(d.vrps(), true), new Aspa(false, true),
                new MaxPrefix(MaxPrefixAction.RESTART, Duration.ofMinutes(15), null, null, true, 100, 15, 170_000,
                        12_000, false));
    }

    private FilterSettings filters(Section f, FilterSettings d, DataSources sources, boolean client) {
        boolean enabled = f.bool("enabled", d.enabled());
        RejectPolicy rejectPolicy = rejectPolicy(f, d.rejectPolicy());
        LengthRange v4 = range(f.section("ipv4_pref_len", RANGE), d.ipv4Length(), 32);
        LengthRange v6 = range(f.section("ipv6_pref_len", RANGE), d.ipv6Length(), 128);
        boolean bogons = f.bool("bogons", d.bogonPrefixes());
        List<PrefixRule> global = client ? d.globalBlockList()
                : f.list("global_black_list_pref", d.globalBlockList(), (n, w) -> prefixRule(f, n, w));
        List<PrefixRule> own = client ? f.list("black_list_pref", List.of(), (n, w) -> prefixRule(f, n, w))
                : List.of();
        int maxPath = f.integer("max_as_path_len", d.maxAsPathLength(), 1, 255);
        boolean invalidAsns = f.bool("reject_invalid_as_in_as_path", d.rejectInvalidAsns());
        boolean firstAs = f.bool("enforce_first_as", d.enforceFirstAs());

        Section nh = f.section("next_hop", client ? Set.of("policy", "authorized_addresses_list") : Set.of("policy"));
        NextHopPolicy nhPolicy = nh.choice("policy", d.nextHop().policy(), NextHopPolicy.class);
        List<InetAddress> authorized = nh.list("authorized_addresses_list", List.of(), nh::address);
        if (nhPolicy == NextHopPolicy.AUTHORIZED_ADDRESSES && client && authorized.isEmpty()) {
            nh.error("authorized_addresses_list", "policy authorized_addresses needs the list of addresses");
        }
        NextHop nextHop = new NextHop(nhPolicy, authorized);

        TransitFree transitFree = d.transitFree();
        if (!client) {
            Section tf = f.section("transit_free", Set.of("action", "asns"));
            transitFree = new TransitFree(tf.choice("action", d.transitFree().action(), Action.class),
                    new HashSet<>(tf.asnList("asns", List.copyOf(d.transitFree().asns()))));
        }
        NeverViaRouteServers never = d.neverViaRouteServers();
        if (!client) {
            Section nv = f.section("never_via_route_servers", Set.of("peering_db", "asns"));
            boolean pdb = nv.bool("peering_db", never.peeringDb());
            if (pdb && !sources.peeringDb() && nv.has("peering_db")) {
                nv.error("peering_db", "needs PeeringDB data: set peeringdb.file");
            }
            never = new NeverViaRouteServers(pdb && sources.peeringDb(),
                    new HashSet<>(nv.asnList("asns", List.of())));
        }

        Section irr = f.section("irrdb", client
                ? Set.of("as_sets", "enforce_origin_in_as_set", "enforce_prefix_in_as_set", "allow_longer_prefixes")
                : Set.of("enforce_origin_in_as_set", "enforce_prefix_in_as_set", "allow_longer_prefixes"));
        boolean origin = irr.bool("enforce_origin_in_as_set", d.irr().enforceOriginInAsSet());
        boolean prefix = irr.bool("enforce_prefix_in_as_set", d.irr().enforcePrefixInAsSet());
        if ((origin || prefix) && !sources.irr() && enabled) {
            irr.error(irr.has("enforce_origin_in_as_set") ? "enforce_origin_in_as_set" : "enforce_prefix_in_as_set",
                    "IRR checks need IRR data: set irr.dumps");
        }
        List<String> asSets = irr.list("as_sets", d.irr().asSets(), (n, w) -> Section.scalar(n).trim());
        Irr irrSettings = new Irr(origin, prefix, irr.bool("allow_longer_prefixes", d.irr().allowLongerPrefixes()),
                asSets);

        String rpkiKey = client && f.has("rpki") ? "rpki" : "rpki_bgp_origin_validation";
        Section rpki = f.section(rpkiKey, client ? Set.of("reject_invalid") : Set.of("enabled", "reject_invalid"));
        boolean rov = rpki.bool("enabled", d.rpki().enabled());
        if (rov && !sources.vrps() && rpki.has("enabled") && enabled) {
            rpki.error("enabled", "RPKI origin validation needs VRPs: set rpki.vrp_files or rpki.rtr");
        }
        Rpki rpkiSettings = new Rpki(rov, rpki.bool("reject_invalid", d.rpki().rejectInvalid()));
        Section aspa = f.section("aspa", client ? Set.of("reject_invalid") : Set.of("enabled", "reject_invalid"));
        boolean aspaOn = aspa.bool("enabled", d.aspa().enabled());
        if (aspaOn && !sources.vrps() && enabled) {
            aspa.error("enabled", "ASPA verification needs ASPA objects: set rpki.vrp_files (rpki-client JSON)");
        }
        Aspa aspaSettings = new Aspa(aspaOn, aspa.bool("reject_invalid", d.aspa().rejectInvalid()));

        return new FilterSettings(enabled, rejectPolicy, v4, v6, bogons, global, own, maxPath, invalidAsns, firstAs,
                nextHop, transitFree, never, irrSettings, rpkiSettings, aspaSettings,
                maxPrefix(f, d.maxPrefix(), client));
    }

    private RejectPolicy rejectPolicy(Section f, RejectPolicy dflt) {
        if (f.node("reject_policy") instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            return f.choice("reject_policy", dflt, RejectPolicy.class);
        }
        return f.section("reject_policy", Set.of("policy")).choice("policy", dflt, RejectPolicy.class);
    }

    private MaxPrefix maxPrefix(Section f, MaxPrefix d, boolean client) {
        Section m = f.section("max_prefix", client
                ? Set.of("action", "restart_after", "limit_ipv4", "limit_ipv6", "peering_db", "count_rejected_routes")
                : Set.of("action", "restart_after", "peering_db", "general_limit_ipv4", "general_limit_ipv6",
                "count_rejected_routes"));
        boolean pdb = d.peeringDb();
        int absolute = d.incrementAbsolute();
        int relative = d.incrementRelative();
        if (m.node("peering_db") instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            pdb = m.bool("peering_db", pdb);
        } else {
            Section p = m.section("peering_db", Set.of("enabled", "increment"));
            pdb = p.bool("enabled", pdb);
            Section inc = p.section("increment", Set.of("absolute", "relative"));
            absolute = inc.integer("absolute", absolute, 0, 10_000_000);
            relative = inc.integer("relative", relative, 0, 10_000);
        }
        Integer limit4 = m.has("limit_ipv4") ? Integer.valueOf(m.integer("limit_ipv4", 0, 0, 100_000_000)) : d.limitIpv4();
        Integer limit6 = m.has("limit_ipv6") ? Integer.valueOf(m.integer("limit_ipv6", 0, 0, 100_000_000)) : d.limitIpv6();
        return new MaxPrefix(m.choice("action", d.action(), MaxPrefixAction.class),
                m.duration("restart_after", d.restartAfter()), limit4, limit6, pdb, absolute,
                relative, m.integer("general_limit_ipv4", d.generalLimitIpv4(), 0, 100_000_000),
                m.integer("general_limit_ipv6", d.generalLimitIpv6(), 0, 100_000_000),
                m.bool("count_rejected_routes", d.countRejected()));
    }

    private LengthRange range(Section r, LengthRange d, int max) {
        int min = r.integer("min", d.min(), 0, max);
        int hi = r.integer("max", d.max(), 0, max);
        if (min > hi) r.error("min", "min " + min + " is above max " + hi);
        return new LengthRange(min, hi);
    }

    /** "192.0.2.0/24" (that prefix and its more specifics), or arouteserver's {prefix, length, exact, ge, le}. */
    private PrefixRule prefixRule(Section parent, Node n, String where) {
        if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
            Prefix p = parent.prefix(n, where);
            return p == null ? null : new PrefixRule(p, false, p.length(), p.isIpv6() ? 128 : 32, null);
        }
        Section r = parent.sectionAt(n, where, PREFIX_RULE);
        r.missing("prefix");
        String text = r.string("prefix", "");
        if (r.has("length")) text = text + "/" + r.integer("length", 0, 0, 128);
        Prefix p;
        try {
            p = Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            r.error("prefix", "expected a prefix (with 'length' or as ADDRESS/LEN), got '" + text + "'");
            return null;
        }
        int max = p.isIpv6() ? 128 : 32;
        int ge = r.integer("ge", p.length(), p.length(), max);
        int le = r.integer("le", max, ge, max);
        return new PrefixRule(p, r.bool("exact", false), ge, le, r.string("comment", null));
    }

    private Blackholing blackholing(Section b) {
        InetAddress nh4 = b.address("rewrite_next_hop_ipv4", null);
        InetAddress nh6 = b.address("rewrite_next_hop_ipv6", null);
        if (nh4 != null && nh4.getAddress().length != 4) b.error("rewrite_next_hop_ipv4", "expected an IPv4 address");
        if (nh6 != null && nh6.getAddress().length != 16) b.error("rewrite_next_hop_ipv6", "expected an IPv6 address");
        BlackholePolicy p4 = b.choice("policy_ipv4", nh4 != null ? BlackholePolicy.REWRITE_NEXT_HOP
                : BlackholePolicy.PROPAGATE_UNCHANGED, BlackholePolicy.class);
        BlackholePolicy p6 = b.choice("policy_ipv6", nh6 != null ? BlackholePolicy.REWRITE_NEXT_HOP
                : BlackholePolicy.PROPAGATE_UNCHANGED, BlackholePolicy.class);
        if (p4 == BlackholePolicy.REWRITE_NEXT_HOP && nh4 == null) {
            b.error("rewrite_next_hop_ipv4", "policy_ipv4 rewrite-next-hop needs this address");
        }
        if (p6 == BlackholePolicy.REWRITE_NEXT_HOP && nh6 == null) {
            b.error("rewrite_next_hop_ipv6", "policy_ipv6 rewrite-next-hop needs this address");
        }
        return new Blackholing(p4, p6, nh4, nh6, b.bool("add_noexport", true), b.bool("announce_to_client", true));
    }

    private Map<Long, List<String>> asLevelAsSets(Section s) {
        Map<Long, List<String>> out = new HashMap<>();
        Node n = s.node("asns");
        if (!(n instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
            if (n != null) s.error("asns", "expected a mapping of AS<number> to {as_sets: [...]}");
            return out;
        }
        for (var t : m.getValue()) {
            String key = Section.scalar(t.getKeyNode());
            Long asn = Section.parseAsn(key);
            String where = s.where("asns") + "." + key;
            if (asn == null) {
                s.errors().add(t.getKeyNode(), where, "expected AS<number>");
                continue;
            }
            Section as = s.sectionAt(t.getValueNode(), where, Set.of("as_sets"));
            out.put(asn, as.list("as_sets", List.of(), (v, w) -> Section.scalar(v).trim()));
        }
        return out;
    }

    private ClientConfig client(Section c, FilterSettings global, DataSources sources,
                                Map<Long, List<String>> asSetsByAs, boolean blackholeDefault, boolean gshutDefault) {
        c.missing("asn");
        c.missing("ip");
        long asn = c.asn("asn", 0);
        List<InetAddress> ips = c.list("ip", List.of(), c::address);
        int hold = c.integer("hold_time", 90, 0, 65535);
        if (hold == 1 || hold == 2) c.error("hold_time", "must be 0 or at least 3");
        FilterSettings withAsLevelSets = global;
        if (asSetsByAs.containsKey(asn)) {
            Irr i = global.irr();
            withAsLevelSets = withIrr(global, new Irr(i.enforceOriginInAsSet(), i.enforcePrefixInAsSet(),
                    i.allowLongerPrefixes(), asSetsByAs.get(asn)));
        }
        FilterSettings filters = filters(c.section("filters", CLIENT_FILTERS), withAsLevelSets, sources, true);
        Section bh = c.section("blackhole_filtering", Set.of("announce_to_client"));
        Section gs = c.section("graceful_shutdown", Set.of("enabled"));
        return new ClientConfig(asn, ips, c.string("description", null), c.string("password", null),
                c.bool("passive", true), c.integer("port", 179, 1, 65535), hold, c.bool("gtsm", false),
                c.bool("add_path", false), c.bool("rfc8950", false), bh.bool("announce_to_client", blackholeDefault),
                gs.bool("enabled", gshutDefault), filters);
    }

    private static FilterSettings withIrr(FilterSettings f, Irr irr) {
        return new FilterSettings(f.enabled(), f.rejectPolicy(), f.ipv4Length(), f.ipv6Length(), f.bogonPrefixes(),
                f.globalBlockList(), f.clientBlockList(), f.maxAsPathLength(), f.rejectInvalidAsns(),
                f.enforceFirstAs(), f.nextHop(), f.transitFree(), f.neverViaRouteServers(), irr, f.rpki(), f.aspa(),
                f.maxPrefix());
    }

    private void checkDistinctAddresses(Section s, List<ClientConfig> clients) {
        Set<InetAddress> seen = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            for (InetAddress ip : clients.get(i).ips()) {
                if (!seen.add(ip)) {
                    s.error("clients", "clients[" + i + "]: address " + ip.getHostAddress()
                            + " belongs to another client too");
                }
            }
        }
    }

    private Path path(Node n, String where) {
        String s = Section.scalar(n).trim();
        if (s.isEmpty()) {
            errors.add(n, where, "expected a file path");
            return null;
        }
        Path p = base == null ? Path.of(s) : base.resolve(s);
        if (!Files.isReadable(p)) {
            errors.add(n, where, "cannot read " + p);
        }
        return p;
    }

    private InetSocketAddress socket(Node n, String where) {
        String s = Section.scalar(n);
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
        errors.add(n, where, "expected ADDRESS:PORT (IPv6 as [ADDRESS]:PORT), got '" + s + "'");
        return null;
    }
}
