package org.peerage.rib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerage.bgp.wire.CodecContext;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
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

    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<List<PathAttribute>> attributes = new ArrayList<>();
    private final List<byte[]> encoded = new ArrayList<>();
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

    /** Byte content as a map key: equality and hash over the array. */
    private record Key(byte[] bytes, int hash) {
        Key(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The id of this attribute set, adding it if new; each call takes one reference ({@link #release}). */
    public int intern(List<PathAttribute> attrs) {
        WireWriter w = new WireWriter(128);
        AttributeEncoder.encode(w, attrs, CANONICAL);
        Key key = new Key(w.toByteArray());
        Integer existing = ids.get(key);
        if (existing != null) {
            refs[existing]++;
            return existing;
        }
        int id = allocate();
        ids.put(key, id);
        List<PathAttribute> copy = List.copyOf(attrs);
        attributes.set(id, copy);
        encoded.set(id, key.bytes());
        refs[id] = 1;
        serial[id] = nextSerial++;
        if (nextSerial == 0) nextSerial = 1;
        index(id, copy);
        live++;
        return id;
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
        ids.remove(new Key(encoded.get(id)));
        attributes.set(id, null);
        encoded.set(id, null);
        if (freeCount == free.length) free = Arrays.copyOf(free, freeCount * 2);
        free[freeCount++] = id;
        live--;
    }

    public List<PathAttribute> attributes(int id) {
        return attributes.get(id);
    }

    /** The attribute bytes as a 4-octet session without ADD-PATH would carry them. */
    public byte[] encoded(int id) {
        return encoded.get(id);
    }

    /** One past the highest id ever given: every id held is below it (for caches indexed by id). */
    public int idLimit() {
        return attributes.size();
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
        int id = attributes.size();
        attributes.add(null);
        encoded.add(null);
        if (id == refs.length) {
            int n = refs.length * 2;
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
