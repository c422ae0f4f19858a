package org.peerage.routeserver.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * The import checks in effect for one client: the global {@code filters} section with the client's own
 * {@code filters} overrides applied (arouteserver's names, docs/routeserver-config.md).
 *
 * @param enabled            false switches every check off (the route server is then purely transparent)
 * @param blockList          global and the client's own prefixes refused unconditionally
 * @param enforceFirstAs     the left-most AS must be the client's (RFC 7948 §4.7; route servers never prepend)
 * @param rejectInvalidAsns  private, reserved and documentation AS numbers in the path are refused
 */
public record FilterSettings(boolean enabled, RejectPolicy rejectPolicy, LengthRange ipv4Length,
                             LengthRange ipv6Length, boolean bogonPrefixes, List<PrefixRule> globalBlockList,
                             List<PrefixRule> clientBlockList, int maxAsPathLength, boolean rejectInvalidAsns,
                             boolean enforceFirstAs, NextHop nextHop, TransitFree transitFree,
                             NeverViaRouteServers neverViaRouteServers, Irr irr, Rpki rpki, Aspa aspa,
                             MaxPrefix maxPrefix) {

    public enum RejectPolicy {
        /** Refused routes are dropped as they arrive. */
        REJECT,
        /** Kept (never exported) and marked with the reason's RS:1101:x community, for the looking glass. */
        TAG,
        /** Marked like {@link #TAG}, and dropped like {@link #REJECT}: only counters and logs keep them. */
        TAG_AND_REJECT
    }

    /** Inclusive prefix length bounds. */
    public record LengthRange(int min, int max) {
        public boolean contains(int length) {
            return length >= min && length <= max;
        }
    }

    public enum NextHopPolicy { STRICT, SAME_AS, AUTHORIZED_ADDRESSES }

    /** RFC 7948 §4.8: whose addresses a client may give as NEXT_HOP. */
    public record NextHop(NextHopPolicy policy, List<InetAddress> authorizedAddresses) {
        public NextHop {
            authorizedAddresses = List.copyOf(authorizedAddresses);
        }
    }

    public enum Action { REJECT, WARNING, NONE }

    /** Transit-free networks appear in a path at most in the left-most position. */
    public record TransitFree(Action action, Set<Long> asns) {
        public TransitFree {
            asns = Set.copyOf(asns);
        }
    }

    /** Networks that ask (in PeeringDB or here) never to be reached through a route server. */
    public record NeverViaRouteServers(boolean peeringDb, Set<Long> asns) {
        public NeverViaRouteServers {
            asns = Set.copyOf(asns);
        }
    }

    /**
     * IRR checks: the origin must be in the client's expanded AS-SETs (or the client's AS if it has none), the prefix
     * among their route objects (exactly, or also more specifics with {@code allowLongerPrefixes}).
     */
    public record Irr(boolean enforceOriginInAsSet, boolean enforcePrefixInAsSet, boolean allowLongerPrefixes,
                      List<String> asSets) {
        public Irr {
            asSets = List.copyOf(asSets);
        }
    }

    /** RPKI origin validation (RFC 6811); invalid routes are never exported, and refused if {@code rejectInvalid}. */
    public record Rpki(boolean enabled, boolean rejectInvalid) {
    }

    /** ASPA upstream path verification. */
    public record Aspa(boolean enabled, boolean rejectInvalid) {
    }

    public enum MaxPrefixAction {
        /** Cease (Maximum Number of Prefixes Reached) and stay down until the operator restarts it (reload). */
        SHUTDOWN,
        /** Cease, then accept the session again after {@code restartAfter}. */
        RESTART,
        /** Keep the session; routes beyond the limit are refused. */
        BLOCK,
        /** Keep everything; log once when the limit is crossed. */
        WARNING,
        NONE
    }

    /**
     * Max-prefix: the limit is the client's {@code limit_ipv4/6}, else PeeringDB's info_prefixes4/6 plus the
     * increment (when enabled and known), else the general limit. Counted over accepted routes, or over every
     * received one with {@code countRejected}.
     */
    public record MaxPrefix(MaxPrefixAction action, java.time.Duration restartAfter, Integer limitIpv4, Integer limitIpv6,
                            boolean peeringDb, int incrementAbsolute, int incrementRelative, int generalLimitIpv4,
                            int generalLimitIpv6, boolean countRejected) {
    }

    /** A filter rule for prefixes: one prefix, and (unless exact) the more specifics within ge..le. */
    public record PrefixRule(org.peerage.bgp.wire.Prefix prefix, boolean exact, int ge, int le, String comment) {
    }
}
