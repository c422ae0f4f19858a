package org.peerage.routeserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.Route;
import org.peerage.bgp.wire.UpdateMessage;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.MpReachNlri;
import org.peerage.bgp.wire.attr.MpUnreachNlri;
import org.peerage.bgp.wire.attr.NextHop;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.rib.AttributeTable;
import org.peerage.rib.LocRib;
import org.peerage.rib.Paths;
import org.peerage.routeserver.filter.ImportPolicy;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * Takes one client's UPDATE into the RIB: withdrawals, then each group of announced routes (the IPv4 NLRI field,
 * and MP_REACH_NLRI) with its attribute set interned once, checked once for what depends on the attributes, and per
 * prefix for the rest; every path is kept with its verdict. Counts per client and max-prefix are kept here. RIB
 * thread only.
 */
final class RibIngest {
    private final LocRib rib;
    private final AttributeTable attributes;
    private final ImportPolicy policy;

    /** The slots whose candidates changed, ascending and distinct. */
    record Result(int[] changedSlots) {
    }

    /** Called when one more accepted route would exceed the client's limit; true refuses that route. */
    @FunctionalInterface
    interface MaxPrefixHandler {
        boolean reached(ClientSession client, boolean ipv6, long limit);
    }

    RibIngest(LocRib rib, AttributeTable attributes, ImportPolicy policy) {
        this.rib = rib;
        this.attributes = attributes;
        this.policy = policy;
    }

    Result apply(ClientSession c, UpdateMessage u, boolean withdrawAll, MaxPrefixHandler maxPrefix) {
        Slots changed = new Slots();
        List<Route> withdrawn = new ArrayList<>(u.withdrawn());
        MpUnreachNlri unreach = u.mpUnreach();
        if (unreach != null && unreach.family().isIpPrefixFamily()
                && unreach.family().safi() == AddressFamily.SAFI_UNICAST) {
            withdrawn.addAll(unreach.withdrawn());
        }
        MpReachNlri reach = u.mpReach();
        boolean mpUnicast = reach != null && reach.family().safi() == AddressFamily.SAFI_UNICAST
                && reach.family().isIpPrefixFamily();
        if (withdrawAll) {
            withdrawn.addAll(u.nlri());
            if (mpUnicast) withdrawn.addAll(reach.nlri());
        }
        for (Route r : withdrawn) withdraw(c, r.prefix(), changed);
        if (withdrawAll || c.tearingDown) return new Result(changed.toArray());
        if (!u.nlri().isEmpty()) {
            List<PathAttribute> stored = new ArrayList<>(u.attributes().size());
            for (PathAttribute a : u.attributes()) {
                if (!(a instanceof MpReachNlri) && !(a instanceof MpUnreachNlri)) stored.add(a);
            }
            announce(c, stored, u.nlri(), changed, maxPrefix);
        }
        if (mpUnicast && !reach.nlri().isEmpty() && !c.tearingDown) {
            List<PathAttribute> stored = new ArrayList<>(u.attributes().size());
            for (PathAttribute a : u.attributes()) {
                if (a instanceof MpUnreachNlri || a instanceof NextHop) continue;
                // The next hop stays in an MP_REACH_NLRI without NLRI; export rebuilds the attribute per batch.
                stored.add(a instanceof MpReachNlri m ? new MpReachNlri(m.flags(), m.family(), m.nextHop(), 0,
                        List.of(), null, false) : a);
            }
            announce(c, stored, reach.nlri(), changed, maxPrefix);
        }
        return new Result(changed.toArray());
    }

    private void withdraw(ClientSession c, Prefix p, Slots changed) {
        int slot = rib.prefixes().get(p);
        if (slot < 0) return;
        long old = rib.pathOf(slot, c.index);
        if (old < 0) return;
        rib.removeFromSlot(c.index, slot);
        c.count(-1, p.isIpv6(), Paths.verdict(old));
        changed.add(slot);
    }

    private void announce(ClientSession c, List<PathAttribute> stored, List<Route> routes, Slots changed,
                          MaxPrefixHandler maxPrefix) {
        int id = attributes.intern(stored);
        RouteFacts facts = RouteFacts.of(stored);
        RejectReason attributeVerdict = policy.attributeVerdict(c.policy, facts, null);
        boolean gshut = c.config.gracefulShutdown() && facts.hasCommunity(Communities.GRACEFUL_SHUTDOWN);
        for (Route r : routes) {
            Prefix p = r.prefix();
            int outcome = policy.evaluate(c.policy, facts, attributeVerdict, p, null);
            int verdict = outcome & 0xFF;
            int tags = outcome >>> 8;
            int slot = rib.prefixes().add(p);
            long old = rib.pathOf(slot, c.index);
            boolean ipv6 = p.isIpv6();
            if (verdict == 0 && !(old >= 0 && Paths.isAccepted(old)) && overLimit(c, ipv6)) {
                if (maxPrefix.reached(c, ipv6, limit(c, ipv6))) {
                    if (c.tearingDown) {
                        if (old < 0) rib.forgetIfEmpty(slot);
                        break;
                    }
                    verdict = RejectReason.MAX_PREFIX.verdict();
                }
            }
            attributes.retain(id);
            long path = Paths.of(c.index, id, verdict, tags, gshut);
            if (old >= 0) c.count(-1, ipv6, Paths.verdict(old));
            rib.putInSlot(slot, path);
            c.count(1, ipv6, verdict);
            changed.add(slot);
        }
        attributes.release(id);
    }

    private static boolean overLimit(ClientSession c, boolean ipv6) {
        long limit = limit(c, ipv6);
        return limit > 0 && c.accepted[ipv6 ? 1 : 0] + 1 > limit;
    }

    private static long limit(ClientSession c, boolean ipv6) {
        return ipv6 ? c.policy.maxPrefixIpv6() : c.policy.maxPrefixIpv4();
    }

    /** Distinct slots in arrival order, returned sorted. */
    private static final class Slots {
        private int[] a = new int[16];
        private int n;

        void add(int slot) {
            if (n > 0 && a[n - 1] == slot) return;
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = slot;
        }

        int[] toArray() {
            int[] out = Arrays.copyOf(a, n);
            Arrays.sort(out);
            int k = 0;
            for (int i = 0; i < out.length; i++) {
                if (i == 0 || out[i] != out[i - 1]) out[k++] = out[i];
            }
            return Arrays.copyOf(out, k);
        }
    }
}
