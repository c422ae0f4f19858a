package org.peerage.routeserver;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.policy.rpki.VrpTable;
import org.peerage.rib.Paths;
import org.peerage.routeserver.filter.RejectReason;
import org.peerage.routeserver.filter.RouteFacts;

/**
 * Runs the import checks again over held paths after a reload or a VRP change: every path of the clients marked,
 * and under changed VRPs every path of anyone (with RPKI looked up again only there). Called on the RIB thread; the
 * checks themselves run on every core over disjoint slot ranges (the policy is immutable and nothing else touches
 * the RIB meanwhile), then the RIB thread applies the few paths whose outcome changed, counts them and collects
 * their slots for export.
 */
final class Reevaluation {
    /** Below this many slots one thread does it all: splitting would cost more than it saves. */
    private static final int PARALLEL_FROM = 20_000;

    /** What a run did: paths checked, paths whose outcome changed, and the slots those are in (ascending). */
    record Result(long evaluated, long changed, int[] changedSlots) {
    }

    private record Job(RibContext ctx, boolean[] clientsToCheck, VrpTable changedVrps, boolean rpkiEverywhere) {
    }

    private Reevaluation() {
    }

    /**
     * @param clientsToCheck per client index, whether all its paths are checked again (may be shorter than the
     *                       session list: the rest are not)
     * @param changedVrps    the coverage of the VRPs that changed, as a table (null: none changed)
     * @param rpkiEverywhere every path's RPKI state is looked up again (VRPs appeared or disappeared altogether)
     */
    static Result run(RibContext ctx, boolean[] clientsToCheck, VrpTable changedVrps, boolean rpkiEverywhere) {
        Job job = new Job(ctx, clientsToCheck, changedVrps, rpkiEverywhere);
        int slots = ctx.rib.prefixes().slotLimit();
        int parts = slots < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        List<Checked> checked = IntStream.range(0, parts).parallel()
                .mapToObj(i -> new Checked(job, (int) ((long) slots * i / parts), (int) ((long) slots * (i + 1) / parts)))
                .toList();
        long evaluated = 0;
        long changed = 0;
        int[] changedSlots = new int[64];
        int changedSlotCount = 0;
        for (Checked part : checked) { // in slot order, so the slots come out ascending
            evaluated += part.evaluated;
            changed += part.changes / 2;
            for (int i = 0; i < part.changes; i += 2) {
                int slot = (int) part.change[i];
                apply(ctx, slot, part.change[i + 1]);
                if (changedSlotCount == 0 || changedSlots[changedSlotCount - 1] != slot) {
                    if (changedSlotCount == changedSlots.length) {
                        changedSlots = Arrays.copyOf(changedSlots, changedSlotCount * 2);
                    }
                    changedSlots[changedSlotCount++] = slot;
                }
            }
        }
        return new Result(evaluated, changed, Arrays.copyOf(changedSlots, changedSlotCount));
    }

    /** Replaces the client's path in the slot with its new outcome. RIB thread. */
    private static void apply(RibContext ctx, int slot, long now) {
        int client = Paths.client(now);
        long before = ctx.rib.pathOf(slot, client);
        ClientSession c = ctx.sessions.get(client);
        boolean v6 = ctx.rib.prefixes().isIpv6(slot);
        ctx.attributes.retain(Paths.attributeId(now)); // putInSlot releases the replaced path's reference to it
        c.count(-1, v6, Paths.verdict(before));
        ctx.rib.putInSlot(slot, now);
        c.count(1, v6, Paths.verdict(now));
    }

    /**
     * The checks over one range of slots, remembering only the paths whose outcome differs. Each range has its own
     * caches: the facts of each attribute set, and the attribute-level verdict for the client that last used the
     * set (a set nearly always belongs to one client: its path starts with that client's AS).
     */
    private static final class Checked {
        private final Job job;
        private final RouteFacts[] facts;
        private final int[] verdictClient; // client + 1 whose verdict verdictOf holds, 0 for none
        private final int[] verdictOf;
        long[] change = new long[64]; // pairs: slot, new path
        int changes;
        long evaluated;

        Checked(Job job, int from, int to) {
            this.job = job;
            int ids = job.ctx.attributes.idLimit();
            facts = new RouteFacts[ids];
            verdictClient = new int[ids];
            verdictOf = new int[ids];
            for (int slot = from; slot < to; slot++) {
                if (job.ctx.rib.candidates(slot).length > 0) slot(slot);
            }
        }

        private void slot(int slot) {
            RibContext ctx = job.ctx;
            Prefix p = ctx.rib.prefixes().prefix(slot);
            boolean underChangedVrp = job.changedVrps != null && !job.changedVrps.covering(p).isEmpty();
            boolean lookUpRpki = underChangedVrp || job.rpkiEverywhere;
            for (long path : ctx.rib.candidates(slot)) {
                int client = Paths.client(path);
                ClientSession c = ctx.sessions.get(client);
                boolean wholeClient = client < job.clientsToCheck.length && job.clientsToCheck[client];
                if (c.removed || !(wholeClient || lookUpRpki)) continue;
                evaluated++;
                long now = check(c, path, p, lookUpRpki);
                if (now == path) continue;
                if (changes + 2 > change.length) change = Arrays.copyOf(change, change.length * 2);
                change[changes++] = slot;
                change[changes++] = now;
            }
        }

        /** The path as the policy in force judges it now. */
        private long check(ClientSession c, long path, Prefix p, boolean lookUpRpki) {
            RibContext ctx = job.ctx;
            int client = Paths.client(path);
            int id = Paths.attributeId(path);
            RouteFacts f = facts[id];
            if (f == null) f = facts[id] = RouteFacts.of(ctx.attributes.attributes(id));
            if (verdictClient[id] != client + 1) {
                RejectReason r = ctx.importPolicy.attributeVerdict(c.policy, f, null);
                verdictOf[id] = r == null ? 0 : r.verdict();
                verdictClient[id] = client + 1;
            }
            int attributeVerdict = verdictOf[id];
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
}
