package org.peerage.bgp.wire.attr;

import java.util.Arrays;

/** CLUSTER_LIST (RFC 4456 §8): cluster IDs the route passed through, most recent first. */
public record ClusterList(int flags, int[] ids) implements PathAttribute {
    public ClusterList {
        ids = ids.clone();
    }

    public static ClusterList of(int... ids) {
        return new ClusterList(AttributeType.CLUSTER_LIST.category().flags(), ids);
    }

    @Override
    public int typeCode() {
        return AttributeType.CLUSTER_LIST.code();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterList c && c.flags == flags && Arrays.equals(c.ids, ids);
    }

    @Override
    public int hashCode() {
        return flags * 31 + Arrays.hashCode(ids);
    }
}
