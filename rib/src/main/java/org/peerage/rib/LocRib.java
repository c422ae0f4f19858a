package org.peerage.rib;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import org.peerage.bgp.wire.Prefix;

/**
 * Every client's path for every prefix, kept per prefix slot as a small array of packed paths in decision order
 * ({@link PathSelection}): the best path is first, and the best path a given receiver may have is the first one its
 * export rule allows, which is how a route server answers path hiding (RFC 7947 §2.3.2.1). One path per client and
 * prefix; a new announcement replaces the client's previous one. Not thread-safe: one owner thread.
 */
public final class LocRib {
    private static final long[] NONE = new long[0];

    private final AttributeTable attributes;
    private final PathSelection selection;
    private final PrefixIndex prefixes = new PrefixIndex();
    private long[][] paths = new long[1024][];
    private long pathCount;

    public LocRib(AttributeTable attributes, Clients clients) {
        this.attributes = attributes;
        this.selection = new PathSelection(attributes, clients);
    }

    public PrefixIndex prefixes() {
        return prefixes;
    }

    /** Paths held, over all prefixes and clients. */
    public long pathCount() {
        return pathCount;
    }

    /**
     * Installs {@code client}'s path to {@code prefix}; takes over one reference to {@code attributeId}.
     *
     * @return the prefix's slot
     */
    public int announce(int client, Prefix prefix, int attributeId) {
        int slot = prefixes.add(prefix);
        if (slot >= paths.length) {
            paths = Arrays.copyOf(paths, Math.max(paths.length * 2, slot + 1));
        }
        long[] current = paths[slot] == null ? NONE : paths[slot];
        long path = PathSelection.path(client, attributeId);
        int existing = indexOfClient(current, client);
        long[] without = current;
        if (existing >= 0) {
            attributes.release(PathSelection.attributeId(current[existing]));
            without = remove(current, existing);
        } else {
            pathCount++;
        }
        paths[slot] = insertSorted(without, path);
        return slot;
    }

    /** Removes {@code client}'s path to {@code prefix}; returns the slot, or -1 if it had none. */
    public int withdraw(int client, Prefix prefix) {
        int slot = prefixes.get(prefix);
        if (slot < 0) {
            return -1;
        }
        return withdrawSlot(client, slot) ? slot : -1;
    }

    private boolean withdrawSlot(int client, int slot) {
        long[] current = paths[slot];
        int i = current == null ? -1 : indexOfClient(current, client);
        if (i < 0) {
            return false;
        }
        attributes.release(PathSelection.attributeId(current[i]));
        pathCount--;
        long[] rest = remove(current, i);
        paths[slot] = rest.length == 0 ? null : rest;
        return true;
    }

    /** Removes every path of a client (its session went down); reports each slot that changed. */
    public void withdrawAll(int client, IntConsumer changed) {
        for (int slot = 0; slot < prefixes.slotLimit(); slot++) {
            if (paths[slot] != null && withdrawSlot(client, slot)) {
                changed.accept(slot);
            }
        }
    }

    /** Drops a slot's prefix from the index once no path is left; call after reporting the change. */
    public void forgetIfEmpty(int slot) {
        if (paths[slot] == null) {
            Prefix p = prefixes.prefix(slot);
            if (p != null) prefixes.remove(p);
        }
    }

    /** The slot's paths in decision order (do not modify). */
    public long[] candidates(int slot) {
        long[] p = slot < paths.length ? paths[slot] : null;
        return p == null ? NONE : p;
    }

    /** The best path, or -1 when there is none. */
    public long best(int slot) {
        long[] p = candidates(slot);
        return p.length == 0 ? -1 : p[0];
    }

    /** The best path among those {@code allowed} accepts, or -1: the path a receiver with that export rule gets. */
    public long bestAllowed(int slot, LongPredicate allowed) {
        for (long path : candidates(slot)) {
            if (allowed.test(path)) return path;
        }
        return -1;
    }

    /** The best path not from {@code client}: what a route server sends a client when no other policy applies. */
    public long bestExcluding(int slot, int client) {
        for (long path : candidates(slot)) {
            if (PathSelection.client(path) != client) return path;
        }
        return -1;
    }

    private static int indexOfClient(long[] paths, int client) {
        for (int i = 0; i < paths.length; i++) {
            if (PathSelection.client(paths[i]) == client) return i;
        }
        return -1;
    }

    private static long[] remove(long[] a, int i) {
        long[] out = new long[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    private long[] insertSorted(long[] a, long path) {
        int at = 0;
        while (at < a.length && selection.compare(a[at], path) <= 0) at++;
        long[] out = new long[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = path;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }
}
