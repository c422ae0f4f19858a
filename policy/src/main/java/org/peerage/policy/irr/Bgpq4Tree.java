package org.peerage.policy.irr;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PrefixBits;

/**
 * The prefix-list entries bgpq4 prints for a set of prefixes of one family, in its order, optionally aggregated as
 * {@code bgpq4 -A} does. bgpq4 keeps prefixes in a binary radix tree with "glue" nodes at branching points and
 * merges, bottom up, two sibling halves of equal shape into one entry of their parent with a length range; an
 * entry that cannot absorb its children's range keeps it in a "son" entry for the same prefix. The same rules are
 * applied here so that the output matches bgpq4 line for line (checked against bgpq4 itself by the tests).
 */
public final class Bgpq4Tree {
    /** One printed entry: the prefix alone, or with the length range {@code low..high} when aggregated. */
    public record Entry(Prefix prefix, boolean aggregate, int low, int high) {
    }

    private static final class Node {
        final long hi;
        final long lo;
        final int len;
        Node l;
        Node r;
        Node son;
        boolean glue;
        boolean aggregate;
        int aggLow;
        int aggHigh;

        Node(long hi, long lo, int len) {
            this.hi = hi;
            this.lo = lo;
            this.len = len;
        }
    }

    private final boolean ipv6;
    private Node head;

    private Bgpq4Tree(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    /** The entries for {@code prefixes} (one family), aggregated if asked. */
    public static List<Entry> entries(List<Prefix> prefixes, boolean ipv6, boolean aggregate) {
        Bgpq4Tree t = new Bgpq4Tree(ipv6);
        for (Prefix p : prefixes) {
            if (p.isIpv6() == ipv6) {
                int n = p.length();
                t.insert(PrefixBits.maskHi(PrefixBits.hi(p), n), PrefixBits.maskLo(PrefixBits.lo(p), n), n);
            }
        }
        if (aggregate && t.head != null) {
            aggregate(t.head);
        }
        List<Entry> out = new ArrayList<>();
        if (t.head != null) {
            t.collect(t.head, out);
        }
        return out;
    }

    private static int commonBits(Node a, long hi, long lo, int len) {
        int max = Math.min(a.len, len);
        long x = a.hi ^ hi;
        int eq = x != 0 ? Long.numberOfLeadingZeros(x) : 64 + (a.lo == lo ? 64 : Long.numberOfLeadingZeros(a.lo ^ lo));
        return Math.min(eq, max);
    }

    private void insert(long hi, long lo, int len) {
        if (head == null) {
            head = new Node(hi, lo, len);
            return;
        }
        Node parent = null;
        boolean right = false;
        Node cur = head;
        while (true) {
            int eb = commonBits(cur, hi, lo, len);
            if (eb < len && eb < cur.len) {
                // Diverging below both: a glue node at the branching point takes both.
                Node glue = new Node(PrefixBits.maskHi(hi, eb), PrefixBits.maskLo(lo, eb), eb);
                glue.glue = true;
                Node fresh = new Node(hi, lo, len);
                if (PrefixBits.bit(hi, lo, eb)) {
                    glue.l = cur;
                    glue.r = fresh;
                } else {
                    glue.l = fresh;
                    glue.r = cur;
                }
                link(parent, right, glue);
                return;
            }
            if (eb == len && eb < cur.len) {
                Node fresh = new Node(hi, lo, len);
                if (PrefixBits.bit(cur.hi, cur.lo, eb)) {
                    fresh.r = cur;
                } else {
                    fresh.l = cur;
                }
                link(parent, right, fresh);
                return;
            }
            if (eb == cur.len && eb < len) {
                parent = cur;
                right = PrefixBits.bit(hi, lo, eb);
                Node next = right ? cur.r : cur.l;
                if (next == null) {
                    link(parent, right, new Node(hi, lo, len));
                    return;
                }
                cur = next;
                continue;
            }
            cur.glue = false; // the same prefix: a glue node becomes a real one
            return;
        }
    }

    private void link(Node parent, boolean right, Node child) {
        if (parent == null) {
            head = child;
        } else if (right) {
            parent.r = child;
        } else {
            parent.l = child;
        }
    }

    private static Node sonOf(Node parent, int low, int high) {
        Node son = new Node(parent.hi, parent.lo, parent.len);
        son.aggregate = true;
        son.aggLow = low;
        son.aggHigh = high;
        return son;
    }

    /** bgpq4's aggregation pass, bottom up: the children first, then the merge rules at this node. */
    private static void aggregate(Node n) {
        if (n.l != null) {
            aggregate(n.l);
        }
        if (n.r != null) {
            aggregate(n.r);
        }
        Node l = n.l, r = n.r;
        if (l == null || r == null) {
            return;
        }
        boolean halves = l.len == n.len + 1 && r.len == n.len + 1;
        if (!r.aggregate && !l.aggregate && !r.glue && !l.glue && r.len == l.len) {
            // Two plain siblings: if they are this node's halves, this node stands for both.
            if (r.len == n.len + 1) {
                n.aggregate = true;
                r.glue = true;
                l.glue = true;
                n.aggHigh = r.len;
                if (n.glue) {
                    n.glue = false;
                    n.aggLow = r.len;
                } else {
                    n.aggLow = n.len;
                }
            }
            if (r.son != null && l.son != null && r.son.aggregate && l.son.aggregate
                    && r.son.aggHigh == l.son.aggHigh && r.son.aggLow == l.son.aggLow && halves) {
                n.son = sonOf(n, r.son.aggLow, r.son.aggHigh);
                r.son.glue = true;
                l.son.glue = true;
            }
        } else if (r.aggregate && l.aggregate && r.aggHigh == l.aggHigh && r.aggLow == l.aggLow) {
            // Two aggregates of the same range: lift the range one level.
            if (halves) {
                if (n.glue) {
                    r.glue = true;
                    l.glue = true;
                    n.aggregate = true;
                    n.glue = false;
                    n.aggHigh = r.aggHigh;
                    n.aggLow = r.aggLow;
                } else if (r.len == r.aggLow) {
                    r.glue = true;
                    l.glue = true;
                    n.aggregate = true;
                    n.aggHigh = r.aggHigh;
                    n.aggLow = n.len;
                } else {
                    n.son = sonOf(n, r.aggLow, r.aggHigh);
                    r.glue = true;
                    l.glue = true;
                    if (r.son != null && l.son != null && r.son.aggHigh == l.son.aggHigh
                            && r.son.aggLow == l.son.aggLow) {
                        n.son.son = sonOf(n, r.son.aggLow, r.son.aggHigh);
                        r.son.glue = true;
                        l.son.glue = true;
                    }
                }
            }
        } else if (l.son != null && r.aggregate && l.son.aggregate && r.aggHigh == l.son.aggHigh
                && r.aggLow == l.son.aggLow) {
            if (halves) {
                if (n.glue) {
                    r.glue = true;
                    l.son.glue = true;
                    n.aggregate = true;
                    n.glue = false;
                    n.aggHigh = r.aggHigh;
                    n.aggLow = r.aggLow;
                } else {
                    n.son = sonOf(n, r.aggLow, r.aggHigh);
                    r.glue = true;
                    l.son.glue = true;
                }
            }
        } else if (r.son != null && l.aggregate && r.son.aggregate && l.aggHigh == r.son.aggHigh
                && l.aggLow == r.son.aggLow) {
            if (halves) {
                if (n.glue) {
                    l.glue = true;
                    r.son.glue = true;
                    n.aggregate = true;
                    n.glue = false;
                    n.aggHigh = l.aggHigh;
                    n.aggLow = l.aggLow;
                } else {
                    n.son = sonOf(n, l.aggLow, l.aggHigh);
                    l.glue = true;
                    r.son.glue = true;
                }
            }
        }
    }

    /** bgpq4's print order: a node, then its son entries, then the left subtree, then the right. */
    private void collect(Node n, List<Entry> out) {
        for (Node s = n; s != null; s = s.son) {
            if (!s.glue) {
                Prefix p = PrefixBits.toPrefix(ipv6, s.hi, s.lo, s.len);
                out.add(s.aggregate ? new Entry(p, true, s.aggLow, s.aggHigh) : new Entry(p, false, s.len, s.len));
            }
        }
        if (n.l != null) {
            collect(n.l, out);
        }
        if (n.r != null) {
            collect(n.r, out);
        }
    }
}
