package org.peerage.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AttributeDecoder;
import org.peerage.bgp.wire.attr.AttributeEncoder;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.SegmentType;

/**
 * Interned path attribute sets (hash-consing): one entry per distinct encoded content, referred to by a small int
 * id and reference-counted, so a table of a million paths holds only its distinct attribute sets. The fields the
 * decision process reads are kept in primitive arrays beside the id, not recomputed per comparison.
 */
public final class AttributeTable {
    /** The encoding used for identity: 4-octet AS numbers, no ADD-PATH, any length. */
    private static final CodecContext CANONICAL = CodecContext.DEFAULT.withMaxMessageLength(
            CodecContext.EXTENDED_MAX_LENGTH);

    private final List<byte[]> encoded = new ArrayList<>();
    /** Open addressing over the encodings: id + 1 per slot, 0 empty; at most half full. */
    private int[] slots = new int[2048];
    private int[] hashes = new int[1024];
    private int[] refs = new int[1024];
    private int[] pathLength = new int[1024];
    private byte[] origin = new byte[1024];
    private long[] med = new long[1024];
    private int[] serial = new int[1024];
    private int nextSerial = 1;
    private int[] neighborAs = new int[1024];
    private int[] free = new int[64];
    private int freeCount;
    private int live;

    /** The id of this attribute set, adding it if new; each call takes one reference ({@link #release}). */
    public int intern(List<PathAttribute> attrs) {
        WireWriter w = new WireWriter(128);
        AttributeEncoder.encode(w, attrs, CANONICAL);
        byte[] bytes = w.toByteArray();
        int hash = Arrays.hashCode(bytes);
        int at = find(bytes, hash);
        if (at >= 0) {
            int existing = slots[at] - 1;
            refs[existing]++;
            return existing;
        }
        int id = allocate();
        encoded.set(id, bytes);
        hashes[id] = hash;
        refs[id] = 1;
        serial[id] = nextSerial++;
        if (nextSerial == 0) nextSerial = 1;
        index(id, attrs);
        live++;
        slots[-1 - at] = id + 1;
        if (live * 2 > slots.length) rehash(slots.length * 2);
        return id;
    }

    /** The slot holding this encoding, or -1 - the empty slot where it would go. */
    private int find(byte[] bytes, int hash) {
        int mask = slots.length - 1;
        for (int i = home(hash, mask); ; i = i + 1 & mask) {
            int e = slots[i];
            if (e == 0) return -1 - i;
            if (hashes[e - 1] == hash && Arrays.equals(encoded.get(e - 1), bytes)) return i;
        }
    }

    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ h >>> 16) & mask;
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int e : old) {
            if (e == 0) continue;
            int i = home(hashes[e - 1], mask);
            while (slots[i] != 0) i = i + 1 & mask;
            slots[i] = e;
        }
    }

    /** Takes an id out of the table, shifting back the entries after it that would no longer be found. */
    private void unlink(int id) {
        int mask = slots.length - 1;
        int hole = home(hashes[id], mask);
        while (slots[hole] != id + 1) hole = hole + 1 & mask;
        slots[hole] = 0;
        for (int j = hole + 1 & mask; slots[j] != 0; j = j + 1 & mask) {
            int k = home(hashes[slots[j] - 1], mask);
            // The entry at j may fill the hole if its home is not cyclically within (hole, j].
            boolean reachable = hole <= j ? hole < k && k <= j : hole < k || k <= j;
            if (!reachable) {
                slots[hole] = slots[j];
                slots[j] = 0;
                hole = j;
            }
        }
    }

    /** Takes another reference to an id already held. */
    public void retain(int id) {
        refs[id]++;
    }

    /** Drops one reference; the set is forgotten when none remain and its id is reused. */
    public void release(int id) {
        if (--refs[id] > 0) {
            return;
        }
        unlink(id);
        encoded.set(id, null);
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = id;
        live--;
    }

    /**
     * The attributes of a set, decoded from its encoding on each call: the table keeps sets encoded only (a decoded
     * list costs several times the bytes), and callers that need them often cache what they derive.
     */
    public List<PathAttribute> attributes(int id) {
        byte[] bytes = encoded.get(id);
        return AttributeDecoder.decodeUpdate(bytes, 0, bytes.length, 0, CANONICAL).attributes();
    }

    /** The attribute bytes as a 4-octet session without ADD-PATH would carry them. */
    public byte[] encoded(int id) {
        return encoded.get(id);
    }

    /** One past the highest id ever given: every id held is below it (for caches indexed by id). */
    public int idLimit() {
        return encoded.size();
    }

    /** Distinct attribute sets in use. */
    public int size() {
        return live;
    }

    public int references(int id) {
        return refs[id];
    }

    int pathLength(int id) {
        return pathLength[id];
    }

    int origin(int id) {
        return origin[id];
    }

    long med(int id) {
        return med[id];
    }

    /**
     * A number that tells this set apart from every other set held under the same id before or after it (ids are
     * reused once released): caches keyed by id check it to notice reuse. Wraps after 2^32 interned sets.
     */
    public int serial(int id) {
        return serial[id];
    }

    /** The neighbouring AS (first AS of the path), whose MEDs are comparable; 0 for an empty path. */
    int neighborAs(int id) {
        return neighborAs[id];
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        int id = encoded.size();
        encoded.add(null);
        if (id == refs.length) {
            int n = refs.length * 2;
            hashes = Arrays.copyOf(hashes, n);
            refs = Arrays.copyOf(refs, n);
            pathLength = Arrays.copyOf(pathLength, n);
            origin = Arrays.copyOf(origin, n);
            med = Arrays.copyOf(med, n);
            serial = Arrays.copyOf(serial, n);
            neighborAs = Arrays.copyOf(neighborAs, n);
        }
        return id;
    }

    private void index(int id, List<PathAttribute> attrs) {
        pathLength[id] = 0;
        origin[id] = Origin.INCOMPLETE;
        med[id] = 0; // RFC 4271 §9.1.2.2: a missing MED is the lowest
        neighborAs[id] = 0;
        for (PathAttribute a : attrs) {
            switch (a) {
                case AsPath p -> {
                    pathLength[id] = p.pathLength();
                    for (AsPathSegment s : p.segments()) {
                        if (s.type() == SegmentType.AS_SEQUENCE) {
                            neighborAs[id] = (int) s.asn(0);
                            break;
                        }
                    }
                }
                case Origin o -> origin[id] = (byte) o.value();
                case MultiExitDisc m -> med[id] = m.value();
                default -> { }
            }
        }
    }
}
