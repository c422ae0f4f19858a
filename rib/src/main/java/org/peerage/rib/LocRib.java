package org.peerage.rib;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import org.peerage.bgp.wire.Prefix;

/**
 * Every client's path for every prefix — the Adj-RIBs-In and the Loc-RIB in one structure — kept per prefix slot as
 * a small array of packed paths ({@link Paths}) in decision order ({@link PathSelection}): accepted paths first, best
 * first, then those import policy refused (kept so a looking glass can show them and a policy change can accept
 * them without a route refresh). The best path a given receiver may have is the first accepted one its export rule
 * allows, which is how a route server answers path hiding (RFC 7947 §2.3.2.1). One path per client and prefix; a
 * new announcement replaces the client's previous one. Not thread-safe: one owner thread.
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

    /** Paths held, accepted or not, over all prefixes and clients. */
    public long pathCount() {
        return pathCount;
    }

    /**
     * Installs a path to {@code prefix}, replacing the same client's previous one; takes over one reference to the
     * path's attribute set.
     *
     * @return the prefix's slot
     */
    public int put(Prefix prefix, long path) {
        int slot = prefixes.add(prefix);
        putInSlot(slot, path);
        return slot;
    }

    /** Like {@link #put} for a prefix already in the index ({@link PrefixIndex#add} gave the slot). */
    public void putInSlot(int slot, long path) {
        if (slot >= paths.length) {
            paths = Arrays.copyOf(paths, Math.max(paths.length * 2, slot + 1));
        }
        long[] current = paths[slot] == null ? NONE : paths[slot];
        int existing = indexOfClient(current, Paths.client(path));
        long[] without = current;
        if (existing >= 0) {
            attributes.release(Paths.attributeId(current[existing]));
            without = remove(current, existing);
        } else {
            pathCount++;
        }
        paths[slot] = insertSorted(without, path);
    }

    /** Removes {@code client}'s path to {@code prefix}; returns the slot, or -1 if it had none. */
    public int remove(int client, Prefix prefix) {
        int slot = prefixes.get(prefix);
        if (slot < 0) {
            return -1;
        }
        return removeFromSlot(client, slot) ? slot : -1;
    }

    /** Removes {@code client}'s path from a slot; false if it had none there. */
    public boolean removeFromSlot(int client, int slot) {
        long[] current = slot < paths.length ? paths[slot] : null;
        int i = current == null ? -1 : indexOfClient(current, client);
        if (i < 0) {
            return false;
        }
        attributes.release(Paths.attributeId(current[i]));
        pathCount--;
        long[] rest = remove(current, i);
        paths[slot] = rest.length == 0 ? null : rest;
        return true;
    }

    /** Removes every path of a client (its session went down); reports each slot that changed. */
    public void removeAll(int client, IntConsumer changed) {
        for (int slot = 0; slot < prefixes.slotLimit(); slot++) {
            if (paths[slot] != null && removeFromSlot(client, slot)) {
                changed.accept(slot);
            }
        }
    }

    /** Reports every slot where {@code client} has a path, with that path. */
    public void forEachPathOf(int client, SlotPathConsumer action) {
        for (int slot = 0; slot < prefixes.slotLimit(); slot++) {
            long[] p = paths[slot];
            if (p == null) continue;
            int i = indexOfClient(p, client);
            if (i >= 0) action.accept(slot, p[i]);
        }
    }

    /** A slot and one path in it. */
    @FunctionalInterface
    public interface SlotPathConsumer {
        void accept(int slot, long path);
    }

    /** {@code client}'s path in a slot, or -1. */
    public long pathOf(int slot, int client) {
        long[] p = candidates(slot);
        int i = indexOfClient(p, client);
        return i < 0 ? -1 : p[i];
    }

    /** Drops a slot's prefix from the index once no path is left; call after reporting the change. */
    public void forgetIfEmpty(int slot) {
        if (slot < paths.length && paths[slot] == null) {
            Prefix p = prefixes.prefix(slot);
            if (p != null) prefixes.remove(p);
        }
    }

    /** The slot's paths in decision order, refused ones last (do not modify). */
    public long[] candidates(int slot) {
        long[] p = slot < paths.length ? paths[slot] : null;
        return p == null ? NONE : p;
    }

    /** The best accepted path, or -1 when there is none. */
    public long best(int slot) {
        long[] p = candidates(slot);
        return p.length == 0 || !Paths.isAccepted(p[0]) ? -1 : p[0];
    }

    /** The best accepted path that {@code allowed} accepts, or -1: the path a receiver with that export rule gets. */
    public long bestAllowed(int slot, LongPredicate allowed) {
        for (long path : candidates(slot)) {
            if (!Paths.isAccepted(path)) break;
            if (allowed.test(path)) return path;
        }
        return -1;
    }

    private static int indexOfClient(long[] paths, int client) {
        for (int i = 0; i < paths.length; i++) {
            if (Paths.client(paths[i]) == client) return i;
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
