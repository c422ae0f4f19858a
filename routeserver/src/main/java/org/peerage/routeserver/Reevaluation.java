package org.peerage.routeserver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.rib.Paths;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * Runs the import checks again over held paths after a reload or a VRP change: every path of the clients marked,
 * and under changed VRPs every path of anyone (with RPKI looked up again only there). The attribute-set checks run
 * once per (client, attribute set). Paths whose outcome changed are replaced in the RIB, counted, and their slots
 * collected for export. RIB thread only.
 */
final class Reevaluation {
    private final RibContext ctx;
    private final Map<Long, Integer> attributeVerdicts = new HashMap<>();
    private final Map<Integer, RouteFacts> facts = new HashMap<>();
    private int[] changedSlots = new int[64];
    private int changedSlotCount;
    private long evaluated;
    private long changed;

    /** What a run did: paths checked, paths whose outcome changed, and the slots those are in (ascending). */
    record Result(long evaluated, long changed, int[] changedSlots) {
    }

    private Reevaluation(RibContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param clientsToCheck per client index, whether all its paths are checked again (may be shorter than the
     *                       session list: the rest are not)
     * @param changedVrps    the coverage of the VRPs that changed, as a table (null: none changed)
     * @param rpkiEverywhere every path's RPKI state is looked up again (VRPs appeared or disappeared altogether)
     */
    static Result run(RibContext ctx, boolean[] clientsToCheck, VrpTable changedVrps, boolean rpkiEverywhere) {
        Reevaluation r = new Reevaluation(ctx);
        for (int slot = 0; slot < ctx.rib.prefixes().slotLimit(); slot++) {
            if (ctx.rib.candidates(slot).length > 0) r.slot(slot, clientsToCheck, changedVrps, rpkiEverywhere);
        }
        return new Result(r.evaluated, r.changed, Arrays.copyOf(r.changedSlots, r.changedSlotCount));
    }

    private void slot(int slot, boolean[] clientsToCheck, VrpTable changedVrps, boolean rpkiEverywhere) {
        Prefix p = ctx.rib.prefixes().prefix(slot);
        boolean underChangedVrp = changedVrps != null && !changedVrps.covering(p).isEmpty();
        boolean slotChanged = false;
        for (long path : ctx.rib.candidates(slot).clone()) {
            int client = Paths.client(path);
            ClientSession c = ctx.sessions.get(client);
            boolean wholeClient = client < clientsToCheck.length && clientsToCheck[client];
            if (c.removed || !(wholeClient || underChangedVrp || rpkiEverywhere)) continue;
            evaluated++;
            long now = check(c, path, p, underChangedVrp || rpkiEverywhere);
            if (now == path) continue;
            changed++;
            slotChanged = true;
            int id = Paths.attributeId(path);
            ctx.attributes.retain(id); // putInSlot releases the replaced path's reference to the same set
            c.count(-1, p.isIpv6(), Paths.verdict(path));
            ctx.rib.putInSlot(slot, now);
            c.count(1, p.isIpv6(), Paths.verdict(now));
        }
        if (slotChanged) {
            if (changedSlotCount == changedSlots.length) changedSlots = Arrays.copyOf(changedSlots, changedSlotCount * 2);
            changedSlots[changedSlotCount++] = slot;
        }
    }

    /** The path as the policy in force judges it now. */
    private long check(ClientSession c, long path, Prefix p, boolean lookUpRpki) {
        int client = Paths.client(path);
        int id = Paths.attributeId(path);
        RouteFacts f = facts.computeIfAbsent(id, k -> RouteFacts.of(ctx.attributes.attributes(k)));
        int attributeVerdict = attributeVerdicts.computeIfAbsent((long) client << 32 | (id & 0xFFFF_FFFFL), k -> {
            RejectReason r = ctx.importPolicy.attributeVerdict(c.policy, f, null);
            return r == null ? 0 : r.verdict();
        });
        int outcome = ctx.importPolicy.evaluate(c.policy, f, attributeVerdict == 0 ? null
                : RejectReason.ofVerdict(attributeVerdict), p, lookUpRpki ? -1 : Paths.tags(path) & 3, null);
        int verdict = outcome & 0xFF;
        if (verdict == 0 && Paths.verdict(path) == RejectReason.MAX_PREFIX.verdict()) {
            verdict = RejectReason.MAX_PREFIX.verdict(); // the limit still holds it back
        }
        boolean gshut = c.config.gracefulShutdown() && f.hasCommunity(Communities.GRACEFUL_SHUTDOWN);
        return Paths.of(client, id, verdict, outcome >>> 8, gshut);
    }
}
