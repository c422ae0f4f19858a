package org.peerage.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.peerage.bgp.wire.InetText;
import org.peerage.registry.load.Json;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.model.CommonPresence;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.ExchangeDetail;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.GeoPoint;
import org.peerage.registry.model.ImportLogEntry;
import org.peerage.registry.model.IxfExportInfo;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.Network;
import org.peerage.registry.model.NetworkDetail;
import org.peerage.registry.model.RemotePeeringAssessment;
import org.peerage.registry.model.RemotePeeringReport;
import org.peerage.registry.model.RemoteSignal;
import org.peerage.registry.model.SharedExchange;
import org.peerage.registry.store.RegistryDatabase;

/**
 * Questions a peering coordinator asks of the registry. Where PeeringDB and an IX-F export both describe a thing,
 * PeeringDB's record is shown; IX-F-only exchanges and members are shown from the export. Deleted objects
 * (status "deleted") are left out. Not for concurrent use: one Registry per thread (JDBC connections are not
 * shared), all on the database's connection, which closing the database releases.
 */
public final class Registry {
    /** The RTT a port may show beyond the propagation delay: router processing, queueing, the measuring host. */
    public static final double DEFAULT_RTT_SLACK_MS = 2.0;
    /** About 1 ms of round trip per 100 km of fibre: light covers some 200 km per ms in glass. */
    public static final double KM_PER_RTT_MS = 100.0;

    private static final String LIVE = "coalesce(status, 'ok') <> 'deleted'";
    private static final String PREFER_PEERINGDB = "(source = 'peeringdb') DESC, source";

    private final RegistryDatabase db;
    private final Connection c;
    /** Prepared once per query text: planning costs DuckDB more than running these small queries. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    public Registry(RegistryDatabase db) {
        this.db = db;
        this.c = db.connection();
    }

    /** The network with this AS number, from PeeringDB or, failing that, an IX-F export that lists it. */
    public Optional<Network> network(long asn) throws IOException {
        return networks(NETWORK_COLUMNS + " FROM net WHERE asn = ? AND " + LIVE
                + " ORDER BY (source = 'peeringdb') DESC, name IS NULL, source LIMIT 1", asn).stream().findFirst();
    }

    /** Every network, one per AS number (as {@link #network(long)} chooses), by AS number. */
    public List<Network> networks() throws IOException {
        return networks(NETWORK_COLUMNS + " FROM (SELECT *, row_number() OVER (PARTITION BY asn"
                + " ORDER BY (source = 'peeringdb') DESC, name IS NULL, source) AS rank FROM net WHERE " + LIVE
                + ") WHERE rank = 1 ORDER BY asn");
    }

    private static final String NETWORK_COLUMNS = "SELECT id, source, asn, name, aka, org_id, website, irr_as_set,"
            + " info_prefixes4, info_prefixes6, info_type, info_traffic, info_ratio, info_scope,"
            + " info_never_via_route_servers, policy_general, policy_locations, policy_ratio, policy_contracts,"
            + " status, updated, raw";

    private List<Network> networks(String sql, Object... params) throws IOException {
        return query(sql,
                r -> new Network(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                        longOrNull(r, 6), r.getString(7), r.getString(8), longOrNull(r, 9), longOrNull(r, 10),
                        r.getString(11), r.getString(12), r.getString(13), r.getString(14), boolOrNull(r, 15),
                        r.getString(16), r.getString(17), boolOrNull(r, 18), r.getString(19), r.getString(20),
                        r.getString(21), r.getString(22)), params);
    }

    /** The network with its exchange ports and facilities; empty when the registry knows nothing of the AS. */
    public Optional<NetworkDetail> networkDetail(long asn) throws IOException {
        Optional<Network> network = network(asn);
        if (network.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NetworkDetail(network.get(), membershipsOf(asn), facilitiesOf(asn)));
    }

    /** The AS's ports at every exchange, ordered by exchange name then address. */
    public List<Membership> membershipsOf(long asn) throws IOException {
        return memberships("n.asn = ?", asn);
    }

    /**
     * Every port at every exchange, merged across sources as for one exchange, ordered by exchange name, AS number
     * and address: one query, for callers that join the registry in memory (a planner over many candidates).
     */
    public List<Membership> allMemberships() throws IOException {
        List<Membership> m = new ArrayList<>(memberships("TRUE"));
        m.sort(Comparator.comparing((Membership x) -> String.valueOf(x.exchangeName()).toLowerCase())
                .thenComparingLong(Membership::exchangeId).thenComparingLong(Membership::asn)
                .thenComparing(Registry::addressOrder));
        return m;
    }

    /** The member ports of an exchange, ordered by AS number then address. */
    public List<Membership> members(long exchangeId) throws IOException {
        List<Membership> m = new ArrayList<>(memberships("coalesce(n.ix_id, l.ix_id) = ?", exchangeId));
        m.sort(Comparator.comparingLong(Membership::asn).thenComparing(Registry::addressOrder));
        return m;
    }

    /** The facilities a network lists (PeeringDB netfac). */
    public List<Facility> facilitiesOf(long asn) throws IOException {
        return facilitiesByAsn("n.asn = ?", asn).getOrDefault(asn, List.of());
    }

    /** Every network's facilities, by AS number: one query. */
    public Map<Long, List<Facility>> facilitiesByNetwork() throws IOException {
        return facilitiesByAsn("TRUE");
    }

    /** Every exchange's facilities, by exchange id: one query. */
    public Map<Long, List<Facility>> facilitiesByExchange() throws IOException {
        Map<Long, List<Facility>> out = new HashMap<>();
        query("SELECT DISTINCT f.id, f.name, f.city, f.country, f.latitude, f.longitude, f.clli, x.ix_id FROM ixfac x"
                + " JOIN fac f ON f.id = x.fac_id AND f.source = 'peeringdb'"
                + " WHERE coalesce(x.status, 'ok') <> 'deleted' AND coalesce(f.status, 'ok') <> 'deleted'"
                + " ORDER BY f.name, f.id", r -> {
                    out.computeIfAbsent(r.getLong(8), k -> new ArrayList<>()).add(facility(r));
                    return null;
                });
        return out;
    }

    /** The facilities of every network the condition on {@code n} (net) selects, by AS number, in one query. */
    private Map<Long, List<Facility>> facilitiesByAsn(String condition, Object... params) throws IOException {
        Map<Long, List<Facility>> out = new HashMap<>();
        query("SELECT DISTINCT f.id, f.name, f.city, f.country, f.latitude, f.longitude, f.clli, n.asn FROM netfac nf"
                + " JOIN net n ON n.id = nf.net_id AND n.source = nf.source"
                + " JOIN fac f ON f.id = nf.fac_id AND f.source = nf.source"
                + " WHERE " + condition + " AND coalesce(nf.status, 'ok') <> 'deleted'"
                + " AND coalesce(f.status, 'ok') <> 'deleted' ORDER BY f.name, f.id", r -> {
                    out.computeIfAbsent(r.getLong(8), k -> new ArrayList<>()).add(facility(r));
                    return null;
                }, params);
        return out;
    }

    /** The facilities an exchange lists (PeeringDB ixfac, or the facilities of an IX-F export's switches). */
    public List<Facility> facilitiesOfExchange(long exchangeId) throws IOException {
        return query("SELECT DISTINCT f.id, f.name, f.city, f.country, f.latitude, f.longitude, f.clli FROM ixfac x"
                + " JOIN fac f ON f.id = x.fac_id AND f.source = 'peeringdb'"
                + " WHERE x.ix_id = ? AND coalesce(x.status, 'ok') <> 'deleted'"
                + " AND coalesce(f.status, 'ok') <> 'deleted'"
                + " ORDER BY f.name, f.id", Registry::facility, exchangeId);
    }

    /** Every exchange, by name. */
    public List<Exchange> exchanges() throws IOException {
        return exchanges("TRUE");
    }

    public Optional<Exchange> exchange(long id) throws IOException {
        return exchanges("id = ?", id).stream().findFirst();
    }

    /**
     * Exchanges an operator's word names: an id; else those whose name, long name or aka is the word (any case),
     * or whose IX-F export is known by that file name; else those whose name or long name contains it.
     */
    public List<Exchange> findExchanges(String query) throws IOException {
        String q = query.trim();
        if (q.matches("-?\\d{1,18}")) {
            return exchange(Long.parseLong(q)).map(List::of).orElse(List.of());
        }
        List<Exchange> exact = exchanges("(lower(name) = lower(?) OR lower(name_long) = lower(?)"
                + " OR lower(aka) = lower(?) OR source = ?)", q, q, q, "ixf:file:" + q);
        if (!exact.isEmpty()) {
            return exact;
        }
        String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return exchanges("(lower(name) LIKE ? ESCAPE '\\' OR lower(name_long) LIKE ? ESCAPE '\\')", like, like);
    }

    public Optional<ExchangeDetail> exchangeDetail(long id) throws IOException {
        Optional<Exchange> x = exchange(id);
        if (x.isEmpty()) {
            return Optional.empty();
        }
        List<String> sources = query("SELECT DISTINCT source FROM ix WHERE id = ? ORDER BY " + PREFER_PEERINGDB,
                r -> r.getString(1), id);
        List<String> prefixes = query("SELECT DISTINCT p.prefix, p.protocol FROM ixpfx p"
                + " JOIN ixlan l ON l.id = p.ixlan_id AND l.source = p.source"
                + " WHERE l.ix_id = ? AND coalesce(p.status, 'ok') <> 'deleted' ORDER BY p.protocol, p.prefix",
                r -> r.getString(1), id);
        return Optional.of(new ExchangeDetail(x.get(), sources, prefixes, facilitiesOfExchange(id), members(id)));
    }

    /** Where two networks meet: shared exchanges (both sides' ports, route-server reachability) and facilities. */
    public CommonPresence common(long first, long second) throws IOException {
        Map<Long, List<Membership>> a = byExchange(membershipsOf(first));
        Map<Long, List<Membership>> b = byExchange(membershipsOf(second));
        List<SharedExchange> shared = new ArrayList<>();
        for (var e : a.entrySet()) {
            List<Membership> other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            Exchange x = exchange(e.getKey()).orElseThrow();
            boolean rs = e.getValue().stream().anyMatch(m -> Boolean.TRUE.equals(m.routeServerPeer()))
                    && other.stream().anyMatch(m -> Boolean.TRUE.equals(m.routeServerPeer()));
            shared.add(new SharedExchange(x, e.getValue(), other, rs));
        }
        shared.sort(Comparator.comparing((SharedExchange s) -> String.valueOf(s.exchange().name()).toLowerCase())
                .thenComparingLong(s -> s.exchange().id()));
        Set<Long> secondFacilities = new HashSet<>();
        facilitiesOf(second).forEach(f -> secondFacilities.add(f.id()));
        List<Facility> facilities = facilitiesOf(first).stream().filter(f -> secondFacilities.contains(f.id()))
                .toList();
        return new CommonPresence(first, name(first), second, name(second), shared, facilities);
    }

    /**
     * Judges each member port of an exchange for remote peering: no facility in common with the exchange (when the
     * member lists any), a port below 1 Gbps, and, given RTTs to the ports' addresses, an RTT above what the
     * distance from the member's nearest facility to the exchange's allows ({@link #KM_PER_RTT_MS}, plus the
     * span of the exchange's own facilities, since the measuring host sits in one of them, plus {@code slackMs}).
     */
    public RemotePeeringReport remotePeers(long exchangeId, Optional<RttTable> rtts, double slackMs)
            throws IOException {
        Exchange x = exchange(exchangeId).orElseThrow(() -> new IllegalArgumentException("no exchange "
                + exchangeId));
        List<Facility> ixFacilities = facilitiesOfExchange(exchangeId);
        Set<Long> ixFacilityIds = new HashSet<>();
        List<GeoPoint> ixPoints = new ArrayList<>();
        for (Facility f : ixFacilities) {
            ixFacilityIds.add(f.id());
            f.location().ifPresent(ixPoints::add);
        }
        double span = 0;
        for (GeoPoint p : ixPoints) {
            for (GeoPoint q : ixPoints) {
                span = Math.max(span, p.distanceKm(q));
            }
        }
        Map<Long, List<Facility>> memberFacilities = facilitiesByAsn("n.asn IN (SELECT x.asn FROM netixlan x"
                + " LEFT JOIN ixlan l ON l.id = x.ixlan_id AND l.source = x.source"
                + " WHERE coalesce(x.ix_id, l.ix_id) = ?)", exchangeId);
        List<RemotePeeringAssessment> ports = new ArrayList<>();
        for (Membership m : members(exchangeId)) {
            List<Facility> mine = memberFacilities.getOrDefault(m.asn(), List.of());
            int common = (int) mine.stream().filter(f -> ixFacilityIds.contains(f.id())).count();
            List<RemoteSignal> signals = new ArrayList<>();
            if (!mine.isEmpty() && !ixFacilities.isEmpty() && common == 0) {
                signals.add(RemoteSignal.NO_COMMON_FACILITY);
            }
            if (m.isFractional()) {
                signals.add(RemoteSignal.FRACTIONAL_PORT);
            }
            Double nearest = common > 0 ? Double.valueOf(0) : nearestKm(mine, ixPoints);
            Double rtt = null;
            Double allowed = null;
            if (rtts.isPresent()) {
                rtt = lowest(rtts.get().rttMs(m.ipv4()), rtts.get().rttMs(m.ipv6()));
                if (!ixPoints.isEmpty()) {
                    allowed = ((nearest == null ? 0 : nearest) + span) / KM_PER_RTT_MS + slackMs;
                    if (rtt != null && rtt > allowed) {
                        signals.add(RemoteSignal.RTT_TOO_HIGH);
                    }
                }
            }
            ports.add(new RemotePeeringAssessment(m, mine.size(), common, nearest, rtt, allowed, signals));
        }
        return new RemotePeeringReport(x, ixFacilities, ports);
    }

    /** Rows per object type (API name) and kind of source ("peeringdb", "ixf"): what the database holds. */
    public Map<String, Map<String, Long>> contents() throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (ObjectType type : ObjectType.values()) {
            Map<String, Long> bySource = new TreeMap<>();
            for (Object[] row : query("SELECT CASE WHEN source LIKE 'ixf:%' THEN 'ixf' ELSE source END s, count(*)"
                    + " FROM " + type.table() + " GROUP BY s", r -> new Object[] {r.getString(1), r.getLong(2)})) {
                bySource.put((String) row[0], (Long) row[1]);
            }
            out.put(type.apiName(), bySource);
        }
        return out;
    }

    /** The IX-F exports imported, by exchange id. */
    public List<IxfExportInfo> ixfExports() throws IOException {
        return query("SELECT source, ix_id, file, version, export_timestamp FROM ixf_export ORDER BY ix_id, source",
                r -> new IxfExportInfo(r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
                        r.getString(5)));
    }

    /** The latest imports, newest first. */
    public List<ImportLogEntry> recentImports(int limit) throws IOException {
        return query("SELECT imported_at, file, shape, changes FROM import_log ORDER BY imported_at DESC LIMIT ?",
                r -> new ImportLogEntry(r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        r.getString(2), r.getString(3), modified(r.getString(4))), limit);
    }

    private static long modified(String changes) {
        long n = 0;
        try {
            for (JsonNode c : Json.MAPPER.readTree(changes)) {
                n += c.path("added").asLong() + c.path("changed").asLong() + c.path("removed").asLong();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import_log holds JSON the importer wrote", e);
        }
        return n;
    }

    private static Double nearestKm(List<Facility> mine, List<GeoPoint> ixPoints) {
        Double best = null;
        for (Facility f : mine) {
            if (f.location().isEmpty()) {
                continue;
            }
            for (GeoPoint p : ixPoints) {
                double d = f.location().get().distanceKm(p);
                if (best == null || d < best) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static Double lowest(Optional<Double> a, Optional<Double> b) {
        if (a.isPresent() && b.isPresent()) {
            return Math.min(a.get(), b.get());
        }
        return a.or(() -> b).orElse(null);
    }

    private String name(long asn) throws IOException {
        return network(asn).map(Network::name).orElse(null);
    }

    private static Map<Long, List<Membership>> byExchange(List<Membership> memberships) {
        Map<Long, List<Membership>> m = new LinkedHashMap<>();
        for (Membership x : memberships) {
            m.computeIfAbsent(x.exchangeId(), k -> new ArrayList<>()).add(x);
        }
        return m;
    }

    private List<Exchange> exchanges(String condition, Object... params) throws IOException {
        return query("SELECT id, source, name, name_long, city, country, region_continent, media, website, raw FROM ("
                + "SELECT *, row_number() OVER (PARTITION BY id ORDER BY " + PREFER_PEERINGDB + ") AS rank FROM ix"
                + " WHERE " + LIVE + ") WHERE rank = 1 AND " + condition + " ORDER BY lower(name), id",
                r -> new Exchange(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10)), params);
    }

    private List<Membership> memberships(String condition, Object... params) throws IOException {
        // The ports first; names are then ranked only for the ASes and exchanges among them.
        String sql = "WITH ports AS (SELECT n.id, n.source, coalesce(n.ix_id, l.ix_id) AS ix, n.ixlan_id, n.asn,"
                + " n.ipaddr4, n.ipaddr6, n.is_rs_peer, n.speed, n.operational FROM netixlan n"
                + " LEFT JOIN ixlan l ON l.id = n.ixlan_id AND l.source = n.source"
                + " WHERE coalesce(n.status, 'ok') <> 'deleted' AND coalesce(n.ix_id, l.ix_id) IS NOT NULL AND "
                + condition + "),"
                + " names AS (SELECT asn, name FROM (SELECT asn, name, row_number() OVER (PARTITION BY asn"
                + " ORDER BY (source = 'peeringdb') DESC, name IS NULL, source) AS rank FROM net WHERE " + LIVE
                + " AND asn IN (SELECT asn FROM ports)) WHERE rank = 1),"
                + " ixnames AS (SELECT id, name FROM (SELECT id, name, row_number() OVER (PARTITION BY id"
                + " ORDER BY " + PREFER_PEERINGDB + ") AS rank FROM ix WHERE " + LIVE
                + " AND id IN (SELECT ix FROM ports)) WHERE rank = 1)"
                + " SELECT p.id, p.source, p.ix, x.name, p.ixlan_id, p.asn, nm.name, p.ipaddr4, p.ipaddr6,"
                + " p.is_rs_peer, p.speed, p.operational FROM ports p"
                + " LEFT JOIN names nm ON nm.asn = p.asn LEFT JOIN ixnames x ON x.id = p.ix"
                + " ORDER BY lower(x.name), p.ix, p.asn, (p.source = 'peeringdb') DESC, p.source, p.id";
        List<Membership> rows = query(sql, r -> new Membership(r.getLong(1), List.of(r.getString(2)), r.getLong(3),
                r.getString(4), r.getLong(5), r.getLong(6), r.getString(7), r.getString(8), r.getString(9),
                boolOrNull(r, 10), longOrNull(r, 11), boolOrNull(r, 12)), params);
        return merged(rows);
    }

    /** One entry per port: PeeringDB's row first, an IX-F row with the same AS and addresses adds its source. */
    private static List<Membership> merged(List<Membership> rows) {
        Map<String, Membership> byPort = new LinkedHashMap<>();
        for (Membership m : rows) {
            String key = m.exchangeId() + "|" + m.asn() + "|" + canonical(m.ipv4()) + "|" + canonical(m.ipv6());
            Membership before = byPort.get(key);
            if (before == null) {
                byPort.put(key, m);
            } else if (!before.sources().containsAll(m.sources())) {
                Set<String> sources = new LinkedHashSet<>(before.sources());
                sources.addAll(m.sources());
                byPort.put(key, new Membership(before.id(), List.copyOf(sources), before.exchangeId(),
                        before.exchangeName(), before.ixlanId(), before.asn(), before.networkName(), before.ipv4(),
                        before.ipv6(), before.routeServerPeer(), before.speedMbps(), before.operational()));
            }
        }
        List<Membership> out = new ArrayList<>(byPort.values());
        return out;
    }

    private static String canonical(String address) {
        if (address == null) {
            return "";
        }
        try {
            return InetText.format(InetText.parseAddress(address));
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    private static int addressOrder(Membership a, Membership b) {
        return Arrays.compareUnsigned(addressBytes(a), addressBytes(b));
    }

    private static byte[] addressBytes(Membership m) {
        byte[] v4 = m.ipv4() == null ? new byte[4] : InetText.parseAddress(m.ipv4());
        byte[] v6 = m.ipv6() == null ? new byte[16] : InetText.parseAddress(m.ipv6());
        byte[] both = Arrays.copyOf(v4, 20);
        System.arraycopy(v6, 0, both, 4, 16);
        return both;
    }

    private static Facility facility(ResultSet r) throws SQLException {
        return new Facility(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), doubleOrNull(r, 5),
                doubleOrNull(r, 6), r.getString(7));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws IOException {
        try {
            PreparedStatement s = statements.get(sql);
            if (s == null || s.isClosed()) {
                s = c.prepareStatement(sql);
                statements.put(sql, s);
            }
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(mapper.map(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IOException(db.path() + ": query failed: " + e.getMessage(), e);
        }
    }

    private static Long longOrNull(ResultSet r, int column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static Boolean boolOrNull(ResultSet r, int column) throws SQLException {
        boolean v = r.getBoolean(column);
        return r.wasNull() ? null : v;
    }
}
