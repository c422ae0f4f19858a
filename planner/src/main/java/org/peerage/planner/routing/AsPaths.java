package org.peerage.planner.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interned AS paths: each distinct path once, as a slice of one int array, with its next AS (the first AS: the
 * neighbour the route was learnt from), its origin AS (the last) and its text for output. Path 0 is the empty path
 * (a route originated locally). AS numbers are unsigned 32-bit values held in ints.
 */
public final class AsPaths {
    private int[] asns = new int[1 << 16];
    private int[] offsets = new int[1 << 12];
    private String[] texts = new String[1 << 12];
    private int count;
    private int used;
    private final Map<Key, Integer> ids = new HashMap<>();

    private record Key(int[] asns) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.asns, asns);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(asns);
        }
    }

    public AsPaths() {
        intern(new int[0], "");
    }

    /**
     * The id of a path, interning it on first sight.
     *
     * @param path the AS numbers in order (AS_SET members flattened, confederation segments left out)
     * @param text the path as printed (sets in braces)
     */
    public int intern(int[] path, String text) {
        Integer id = ids.get(new Key(path));
        if (id != null) {
            return id;
        }
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            texts = Arrays.copyOf(texts, texts.length * 2);
        }
        while (used + path.length > asns.length) {
            asns = Arrays.copyOf(asns, asns.length * 2);
        }
        System.arraycopy(path, 0, asns, used, path.length);
        offsets[count] = used;
        texts[count] = text;
        used += path.length;
        offsets[count + 1] = used;
        ids.put(new Key(path.clone()), count);
        return count++;
    }

    public int count() {
        return count;
    }

    public int length(int path) {
        return offsets[path + 1] - offsets[path];
    }

    public int asn(int path, int i) {
        return asns[offsets[path] + i];
    }

    /** The first AS, or 0 for the empty path. */
    public int nextAs(int path) {
        return length(path) == 0 ? 0 : asns[offsets[path]];
    }

    /** The last AS, or 0 for the empty path. */
    public int originAs(int path) {
        return length(path) == 0 ? 0 : asns[offsets[path + 1] - 1];
    }

    public String text(int path) {
        return texts[path];
    }
}
