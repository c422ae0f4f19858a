package org.peerage.planner.attribution;

import org.peerage.bgp.wire.Prefix;
import org.peerage.flow.FlowBatch;
import org.peerage.planner.routing.AsPaths;
import org.peerage.planner.routing.RoutingTable;

/**
 * Gives each flow record its direction and the route of its remote end by longest-prefix match of both addresses.
 * A flow is inbound when its destination is local and its source is not (the source's route learnt from outside,
 * or no route at all); it is then attributed to the source's route. Every other flow is outbound, attributed to the
 * destination's route. Read-only once made: one instance serves every thread.
 */
public final class Attributor {
    public static final byte IN = 0;
    public static final byte OUT = 1;
    /** No route covers the remote address. */
    public static final int UNROUTED = -1;

    private final RoutingTable table;
    private final byte[] local;

    private Attributor(RoutingTable table, byte[] local) {
        this.table = table;
        this.local = local;
    }

    /** Builds the routing table with our prefixes added (as local routes, where the table lacks them). */
    public static Attributor of(RoutingTable.Builder routes, LocalNetwork mine) {
        for (Prefix p : mine.prefixes()) {
            if (!routes.contains(p)) {
                routes.add(p, 0);
            }
        }
        RoutingTable table = routes.build();
        AsPaths paths = table.asPaths();
        byte[] local = new byte[table.size()];
        for (int r = 0; r < table.size(); r++) {
            int path = table.path(r);
            boolean ours = paths.length(path) == 0 || mine.isLocalAs(paths.originAs(path))
                    || mine.covers(table.prefix(r));
            local[r] = (byte) (ours ? 1 : 0);
        }
        return new Attributor(table, local);
    }

    public RoutingTable table() {
        return table;
    }

    public boolean isLocal(int route) {
        return route >= 0 && local[route] != 0;
    }

    private int lookup(int family, long hi, long lo) {
        if (family == 4) {
            return table.lookupIpv4((int) lo);
        }
        if (family == 6) {
            return table.lookupIpv6(hi, lo);
        }
        return UNROUTED;
    }

    /**
     * Attributes records {@code [from, to)} of a batch.
     *
     * @param remote    out: per record, the route of the remote end or {@link #UNROUTED}
     * @param direction out: per record, {@link #IN} or {@link #OUT}
     */
    public void attribute(FlowBatch b, int from, int to, int[] remote, byte[] direction) {
        byte[] local = this.local;
        for (int i = from; i < to; i++) {
            int family = b.family(i);
            int s = lookup(family, b.srcHi(i), b.srcLo(i));
            int d = lookup(family, b.dstHi(i), b.dstLo(i));
            boolean srcLocal = s >= 0 && local[s] != 0;
            boolean dstLocal = d >= 0 && local[d] != 0;
            if (dstLocal && !srcLocal) {
                direction[i] = IN;
                remote[i] = s;
            } else {
                direction[i] = OUT;
                remote[i] = d;
            }
        }
    }
}
