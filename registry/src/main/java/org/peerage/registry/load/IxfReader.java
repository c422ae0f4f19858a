package org.peerage.registry.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;

/**
 * Maps a Euro-IX IX-F member export (schema 0.6 to 1.x) onto the PeeringDB model, so queries need not care where a
 * member came from: each IXP of {@code ixp_list} becomes an ix with its VLANs (ixlan), their prefixes (ixpfx) and
 * the PeeringDB facilities of its switches (ixfac); each member a net, and each of its addresses on a VLAN a
 * netixlan carrying the port speed (sum of the connection's interfaces), route-server flag and state. Every row
 * keeps the IX-F element it came from under {@code "ixf"} in its raw JSON.
 *
 * <p>Each IXP is a source of its own ({@code ixf:peeringdb:<id>}, {@code ixf:ixf:<id>}, or, for an export naming
 * neither id, {@code ixf:file:<file name>}): importing it again replaces what it said before.
 */
public final class IxfReader {
    private static final Pattern SUPPORTED = Pattern.compile("0\\.[6-9]|1\\.\\d+");
    /** The types an export states in full for its exchange. */
    public static final Set<ObjectType> STATED = EnumSet.of(ObjectType.IX, ObjectType.IXLAN, ObjectType.IXPFX,
            ObjectType.IXFAC, ObjectType.NET, ObjectType.NETIXLAN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The export's version and timestamp, one import unit per IXP, and what was noticed but accepted. */
    public record Export(String version, String timestamp, List<ImportUnit> units, List<String> warnings) {
    }

    private IxfReader() {
    }

    /**
     * @param fileStem the file's name without directory and extension, naming exchanges that carry no id
     */
    public static Export read(ObjectNode doc, String fileStem, ExchangeIds ids) throws BadElementException {
        List<String> warnings = new ArrayList<>();
        String version = version(doc, warnings);
        String timestamp = optionalText(doc, "timestamp", "$");
        JsonNode ixpList = doc.get("ixp_list");
        if (ixpList == null || !ixpList.isArray() || ixpList.isEmpty()) {
            throw new BadElementException("$.ixp_list", ixpList == null ? "missing: an IX-F export names its IXPs "
                    + "there" : "expected a non-empty array, got " + Json.describe(ixpList));
        }
        Map<Long, Exchange> exchanges = new LinkedHashMap<>();
        for (int i = 0; i < ixpList.size(); i++) {
            String path = "$.ixp_list[" + i + "]";
            Exchange x = exchange(object(ixpList.get(i), path), path, fileStem, ixpList.size() > 1, ids, warnings);
            if (exchanges.putIfAbsent(x.ixpId, x) != null) {
                throw new BadElementException(path + ".ixp_id", "duplicate ixp_id " + x.ixpId);
            }
        }
        JsonNode members = doc.get("member_list");
        if (members == null) {
            warnings.add("$.member_list: missing; the export lists no members");
        } else if (!members.isArray()) {
            throw new BadElementException("$.member_list", "expected an array, got " + Json.describe(members));
        } else {
            for (int i = 0; i < members.size(); i++) {
                String path = "$.member_list[" + i + "]";
                member(object(members.get(i), path), path, exchanges, warnings);
            }
        }
        List<ImportUnit> units = new ArrayList<>();
        for (Exchange x : exchanges.values()) {
            units.add(x.unit());
        }
        return new Export(version, timestamp, units, warnings);
    }

    private static String version(ObjectNode doc, List<String> warnings) throws BadElementException {
        JsonNode v = doc.get("version");
        if (v == null) {
            warnings.add("$.version: missing; read as schema 1.0");
            return "1.0";
        }
        if (!v.isTextual() || !SUPPORTED.matcher(v.textValue()).matches()) {
            throw new BadElementException("$.version", "unsupported IX-F schema version " + Json.describe(v)
                    + " (supported: 0.6 to 1.x)");
        }
        return v.textValue();
    }

    /** One IXP of the export and the rows gathered for it. */
    private static final class Exchange {
        final long ixpId;
        final String source;
        final long ixId;
        final RowCollector rows = new RowCollector();
        final Set<Long> vlans = new HashSet<>();
        final List<Long> declaredVlans = new ArrayList<>();
        final Map<Long, Long> netIds = new HashMap<>();
        final Map<String, String> ports = new HashMap<>();

        Exchange(long ixpId, String source, long ixId) {
            this.ixpId = ixpId;
            this.source = source;
            this.ixId = ixId;
            STATED.forEach(rows::stated);
        }

        long ixlanId(long vlanId) {
            return SyntheticId.of(source, "ixlan", vlanId);
        }

        /** A VLAN that members use but the IXP entry does not list still needs its ixlan. */
        void ensureVlan(long vlanId, String path) throws BadElementException {
            if (vlans.add(vlanId)) {
                ObjectNode lan = NODES.objectNode();
                lan.put("id", ixlanId(vlanId));
                lan.put("ix_id", ixId);
                lan.put("status", "ok");
                lan.putObject("ixf").put("id", vlanId);
                rows.add(ObjectType.IXLAN, lan, path);
            }
        }

        ImportUnit unit() {
            return rows.unit(source);
        }
    }

    private static Exchange exchange(ObjectNode ixp, String path, String fileStem, boolean several, ExchangeIds ids,
            List<String> warnings) throws BadElementException {
        long ixpId = requiredInt(ixp, "ixp_id", path);
        Long peeringdbId = optionalInt(ixp, "peeringdb_id", path);
        Long ixfId = optionalInt(ixp, "ixf_id", path);
        String source;
        if (peeringdbId != null) {
            source = "ixf:peeringdb:" + peeringdbId;
        } else if (ixfId != null) {
            source = "ixf:ixf:" + ixfId;
        } else {
            source = "ixf:file:" + fileStem + (several ? "#" + ixpId : "");
            warnings.add(path + ": neither peeringdb_id nor ixf_id; the exchange is known by the file name as "
                    + source);
        }
        String shortname = optionalText(ixp, "shortname", path);
        String name = optionalText(ixp, "name", path);
        long ixId = ids.idFor(source, peeringdbId == null ? OptionalLong.empty() : OptionalLong.of(peeringdbId));
        Exchange x = new Exchange(ixpId, source, ixId);

        ObjectNode ix = NODES.objectNode();
        ix.put("id", ixId);
        ix.put("name", shortname != null ? shortname : name != null ? name : fileStem);
        ix.put("name_long", name);
        ix.put("country", optionalText(ixp, "country", path));
        ix.put("website", optionalText(ixp, "url", path));
        ix.put("status", "ok");
        ix.set("ixf", ixp);
        x.rows.add(ObjectType.IX, ix, path);

        JsonNode vlanList = ixp.get("vlan");
        if (vlanList != null && !vlanList.isNull()) {
            if (!vlanList.isArray()) {
                throw new BadElementException(path + ".vlan", "expected an array, got " + Json.describe(vlanList));
            }
            for (int i = 0; i < vlanList.size(); i++) {
                vlan(x, object(vlanList.get(i), path + ".vlan[" + i + "]"), path + ".vlan[" + i + "]");
            }
        }
        JsonNode switches = ixp.get("switch");
        if (switches != null && switches.isArray()) {
            Set<Long> facilities = new HashSet<>();
            for (int i = 0; i < switches.size(); i++) {
                String switchPath = path + ".switch[" + i + "]";
                Long facId = optionalInt(object(switches.get(i), switchPath), "pdb_facility_id", switchPath);
                if (facId != null && facilities.add(facId)) {
                    ObjectNode ixfac = NODES.objectNode();
                    ixfac.put("id", SyntheticId.of(source, "ixfac", facId));
                    ixfac.put("ix_id", ixId);
                    ixfac.put("fac_id", facId);
                    ixfac.put("status", "ok");
                    ixfac.set("ixf", switches.get(i));
                    x.rows.add(ObjectType.IXFAC, ixfac, switchPath);
                }
            }
        }
        return x;
    }

    private static void vlan(Exchange x, ObjectNode vlan, String path) throws BadElementException {
        long vlanId = requiredInt(vlan, "id", path);
        if (!x.vlans.add(vlanId)) {
            throw new BadElementException(path + ".id", "duplicate vlan id " + vlanId);
        }
        x.declaredVlans.add(vlanId);
        ObjectNode lan = NODES.objectNode();
        lan.put("id", x.ixlanId(vlanId));
        lan.put("ix_id", x.ixId);
        lan.put("name", optionalText(vlan, "name", path));
        lan.put("status", "ok");
        lan.set("ixf", vlan);
        x.rows.add(ObjectType.IXLAN, lan, path);
        for (String family : List.of("ipv4", "ipv6")) {
            JsonNode f = vlan.get(family);
            if (f == null || f.isNull()) {
                continue;
            }
            String familyPath = path + "." + family;
            String prefix = vlanPrefix(object(f, familyPath), familyPath, family.equals("ipv6"));
            if (prefix == null) {
                continue;
            }
            ObjectNode pfx = NODES.objectNode();
            pfx.put("id", SyntheticId.of(x.source, "ixpfx", vlanId, family));
            pfx.put("ixlan_id", x.ixlanId(vlanId));
            pfx.put("protocol", family.equals("ipv4") ? "IPv4" : "IPv6");
            pfx.put("prefix", prefix);
            pfx.put("status", "ok");
            x.rows.add(ObjectType.IXPFX, pfx, familyPath);
        }
    }

    /** "prefix" with "mask_length" (or "mask"), or "prefix" in CIDR notation; null when the export gives none. */
    private static String vlanPrefix(ObjectNode f, String path, boolean ipv6) throws BadElementException {
        String text = optionalText(f, "prefix", path);
        if (text == null) {
            return null;
        }
        Long mask = optionalInt(f, "mask_length", path);
        if (mask == null) {
            mask = optionalInt(f, "mask", path);
        }
        String cidr = text.contains("/") ? text : mask == null ? null : text + "/" + mask;
        if (cidr == null) {
            throw new BadElementException(path + ".mask_length", "missing: the prefix " + text + " needs a length");
        }
        try {
            Prefix p = Prefix.parse(cidr);
            if (p.isIpv6() != ipv6) {
                throw new BadElementException(path + ".prefix", "not an " + (ipv6 ? "IPv6" : "IPv4") + " prefix: "
                        + cidr);
            }
            return p.toString();
        } catch (IllegalArgumentException e) {
            throw new BadElementException(path + ".prefix", "not an IP prefix: " + cidr);
        }
    }

    private static void member(ObjectNode member, String path, Map<Long, Exchange> exchanges,
            List<String> warnings) throws BadElementException {
        long asn = requiredInt(member, "asnum", path);
        if (asn < 1 || asn > 0xFFFF_FFFFL) {
            throw new BadElementException(path + ".asnum", "AS number out of range: " + asn);
        }
        ObjectNode net = NODES.objectNode();
        net.put("asn", asn);
        net.put("name", optionalText(member, "name", path));
        net.put("website", optionalText(member, "url", path));
        net.put("policy_general", policy(optionalText(member, "peering_policy", path)));
        ObjectNode memberCopy = member.deepCopy();
        memberCopy.remove("connection_list");
        JsonNode connections = member.get("connection_list");
        List<ObjectNode> connectionList = new ArrayList<>();
        if (connections != null && !connections.isNull()) {
            if (!connections.isArray()) {
                throw new BadElementException(path + ".connection_list", "expected an array, got "
                        + Json.describe(connections));
            }
            for (int i = 0; i < connections.size(); i++) {
                connectionList.add(object(connections.get(i), path + ".connection_list[" + i + "]"));
            }
        }
        boolean connected = false;
        Set<Exchange> memberOf = new HashSet<>();
        for (int c = 0; c < connectionList.size(); c++) {
            ObjectNode connection = connectionList.get(c);
            String connectionPath = path + ".connection_list[" + c + "]";
            long ixpId = requiredInt(connection, "ixp_id", connectionPath);
            Exchange x = exchanges.get(ixpId);
            if (x == null) {
                throw new BadElementException(connectionPath + ".ixp_id", "no IXP " + ixpId + " in $.ixp_list");
            }
            if (memberOf.add(x) && !x.netIds.containsKey(asn)) {
                addNet(x, asn, net, memberCopy, connectionList, path);
            }
            connected = true;
            connection(x, asn, connection, connectionPath, warnings);
        }
        if (!connected && exchanges.size() == 1) {
            Exchange only = exchanges.values().iterator().next();
            if (!only.netIds.containsKey(asn)) {
                addNet(only, asn, net, memberCopy, connectionList, path);
            }
        }
    }

    private static void addNet(Exchange x, long asn, ObjectNode net, ObjectNode member, List<ObjectNode> connections,
            String path) throws BadElementException {
        ObjectNode row = net.deepCopy();
        long id = SyntheticId.of(x.source, "net", asn);
        row.put("id", id);
        // The first AS-SET and max-prefix the member gives for each family stand for its PeeringDB fields.
        for (ObjectNode connection : connections) {
            JsonNode vlans = connection.get("vlan_list");
            if (vlans == null || !vlans.isArray()) {
                continue;
            }
            for (JsonNode vlan : vlans) {
                for (String family : List.of("ipv4", "ipv6")) {
                    JsonNode f = vlan.get(family);
                    if (f == null || !f.isObject()) {
                        continue;
                    }
                    if (!row.hasNonNull("irr_as_set") && f.path("as_macro").isTextual()) {
                        row.put("irr_as_set", f.get("as_macro").textValue());
                    }
                    String field = family.equals("ipv4") ? "info_prefixes4" : "info_prefixes6";
                    if (!row.hasNonNull(field) && f.path("max_prefix").isIntegralNumber()) {
                        row.put(field, f.get("max_prefix").longValue());
                    }
                }
            }
        }
        row.put("status", "ok");
        row.set("ixf", member);
        x.netIds.put(asn, id);
        x.rows.add(ObjectType.NET, row, path);
    }

    private static void connection(Exchange x, long asn, ObjectNode connection, String path, List<String> warnings)
            throws BadElementException {
        String state = optionalText(connection, "state", path);
        Long speed = null;
        JsonNode ifList = connection.get("if_list");
        if (ifList != null && ifList.isArray()) {
            for (int i = 0; i < ifList.size(); i++) {
                String ifPath = path + ".if_list[" + i + "]";
                Long s = optionalInt(object(ifList.get(i), ifPath), "if_speed", ifPath);
                if (s != null) {
                    if (s < 0) {
                        throw new BadElementException(ifPath + ".if_speed", "negative speed " + s);
                    }
                    speed = (speed == null ? 0 : speed) + s;
                }
            }
        }
        JsonNode vlanList = connection.get("vlan_list");
        if (vlanList == null || vlanList.isNull()) {
            return;
        }
        if (!vlanList.isArray()) {
            throw new BadElementException(path + ".vlan_list", "expected an array, got " + Json.describe(vlanList));
        }
        ObjectNode connectionCopy = connection.deepCopy();
        connectionCopy.remove("vlan_list");
        // A member entry without vlan_id is on the exchange's VLAN when it declares exactly one.
        long defaultVlan = x.declaredVlans.size() == 1 ? x.declaredVlans.getFirst() : 0;
        for (Port port : ports(vlanList, path + ".vlan_list", defaultVlan)) {
            x.ensureVlan(port.vlanId, port.path);
            String key = asn + "|" + port.vlanId + "|" + port.ipv4 + "|" + port.ipv6;
            String before = x.ports.putIfAbsent(key, port.path);
            if (before != null) {
                warnings.add(port.path + ": the same port as " + before + " (kept the first)");
                continue;
            }
            ObjectNode row = NODES.objectNode();
            row.put("id", SyntheticId.of(x.source, "netixlan", key));
            row.put("net_id", x.netIds.get(asn));
            row.put("ix_id", x.ixId);
            row.put("ixlan_id", x.ixlanId(port.vlanId));
            row.put("asn", asn);
            row.put("ipaddr4", port.ipv4);
            row.put("ipaddr6", port.ipv6);
            row.put("is_rs_peer", port.routeServer);
            row.put("speed", speed);
            row.put("operational", state == null || Set.of("active", "connected", "operational")
                    .contains(state.toLowerCase(Locale.ROOT)));
            row.put("status", "ok");
            ObjectNode ixf = row.putObject("ixf");
            ixf.set("connection", connectionCopy);
            ArrayNode vlans = ixf.putArray("vlan_list");
            port.elements.forEach(vlans::add);
            x.rows.add(ObjectType.NETIXLAN, row, port.path);
        }
    }

    /** One member address pair on a VLAN, from one vlan_list element or two. */
    private record Port(long vlanId, String ipv4, String ipv6, Boolean routeServer, List<JsonNode> elements,
            String path) {
    }

    /**
     * Schema 0.6 exports often list a port's IPv4 and IPv6 addresses as two vlan_list elements; the n-th IPv4-only
     * element of a VLAN is paired with its n-th IPv6-only element, as PeeringDB shows them as one netixlan.
     */
    private static List<Port> ports(JsonNode vlanList, String path, long defaultVlan) throws BadElementException {
        List<Port> ports = new ArrayList<>();
        Map<Long, List<Integer>> v4Only = new LinkedHashMap<>();
        Map<Long, List<Integer>> v6Only = new LinkedHashMap<>();
        List<Port> singles = new ArrayList<>();
        for (int i = 0; i < vlanList.size(); i++) {
            String p = path + "[" + i + "]";
            ObjectNode vlan = object(vlanList.get(i), p);
            Long vlanId = optionalInt(vlan, "vlan_id", p);
            long id = vlanId == null ? defaultVlan : vlanId;
            Family v4 = family(vlan, "ipv4", p, 4);
            Family v6 = family(vlan, "ipv6", p, 16);
            Port port = new Port(id, v4 == null ? null : v4.address, v6 == null ? null : v6.address,
                    routeServer(v4, v6), List.of(vlan), p);
            singles.add(port);
            if (v4 != null && v6 == null) {
                v4Only.computeIfAbsent(id, k -> new ArrayList<>()).add(singles.size() - 1);
            } else if (v6 != null && v4 == null) {
                v6Only.computeIfAbsent(id, k -> new ArrayList<>()).add(singles.size() - 1);
            }
        }
        Set<Integer> paired = new HashSet<>();
        Map<Integer, Port> merged = new HashMap<>();
        for (var e : v4Only.entrySet()) {
            List<Integer> sixes = v6Only.getOrDefault(e.getKey(), List.of());
            for (int n = 0; n < Math.min(e.getValue().size(), sixes.size()); n++) {
                Port a = singles.get(e.getValue().get(n));
                Port b = singles.get(sixes.get(n));
                Boolean rs = a.routeServer == null ? b.routeServer : b.routeServer == null ? a.routeServer
                        : Boolean.valueOf(a.routeServer || b.routeServer);
                merged.put(e.getValue().get(n), new Port(a.vlanId, a.ipv4, b.ipv6, rs,
                        List.of(a.elements.getFirst(), b.elements.getFirst()), a.path));
                paired.add(sixes.get(n));
            }
        }
        for (int i = 0; i < singles.size(); i++) {
            if (paired.contains(i)) {
                continue;
            }
            Port p = merged.getOrDefault(i, singles.get(i));
            if (p.ipv4 != null || p.ipv6 != null) {
                ports.add(p);
            }
        }
        return ports;
    }

    private record Family(String address, Boolean routeServer) {
    }

    private static Family family(ObjectNode vlan, String name, String path, int bytes) throws BadElementException {
        JsonNode f = vlan.get(name);
        if (f == null || f.isNull()) {
            return null;
        }
        String p = path + "." + name;
        ObjectNode o = object(f, p);
        String address = optionalText(o, "address", p);
        if (address == null) {
            return null;
        }
        try {
            if (InetText.parseAddress(address).length != bytes) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BadElementException(p + ".address", "not an " + (bytes == 4 ? "IPv4" : "IPv6")
                    + " address: " + Json.describe(o.get("address")));
        }
        optionalText(o, "as_macro", p);
        Long maxPrefix = optionalInt(o, "max_prefix", p);
        if (maxPrefix != null && maxPrefix < 0) {
            throw new BadElementException(p + ".max_prefix", "negative max_prefix " + maxPrefix);
        }
        JsonNode rs = o.get("routeserver");
        if (rs != null && !rs.isNull() && !rs.isBoolean()) {
            throw new BadElementException(p + ".routeserver", "expected true or false, got " + Json.describe(rs));
        }
        return new Family(address, rs == null || rs.isNull() ? null : rs.booleanValue());
    }

    private static Boolean routeServer(Family v4, Family v6) {
        Boolean a = v4 == null ? null : v4.routeServer;
        Boolean b = v6 == null ? null : v6.routeServer;
        return a == null ? b : b == null ? a : Boolean.valueOf(a || b);
    }

    /** IX-F policies in PeeringDB's words. */
    private static String policy(String ixf) {
        if (ixf == null) {
            return null;
        }
        return switch (ixf.toLowerCase(Locale.ROOT)) {
            case "open" -> "Open";
            case "selective" -> "Selective";
            case "case-by-case" -> "Restrictive";
            case "closed" -> "No";
            default -> null;
        };
    }

    private static ObjectNode object(JsonNode n, String path) throws BadElementException {
        if (n instanceof ObjectNode o) {
            return o;
        }
        throw new BadElementException(path, "expected an object, got " + Json.describe(n));
    }

    private static long requiredInt(ObjectNode o, String field, String path) throws BadElementException {
        Long v = optionalInt(o, field, path);
        if (v == null) {
            throw new BadElementException(path + "." + field, "missing required field");
        }
        return v;
    }

    private static Long optionalInt(ObjectNode o, String field, String path) throws BadElementException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return RowBuilder.integer(v, path + "." + field);
    }

    private static String optionalText(ObjectNode o, String field, String path) throws BadElementException {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadElementException(path + "." + field, "expected a string, got " + Json.describe(v));
        }
        return v.textValue();
    }
}
