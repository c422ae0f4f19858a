package org.peerage.routeserver.filter;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.peerage.policy.irr.PrefixSet;
import org.peerage.policy.peeringdb.PeeringDbNet;
import org.peerage.routeserver.config.ClientConfig;
import org.peerage.routeserver.config.FilterSettings;
import org.peerage.routeserver.config.FilterSettings.MaxPrefix;

/**
 * One client's import policy, compiled from its settings and the shared data: its IRR expansion and route objects,
 * the addresses its NEXT_HOP may carry, the AS sets the path checks look up, its max-prefix limits.
 *
 * @param irrSources     the as-set names (or the client's AS) expanded, for evidence
 * @param irrOrigins     the expansion, or null when IRR checks are off
 * @param irrRoutes      route objects of the expansion, or null when IRR checks are off
 * @param nextHops       addresses the client's NEXT_HOP may be (policy same-as: all of its AS's clients' ones)
 * @param transitFree    sorted
 * @param neverViaRs     configured never-via-route-servers ASes, sorted (PeeringDB's are looked up per path)
 * @param maxPrefixIpv4  limit, 0 for none
 */
public record ClientPolicy(long asn, FilterSettings settings, List<String> irrSources, IrrOrigins irrOrigins,
                           PrefixSet irrRoutes, List<byte[]> nextHops, long[] transitFree, long[] neverViaRs,
                           int maxPrefixIpv4, int maxPrefixIpv6, String maxPrefixSource) {

    /** Compiles a client's policy; {@code sameAsAddresses} are the addresses of every client with its AS. */
    public static ClientPolicy compile(ClientConfig client, List<InetAddress> sameAsAddresses, PolicyData data) {
        FilterSettings s = client.filters();
        List<String> sources = s.irr().asSets().isEmpty() ? List.of("AS" + client.asn()) : s.irr().asSets();
        IrrOrigins origins = null;
        PrefixSet routes = null;
        boolean irrOn = s.irr().enforceOriginInAsSet() || s.irr().enforcePrefixInAsSet();
        if (irrOn && data.irr() != null) {
            origins = IrrOrigins.expand(data.irr(), sources);
            routes = origins.routes(data.irr());
        }
        List<InetAddress> allowed = switch (s.nextHop().policy()) {
            case STRICT -> client.ips();
            case SAME_AS -> sameAsAddresses;
            case AUTHORIZED_ADDRESSES -> {
                List<InetAddress> l = new ArrayList<>(client.ips());
                l.addAll(s.nextHop().authorizedAddresses());
                yield l;
            }
        };
        List<byte[]> nextHops = allowed.stream().map(InetAddress::getAddress).toList();
        Set<Long> never = new TreeSet<>(s.neverViaRouteServers().asns());
        never.remove(client.asn());
        MaxPrefix m = s.maxPrefix();
        PeeringDbNet net = m.peeringDb() && data.peeringDb() != null ? data.peeringDb().get(client.asn()) : null;
        int v4 = limit(m.limitIpv4(), net == null ? 0 : net.infoPrefixes4(), m.generalLimitIpv4(), m);
        int v6 = limit(m.limitIpv6(), net == null ? 0 : net.infoPrefixes6(), m.generalLimitIpv6(), m);
        String source = m.limitIpv4() != null || m.limitIpv6() != null ? "client configuration"
                : net != null ? "PeeringDB (+" + m.incrementAbsolute() + ", +" + m.incrementRelative() + "%)"
                : "general limit";
        if (!s.enabled()) {
            // filters: {enabled: false} switches every check off, max-prefix included (the general limit of
            // 170,000 used to restart a client sending a full table to a route server meant to be transparent).
            v4 = 0;
            v6 = 0;
            source = "none (filters disabled)";
        }
        return new ClientPolicy(client.asn(), s, sources, origins, routes, nextHops, sorted(s.transitFree().asns()),
                sorted(never), v4, v6, source);
    }

    /** arouteserver's rule: the client's own limit, else PeeringDB's plus the increment, else the general one. */
    private static int limit(Integer own, int peeringDb, int general, MaxPrefix m) {
        if (own != null) return own;
        if (peeringDb > 0) {
            return (int) Math.min(Integer.MAX_VALUE,
                    Math.round((peeringDb + m.incrementAbsolute()) * (1 + m.incrementRelative() / 100.0)));
        }
        return general;
    }

    private static long[] sorted(Set<Long> s) {
        long[] a = s.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Whether {@code o} would judge every route as this one does (a reload need not re-evaluate the client). */
    public boolean sameAs(ClientPolicy o) {
        if (asn != o.asn || !settings.equals(o.settings) || maxPrefixIpv4 != o.maxPrefixIpv4
                || maxPrefixIpv6 != o.maxPrefixIpv6 || !Arrays.equals(transitFree, o.transitFree)
                || !Arrays.equals(neverViaRs, o.neverViaRs) || nextHops.size() != o.nextHops.size()) {
            return false;
        }
        for (int i = 0; i < nextHops.size(); i++) {
            if (!Arrays.equals(nextHops.get(i), o.nextHops.get(i))) return false;
        }
        if ((irrOrigins == null) != (o.irrOrigins == null)) return false;
        return irrOrigins == null || (irrOrigins.sameAs(o.irrOrigins)
                && irrRoutes.routeObjects().equals(o.irrRoutes.routeObjects()));
    }

    boolean isNextHopAllowed(byte[] nextHop) {
        for (byte[] a : nextHops) {
            if (Arrays.equals(a, nextHop)) return true;
        }
        return false;
    }
}
