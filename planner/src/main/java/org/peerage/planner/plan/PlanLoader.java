package org.peerage.planner.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.peerage.planner.plan.Plan.Inputs;
import org.peerage.planner.plan.Plan.Ixp;
import org.peerage.planner.plan.Plan.Measure;
import org.peerage.planner.plan.Plan.Pop;
import org.peerage.planner.plan.Plan.PrivateInterconnect;
import org.peerage.planner.plan.Plan.RemoteOffer;
import org.peerage.planner.plan.Plan.Settings;
import org.peerage.planner.plan.Plan.Transit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a plan file (docs/plan.md). Every problem is collected and named {@code FILE:LINE: KEY: what is wrong};
 * unknown keys are errors. Relative paths resolve against the plan file's directory.
 */
public final class PlanLoader {
    static final Set<String> TOP = Set.of("asn", "name", "currency", "pops", "transit", "ixps", "remote_peering",
            "private_interconnect", "inputs", "settings");
    static final Set<String> POP = Set.of("name", "latitude", "longitude", "traffic_share", "facilities");
    static final Set<String> TRANSIT = Set.of("name", "asn", "price_per_mbps", "commit_mbps",
            "burst_price_per_mbps", "fixed_monthly", "measure");
    static final Set<String> IXP = Set.of("name", "registry_id", "registry_name", "port_mbps", "port_monthly",
            "colocation_monthly", "cross_connect_monthly", "transport_monthly", "equipment_monthly",
            "session_monthly", "route_server", "member");
    static final Set<String> REMOTE = Set.of("reseller", "ixps", "monthly", "per_mbps", "port_mbps");
    static final Set<String> PNI = Set.of("cross_connect_monthly", "port_monthly", "port_mbps", "share");
    static final Set<String> INPUTS = Set.of("traffic", "routing_table", "routing_peer", "registry",
            "customer_cones");
    static final Set<String> SETTINGS = Set.of("port_utilisation", "policies", "top_candidates", "exact_limit");
    static final Set<String> POLICIES = Set.of("open", "selective", "restrictive", "no", "unknown");
    private static final double MONEY = 1e12;

    private final YamlSection.Errors errors;
    private final Path base;

    private PlanLoader(String file, Path base) {
        this.errors = new YamlSection.Errors(file);
        this.base = base;
    }

    public static Plan load(Path path) throws PlanException {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new PlanException(List.of(path + ": cannot read: " + e.getMessage()));
        }
        return parse(path.toString(), text, path.toAbsolutePath().getParent());
    }

    public static Plan parse(String name, String text, Path base) throws PlanException {
        PlanLoader l = new PlanLoader(name, base);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (IOException e) {
            throw new PlanException(List.of(name + ": cannot read: " + e.getMessage()));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new PlanException(List.of(name + ":" + (m == null ? 0 : m.getLine() + 1) + ": not valid YAML: "
                    + e.getProblem()));
        } catch (YAMLException e) {
            throw new PlanException(List.of(name + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        if (root == null) {
            throw new PlanException(List.of(name + ":0: the file is empty"));
        }
        Plan plan = l.top(new YamlSection(l.errors, "", root, TOP), Path.of(name));
        if (!l.errors.list().isEmpty()) {
            throw new PlanException(l.errors.list());
        }
        return plan;
    }

    private Plan top(YamlSection s, Path file) {
        s.require("asn", "pops", "transit", "inputs");
        long asn = s.asn("asn", 0);
        String name = s.string("name", "AS" + asn);
        String currency = s.string("currency", "USD");

        List<Pop> pops = s.list("pops", (n, w) -> pop(s.at(n, w, POP)));
        Set<String> popNames = new HashSet<>();
        for (int i = 0; i < pops.size(); i++) {
            if (!popNames.add(pops.get(i).name())) {
                errors.add(null, "pops[" + i + "].name", "'" + pops.get(i).name() + "' given twice");
            }
        }
        if (s.has("pops") && pops.isEmpty()) s.error("pops", "needs at least one point of presence");
        // Shares not given are split equally among the PoPs without one; given ones must not exceed 1.
        double given = pops.stream().filter(p -> !Double.isNaN(p.share())).mapToDouble(Pop::share).sum();
        long without = pops.stream().filter(p -> Double.isNaN(p.share())).count();
        if (given > 1.000001) s.error("pops", "traffic_share values add up to " + given + ", more than 1");
        List<Pop> shared = new ArrayList<>();
        for (Pop p : pops) {
            double share = Double.isNaN(p.share()) ? (without == 0 ? 0 : Math.max(0, 1 - given) / without)
                    : (without == 0 && given > 0 ? p.share() / given : p.share());
            shared.add(new Pop(p.name(), p.latitude(), p.longitude(), share, p.facilities(), p.line()));
        }

        List<Transit> transit = s.list("transit", (n, w) -> transit(s.at(n, w, TRANSIT)));
        if (s.has("transit") && transit.isEmpty()) s.error("transit", "needs at least one transit contract");
        Set<Long> providers = new HashSet<>();
        for (Transit t : transit) {
            if (!providers.add(t.asn())) errors.add(null, "transit", "AS" + t.asn() + " has two contracts");
            if (t.asn() == asn) errors.add(null, "transit", "AS" + t.asn() + " is our own AS");
        }

        List<Ixp> ixps = s.list("ixps", (n, w) -> ixp(s.at(n, w, IXP)));
        Set<String> ixpNames = new HashSet<>();
        for (Ixp x : ixps) {
            if (!ixpNames.add(x.name())) errors.add(null, "ixps", "'" + x.name() + "' given twice");
        }
        List<RemoteOffer> remote = s.list("remote_peering", (n, w) -> {
            YamlSection r = s.at(n, w, REMOTE);
            RemoteOffer o = remote(r);
            for (String x : o.ixps()) {
                if (!ixpNames.contains(x)) r.error("ixps", "'" + x + "' is not one of the ixps");
            }
            return o;
        });
        YamlSection p = s.section("private_interconnect", PNI);
        PrivateInterconnect pni = new PrivateInterconnect(p.number("cross_connect_monthly", 300, 0, MONEY),
                p.number("port_monthly", 500, 0, MONEY), p.number("port_mbps", 10_000, 1, 1e9),
                p.number("share", 0.5, 0, 1));

        YamlSection in = s.section("inputs", INPUTS);
        in.require("traffic", "registry");
        Path traffic = path(in, "traffic", true);
        Path registry = path(in, "registry", false);
        Optional<Path> rib = in.has("routing_table") ? Optional.ofNullable(path(in, "routing_table", false))
                : Optional.empty();
        boolean inferCones = "infer".equals(in.string("customer_cones", null));
        Optional<Path> cones = in.has("customer_cones") && !inferCones
                ? Optional.ofNullable(path(in, "customer_cones", false)) : Optional.empty();
        if (inferCones && rib.isEmpty()) {
            in.error("customer_cones", "infer needs inputs.routing_table (the AS paths to infer them from)");
        }
        Optional<String> ribPeer = Optional.ofNullable(in.string("routing_peer", null));
        if (ribPeer.isPresent() && rib.isEmpty()) in.error("routing_peer", "needs inputs.routing_table");

        YamlSection st = s.section("settings", SETTINGS);
        List<String> policies = st.has("policies") ? st.list("policies", (n, w) -> {
            String v = YamlSection.scalar(n).trim().toLowerCase(Locale.ROOT);
            if (!POLICIES.contains(v)) {
                errors.add(n, w, "expected one of " + String.join(", ", POLICIES.stream().sorted().toList())
                        + ", got '" + YamlSection.scalar(n) + "'");
                return null;
            }
            return v;
        }) : List.of("open", "selective", "unknown");
        Settings settings = new Settings(st.number("port_utilisation", 0.75, 0.01, 1), policies,
                (int) st.whole("top_candidates", 15, 1, 10_000), (int) st.whole("exact_limit", 30, 0, 40));
        return new Plan(file, asn, name, currency, shared, transit, ixps, remote, pni,
                new Inputs(traffic, rib, ribPeer, registry, cones, inferCones), settings);
    }

    private Path path(YamlSection s, String key, boolean directory) {
        String v = s.string(key, null);
        if (v == null) return null;
        Path p = base == null ? Path.of(v) : base.resolve(v);
        if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
            s.error(key, (directory ? "not a directory: " : "no such file: ") + p);
        }
        return p;
    }

    private Pop pop(YamlSection s) {
        s.require("name", "latitude", "longitude");
        List<Long> facilities = s.list("facilities", (n, w) -> {
            try {
                return Long.parseLong(YamlSection.scalar(n).trim());
            } catch (NumberFormatException e) {
                errors.add(n, w, "expected a PeeringDB facility id, got '" + YamlSection.scalar(n) + "'");
                return null;
            }
        });
        return new Pop(s.string("name", "?"), s.number("latitude", 0, -90, 90), s.number("longitude", 0, -180, 180),
                s.has("traffic_share") ? s.number("traffic_share", 0, 0, 1) : Double.NaN, facilities, s.line());
    }

    private Transit transit(YamlSection s) {
        s.require("asn", "price_per_mbps");
        long asn = s.asn("asn", 0);
        return new Transit(s.string("name", "AS" + asn), asn, s.number("price_per_mbps", 0, 0, MONEY),
                s.number("commit_mbps", 0, 0, 1e9), s.optionalNumber("burst_price_per_mbps", 0, MONEY),
                s.number("fixed_monthly", 0, 0, MONEY), s.choice("measure", Measure.MAX_OF_P95, Measure.class),
                s.line());
    }

    private Ixp ixp(YamlSection s) {
        s.require("name", "port_mbps", "port_monthly");
        Long id = s.has("registry_id") ? s.whole("registry_id", 0, Long.MIN_VALUE, Long.MAX_VALUE) : null;
        String registryName = s.string("registry_name", null);
        String name = s.string("name", "?");
        return new Ixp(name, id, registryName == null && id == null ? name : registryName,
                s.number("port_mbps", 10_000, 1, 1e9), s.number("port_monthly", 0, 0, MONEY),
                s.number("colocation_monthly", 0, 0, MONEY), s.number("cross_connect_monthly", 0, 0, MONEY),
                s.number("transport_monthly", 0, 0, MONEY), s.number("equipment_monthly", 0, 0, MONEY),
                s.number("session_monthly", 0, 0, MONEY), s.bool("route_server", true), s.bool("member", false),
                s.line());
    }

    private RemoteOffer remote(YamlSection s) {
        s.require("reseller", "ixps", "monthly", "per_mbps");
        return new RemoteOffer(s.string("reseller", "?"), s.list("ixps", (n, w) -> YamlSection.scalar(n).trim()),
                s.number("monthly", 0, 0, MONEY), s.number("per_mbps", 0, 0, MONEY), s.number("port_mbps", 1000, 1,
                1e9), s.line());
    }
}
