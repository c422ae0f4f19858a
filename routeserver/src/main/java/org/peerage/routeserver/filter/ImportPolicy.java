package org.peerage.routeserver.filter;

import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.policy.aspa.AspaState;
import org.peerage.policy.irr.RouteObject;
import org.peerage.policy.rpki.RovState;
import org.peerage.policy.rpki.Vrp;
import org.peerage.routeserver.config.FilterSettings;
import org.peerage.routeserver.config.FilterSettings.Action;
import org.peerage.routeserver.config.FilterSettings.PrefixRule;
import org.peerage.routeserver.config.RouteServerConfig.BlackholePolicy;
import org.peerage.routeserver.config.RouteServerConfig.Blackholing;
import org.peerage.routeserver.filter.Evidence.Outcome;

/**
 * The route server's import checks (docs/routeserver-config.md lists them with their reason codes), in the order
 * of {@link RejectReason}: first the prefix's own checks (length, bogons, block lists), then those that depend only
 * on the attribute set — done once per UPDATE in {@link #attributeVerdict} — then RPKI, ASPA and the IRR prefix
 * check. The first failure is the route's reason. Pure: the route server keeps the result in the path.
 */
public final class ImportPolicy {
    /** RPKI states as kept in a path's tags (bits 0-1); bit 2 marks a blackhole route. */
    public static final int RPKI_NOT_CHECKED = 0;
    public static final int RPKI_VALID = 1;
    public static final int RPKI_NOT_FOUND = 2;
    public static final int RPKI_INVALID = 3;
    public static final int BLACKHOLE_TAG = 4;

    private static final Prefix GLOBAL_UNICAST = Prefix.parse("2000::/3");

    private final PolicyData data;
    private final Blackholing blackholing;

    public ImportPolicy(PolicyData data, Blackholing blackholing) {
        this.data = data;
        this.blackholing = blackholing;
    }

    public PolicyData data() {
        return data;
    }

    /**
     * The outcome for one prefix: bits 0-7 the verdict ({@link RejectReason#verdict()}, 0 accepted), bits 8-10 the
     * tags (RPKI state, blackhole).
     */
    public int evaluate(ClientPolicy c, RouteFacts f, RejectReason attributeVerdict, Prefix p, Evidence ev) {
        return evaluate(c, f, attributeVerdict, p, -1, ev);
    }

    /**
     * As {@link #evaluate(ClientPolicy, RouteFacts, RejectReason, Prefix, Evidence)}, with the RPKI state already
     * known ({@code knownRpki} &gt; 0, not {@link #RPKI_NOT_CHECKED}: a re-evaluation whose VRPs for this prefix did
     * not change) so it is not
     * looked up again.
     */
    public int evaluate(ClientPolicy c, RouteFacts f, RejectReason attributeVerdict, Prefix p, int knownRpki,
                        Evidence ev) {
        FilterSettings s = c.settings();
        boolean blackhole = isBlackhole(f, p);
        int bh = blackhole ? BLACKHOLE_TAG : 0;
        if (!s.enabled()) {
            note(ev, "filters", Outcome.SKIPPED, "import filtering is off for this client");
            return bh << 8;
        }
        RejectReason early = prefixChecks(s, p, blackhole, ev);
        if (early != null) return verdict(early, RPKI_NOT_CHECKED | bh);
        if (attributeVerdict != null) return verdict(attributeVerdict, RPKI_NOT_CHECKED | bh);
        if (blackhole) {
            note(ev, "rpki", Outcome.SKIPPED, "blackhole route: origin validation not applied (RFC 7999 §3.2)");
            boolean authorized = blackholeAuthorized(c, f, p, ev);
            return authorized ? bh << 8 : verdict(RejectReason.BLACKHOLE_OUTSIDE_CLIENT_SPACE, bh);
        }
        int rpki = RPKI_NOT_CHECKED;
        if (s.rpki().enabled() && data.hasVrps()) {
            RovState state = knownRpki > 0 ? rovState(knownRpki) : data.vrps().validate(p, f.originAs());
            rpki = switch (state) {
                case VALID -> RPKI_VALID;
                case NOT_FOUND -> RPKI_NOT_FOUND;
                case INVALID -> RPKI_INVALID;
            };
            if (ev != null) ev.note("rpki", state == RovState.INVALID ? Outcome.FAILED : Outcome.PASSED,
                    state + " for origin " + originText(f) + coveringVrps(p));
            // reject_invalid: false is tagging only: invalid routes are exported, marked RS:1000:4.
            if (state == RovState.INVALID && s.rpki().rejectInvalid()) return verdict(RejectReason.RPKI_INVALID, rpki);
        } else {
            note(ev, "rpki", Outcome.SKIPPED, s.rpki().enabled() ? "no VRPs loaded" : "origin validation is off");
        }
        if (s.aspa().enabled()) {
            AspaState state = data.aspas().verifyUpstream(f.sequence()); // an AS_SET (no sequence) is invalid
            if (ev != null) ev.note("aspa", state == AspaState.INVALID ? Outcome.FAILED : Outcome.PASSED,
                    "upstream verification: " + state + (f.sequence() == null ? " (path has an AS_SET)" : ""));
            if (state == AspaState.INVALID && s.aspa().rejectInvalid()) {
                return verdict(RejectReason.ASPA_INVALID, rpki);
            }
        }
        if (s.irr().enforcePrefixInAsSet() && c.irrRoutes() != null) {
            boolean ok = s.irr().allowLongerPrefixes() ? c.irrRoutes().containsOrLonger(p, p.isIpv6() ? 128 : 32)
                    : c.irrRoutes().containsExact(p);
            if (ev != null) ev.note("irr prefix", ok ? Outcome.PASSED : Outcome.FAILED, irrPrefixText(c, p, ok));
            if (!ok) return verdict(RejectReason.PREFIX_NOT_IN_AS_SET, rpki);
        } else {
            note(ev, "irr prefix", Outcome.SKIPPED, c.irrRoutes() == null ? "no IRR data" : "check is off");
        }
        return rpki << 8;
    }

    private static RovState rovState(int rpki) {
        return switch (rpki) {
            case RPKI_VALID -> RovState.VALID;
            case RPKI_INVALID -> RovState.INVALID;
            default -> RovState.NOT_FOUND;
        };
    }

    private static int verdict(RejectReason r, int tags) {
        return r.verdict() | tags << 8;
    }

    /** True for a route carrying BLACKHOLE (RFC 7999) while blackholing is on for its family. */
    public boolean isBlackhole(RouteFacts f, Prefix p) {
        BlackholePolicy policy = p.isIpv6() ? blackholing.ipv6() : blackholing.ipv4();
        return policy != BlackholePolicy.NONE && f.hasCommunity(Communities.BLACKHOLE);
    }

    private RejectReason prefixChecks(FilterSettings s, Prefix p, boolean blackhole, Evidence ev) {
        FilterSettings.LengthRange range = p.isIpv6() ? s.ipv6Length() : s.ipv4Length();
        int max = blackhole ? (p.isIpv6() ? 128 : 32) : range.max();
        if (p.length() < range.min()) {
            note(ev, "prefix length", Outcome.FAILED, "/" + p.length() + " is shorter than /" + range.min());
            return RejectReason.PREFIX_TOO_SHORT;
        }
        if (p.length() > max) {
            note(ev, "prefix length", Outcome.FAILED, "/" + p.length() + " is longer than /" + max);
            return RejectReason.PREFIX_TOO_LONG;
        }
        if (ev != null) ev.note("prefix length", Outcome.PASSED, "/" + p.length() + " within /" + range.min() + "-/"
                + max + (blackhole ? " (blackhole route)" : ""));
        if (s.bogonPrefixes()) {
            Prefix bogon = data.bogonPrefixes().match(p);
            if (bogon != null) {
                note(ev, "bogon prefix", Outcome.FAILED, "within bogon " + bogon);
                return RejectReason.BOGON_PREFIX;
            }
            if (p.isIpv6() && !covers(GLOBAL_UNICAST, p)) {
                note(ev, "bogon prefix", Outcome.FAILED, "outside global unicast 2000::/3");
                return RejectReason.IPV6_NOT_GLOBAL_UNICAST;
            }
            note(ev, "bogon prefix", Outcome.PASSED, "not a bogon");
        }
        PrefixRule g = firstMatch(s.globalBlockList(), p);
        if (g != null) {
            note(ev, "block list", Outcome.FAILED, "global block list entry " + ruleText(g));
            return RejectReason.GLOBAL_BLOCK_LIST;
        }
        PrefixRule own = firstMatch(s.clientBlockList(), p);
        if (own != null) {
            note(ev, "block list", Outcome.FAILED, "client block list entry " + ruleText(own));
            return RejectReason.CLIENT_BLOCK_LIST;
        }
        return null;
    }

    /** The checks that depend only on the attribute set and the client; null when all pass. */
    public RejectReason attributeVerdict(ClientPolicy c, RouteFacts f, Evidence ev) {
        FilterSettings s = c.settings();
        if (!s.enabled()) return null;
        if (f.pathLength() > s.maxAsPathLength()) {
            note(ev, "as path length", Outcome.FAILED, f.pathLength() + " > " + s.maxAsPathLength());
            return RejectReason.AS_PATH_TOO_LONG;
        }
        if (ev != null) ev.note("as path length", Outcome.PASSED, f.pathLength() + " <= " + s.maxAsPathLength());
        if (s.rejectInvalidAsns()) {
            for (long asn : f.asns()) {
                if (data.bogonAsns().isBogon(asn)) {
                    note(ev, "invalid asn", Outcome.FAILED, "AS" + asn + ": " + data.bogonAsns().why(asn));
                    return RejectReason.INVALID_ASN;
                }
            }
            note(ev, "invalid asn", Outcome.PASSED, "no private or reserved AS in the path");
        }
        if (s.enforceFirstAs()) {
            if (f.firstAs() != c.asn()) {
                note(ev, "first as", Outcome.FAILED, f.firstAs() < 0 ? "the path does not start with an AS"
                        : "left-most AS" + f.firstAs() + ", client is AS" + c.asn());
                return RejectReason.FIRST_AS_NOT_CLIENT;
            }
            note(ev, "first as", Outcome.PASSED, "left-most AS is the client's AS" + c.asn());
        }
        if (f.nextHop() == null || !c.isNextHopAllowed(f.nextHop())) {
            note(ev, "next hop", Outcome.FAILED, (f.nextHop() == null ? "no next hop"
                    : InetText.format(f.nextHop())) + " is not among " + addressesText(c) + " (policy "
                    + s.nextHop().policy().name().toLowerCase(java.util.Locale.ROOT) + ")");
            return RejectReason.NEXT_HOP_NOT_CLIENT;
        }
        if (ev != null) ev.note("next hop", Outcome.PASSED, InetText.format(f.nextHop()) + " is the client's");
        if (s.transitFree().action() == Action.REJECT) {
            long[] asns = f.asns();
            for (int i = 1; i < asns.length; i++) {
                if (Arrays.binarySearch(c.transitFree(), asns[i]) >= 0) {
                    note(ev, "transit-free", Outcome.FAILED, "AS" + asns[i] + " at position " + (i + 1));
                    return RejectReason.TRANSIT_FREE_ASN;
                }
            }
            note(ev, "transit-free", Outcome.PASSED, "no transit-free AS behind the client");
        }
        boolean peeringDbNever = s.neverViaRouteServers().peeringDb() && data.peeringDb() != null;
        if (c.neverViaRs().length > 0 || peeringDbNever) {
            for (long asn : f.asns()) {
                if (asn == c.asn()) continue;
                if (Arrays.binarySearch(c.neverViaRs(), asn) >= 0
                        || (peeringDbNever && data.neverViaRouteServers(asn))) {
                    note(ev, "never via route servers", Outcome.FAILED, "AS" + asn
                            + " asks never to be reached via route servers");
                    return RejectReason.NEVER_VIA_ROUTE_SERVERS;
                }
            }
            note(ev, "never via route servers", Outcome.PASSED, "none in the path");
        }
        if (s.irr().enforceOriginInAsSet() && c.irrOrigins() != null) {
            if (f.originAs() < 0 || !c.irrOrigins().contains(f.originAs())) {
                note(ev, "irr origin", Outcome.FAILED, "origin " + originText(f) + " not in "
                        + String.join(", ", c.irrSources()) + unresolvedText(c));
                return RejectReason.ORIGIN_NOT_IN_AS_SET;
            }
            if (ev != null) ev.note("irr origin", Outcome.PASSED, "origin AS" + f.originAs() + " via "
                    + String.join(" > ", c.irrOrigins().chain(f.originAs())));
        }
        return null;
    }

    /**
     * RFC 7999 §3.2: the blackhole prefix must be covered by one the client may announce: by one of its route
     * objects, or by a ROA for the route's origin. With neither IRR nor RPKI data the route server has nothing to
     * check it against, as for the client's other routes, and accepts it.
     */
    private boolean blackholeAuthorized(ClientPolicy c, RouteFacts f, Prefix p, Evidence ev) {
        if (c.irrRoutes() != null) {
            List<RouteObject> objects = c.irrRoutes().covering(p);
            if (!objects.isEmpty()) {
                note(ev, "blackhole", Outcome.PASSED, "covered by route object " + objects.getFirst().prefix()
                        + " AS" + objects.getFirst().origin());
                return true;
            }
        }
        if (data.hasVrps()) {
            for (Vrp v : data.vrps().covering(p)) {
                if (v.asn() == f.originAs()) {
                    note(ev, "blackhole", Outcome.PASSED, "covered by ROA " + v.prefix() + " AS" + v.asn());
                    return true;
                }
            }
        }
        if (c.irrRoutes() == null && !data.hasVrps()) {
            note(ev, "blackhole", Outcome.PASSED, "no IRR or RPKI data to check the client's space against");
            return true;
        }
        note(ev, "blackhole", Outcome.FAILED, "no route object or ROA for the origin covers " + p);
        return false;
    }

    private static PrefixRule firstMatch(List<PrefixRule> rules, Prefix p) {
        for (PrefixRule r : rules) {
            if (r.prefix().isIpv6() != p.isIpv6()) continue;
            if (r.exact() ? r.prefix().equals(p)
                    : covers(r.prefix(), p) && p.length() >= r.ge() && p.length() <= r.le()) {
                return r;
            }
        }
        return null;
    }

    /** True if {@code outer} equals or covers {@code inner} (same family). */
    static boolean covers(Prefix outer, Prefix inner) {
        if (outer.isIpv6() != inner.isIpv6() || outer.length() > inner.length()) return false;
        byte[] a = outer.address();
        byte[] b = inner.address();
        int bits = outer.length();
        for (int i = 0; i < bits / 8; i++) {
            if (a[i] != b[i]) return false;
        }
        int rest = bits % 8;
        if (rest == 0) return true;
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (a[bits / 8] & mask) == (b[bits / 8] & mask);
    }

    private static void note(Evidence ev, String check, Outcome o, String detail) {
        if (ev != null) ev.note(check, o, detail);
    }

    private static String originText(RouteFacts f) {
        return f.originAs() < 0 ? "none (the path ends in an AS_SET)" : "AS" + f.originAs();
    }

    private String coveringVrps(Prefix p) {
        List<Vrp> covering = data.vrps().covering(p);
        if (covering.isEmpty()) return "; no ROA covers " + p;
        StringBuilder sb = new StringBuilder("; ROAs:");
        for (Vrp v : covering) sb.append(' ').append(v.prefix()).append("-").append(v.maxLength()).append(" AS")
                .append(v.asn());
        return sb.toString();
    }

    private static String irrPrefixText(ClientPolicy c, Prefix p, boolean ok) {
        List<RouteObject> covering = c.irrRoutes().covering(p);
        String sets = String.join(", ", c.irrSources());
        if (ok) return "route object " + (covering.isEmpty() ? p : covering.getFirst().prefix()) + " in " + sets;
        return covering.isEmpty() ? "no route object for " + p + " in " + sets
                : "only less specific route objects (" + covering.getFirst().prefix() + ") and longer prefixes "
                + "are not allowed";
    }

    private static String unresolvedText(ClientPolicy c) {
        List<String> missing = c.irrOrigins().unresolved();
        return missing.isEmpty() ? "" : " (unresolved: " + String.join(", ", missing) + ")";
    }

    private static String addressesText(ClientPolicy c) {
        StringBuilder sb = new StringBuilder("[");
        for (byte[] a : c.nextHops()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(InetText.format(a));
        }
        return sb.append(']').toString();
    }

    private static String ruleText(PrefixRule r) {
        return r.prefix() + (r.exact() ? " exact" : " le " + r.le()) + (r.comment() == null ? "" : " (" + r.comment()
                + ")");
    }
}
