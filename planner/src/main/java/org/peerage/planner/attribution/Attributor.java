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
    /** Per route: its AS path id shifted left by one, and 1 if the route is local; one read serves both. */
    private final int[] meta;

    private Attributor(RoutingTable table, int[] meta) {
        this.table = table;
        this.meta = meta;
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
        int[] meta = new int[table.size()];
        for (int r = 0; r < table.size(); r++) {
            int path = table.path(r);
            boolean ours = paths.length(path) == 0 || mine.isLocalAs(paths.originAs(path))
                    || mine.covers(table.prefix(r));
            meta[r] = (path << 1) | (ours ? 1 : 0);
        }
        return new Attributor(table, meta);
    }

    public RoutingTable table() {
        return table;
    }

    public boolean isLocal(int route) {
        return route >= 0 && (meta[route] & 1) != 0;
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
     * @param remote     out: per record, the route of the remote end or {@link #UNROUTED}
     * @param remotePath out: per record, that route's AS path id, or {@link TrafficAggregate#UNROUTED_PATH}
     * @param direction  out: per record, {@link #IN} or {@link #OUT}
     */
    public void attribute(FlowBatch b, int from, int to, int[] remote, int[] remotePath, byte[] direction) {
        int[] meta = this.meta;
        for (int i = from; i < to; i++) {
            int family = b.family(i);
            int d = lookup(family, b.dstHi(i), b.dstLo(i));
            int md = d >= 0 ? meta[d] : (TrafficAggregate.UNROUTED_PATH << 1);
            if ((md & 1) != 0) {
                // Only a flow to us needs its source looked up: inbound unless the source is ours too.
                int s = lookup(family, b.srcHi(i), b.srcLo(i));
                int ms = s >= 0 ? meta[s] : (TrafficAggregate.UNROUTED_PATH << 1);
                if ((ms & 1) == 0) {
                    direction[i] = IN;
                    remote[i] = s;
                    remotePath[i] = ms >>> 1;
                    continue;
                }
            }
            direction[i] = OUT;
            remote[i] = d;
            remotePath[i] = md >>> 1;
        }
    }
}
