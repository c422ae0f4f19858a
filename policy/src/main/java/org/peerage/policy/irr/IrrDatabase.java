package org.peerage.policy.irr;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.policy.Asns;
import org.peerage.policy.IntSort;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.PrefixIndex;

/**
 * IRR data loaded from dump files, immutable: route and route6 objects in primitive columns sorted by origin, and
 * as-sets reduced to their members. Answers the questions route server filters ask: what an as-set expands to,
 * and which prefixes those ASes registered.
 *
 * <p>Sources: every object keeps the {@code source:} it names (RIPE, RADB, ...). When an as-set name is defined in
 * several sources, an unqualified reference takes the definition from the dump given first (order the dumps by
 * preference, as bgpq4's {@code -S} orders sources); "RIPE::AS-FOO" takes RIPE's. Expanding a source-qualified
 * root keeps to that source throughout (its nested sets and the route objects), like {@code bgpq4 -S RIPE AS-FOO};
 * a nested member qualified with another source is looked up there.
 */
public final class IrrDatabase {
    public static final int DEFAULT_MAX_DEPTH = 32;

    private final String[] sources;
    private final int[] origin4;
    private final int[] addr4;
    private final byte[] len4;
    private final short[] src4;
    private final int[] origin6;
    private final long[] hi6;
    private final long[] lo6;
    private final byte[] len6;
    private final short[] src6;
    private final Map<String, AsSetDef[]> sets;
    private final int asSetCount;
    private final int[] autNums;
    private final String[] autNames;
    private final List<String> problems;
    private final long problemCount;
    private final IrrStats stats;

    private IrrDatabase(IrrBuilder b) {
        sources = b.sources.toArray(String[]::new);
        int[] o4 = sortByOrigin(b.n4, (x, y) -> {
            int c = Integer.compareUnsigned(b.origin4[x], b.origin4[y]);
            if (c != 0) return c;
            c = Integer.compareUnsigned(b.addr4[x], b.addr4[y]);
            if (c != 0) return c;
            c = Byte.compare(b.len4[x], b.len4[y]);
            return c != 0 ? c : Short.compare(b.src4[x], b.src4[y]);
        });
        int k = 0;
        int[] origin = new int[o4.length];
        int[] addr = new int[o4.length];
        byte[] len = new byte[o4.length];
        short[] src = new short[o4.length];
        for (int i : o4) {
            if (k > 0 && origin[k - 1] == b.origin4[i] && addr[k - 1] == b.addr4[i] && len[k - 1] == b.len4[i]
                    && src[k - 1] == b.src4[i]) {
                continue;
            }
            origin[k] = b.origin4[i];
            addr[k] = b.addr4[i];
            len[k] = b.len4[i];
            src[k] = b.src4[i];
            k++;
        }
        origin4 = Arrays.copyOf(origin, k);
        addr4 = Arrays.copyOf(addr, k);
        len4 = Arrays.copyOf(len, k);
        src4 = Arrays.copyOf(src, k);

        int[] o6 = sortByOrigin(b.n6, (x, y) -> {
            int c = Integer.compareUnsigned(b.origin6[x], b.origin6[y]);
            if (c != 0) return c;
            c = PrefixIndex.compare(b.hi6[x], b.lo6[x], b.len6[x] & 0xFF, b.hi6[y], b.lo6[y], b.len6[y] & 0xFF);
            return c != 0 ? c : Short.compare(b.src6[x], b.src6[y]);
        });
        k = 0;
        int[] origin6b = new int[o6.length];
        long[] hi = new long[o6.length];
        long[] lo = new long[o6.length];
        byte[] len6b = new byte[o6.length];
        short[] src6b = new short[o6.length];
        for (int i : o6) {
            if (k > 0 && origin6b[k - 1] == b.origin6[i] && hi[k - 1] == b.hi6[i] && lo[k - 1] == b.lo6[i]
                    && len6b[k - 1] == b.len6[i] && src6b[k - 1] == b.src6[i]) {
                continue;
            }
            origin6b[k] = b.origin6[i];
            hi[k] = b.hi6[i];
            lo[k] = b.lo6[i];
            len6b[k] = b.len6[i];
            src6b[k] = b.src6[i];
            k++;
        }
        origin6 = Arrays.copyOf(origin6b, k);
        hi6 = Arrays.copyOf(hi, k);
        lo6 = Arrays.copyOf(lo, k);
        len6 = Arrays.copyOf(len6b, k);
        src6 = Arrays.copyOf(src6b, k);

        Map<String, AsSetDef[]> m = new HashMap<>(b.asSetsByName.size() * 2);
        b.asSetsByName.forEach((name, defs) -> m.put(name, defs.toArray(AsSetDef[]::new)));
        sets = m;
        asSetCount = b.asSets.size();

        int[] autOrder = sortByOrigin(b.nAut, (x, y) -> Integer.compareUnsigned(b.autNum[x], b.autNum[y]));
        int[] an = new int[autOrder.length];
        String[] names = new String[autOrder.length];
        k = 0;
        for (int i : autOrder) {
            if (k > 0 && an[k - 1] == b.autNum[i]) {
                continue;
            }
            an[k] = b.autNum[i];
            names[k] = b.autName[i];
            k++;
        }
        autNums = Arrays.copyOf(an, k);
        autNames = Arrays.copyOf(names, k);
        problems = List.copyOf(b.problems);
        problemCount = b.problemCount;
        stats = new IrrStats(b.files, b.objects, b.routes, b.route6s, b.asSetObjects, b.autNumObjects, b.malformed);
    }

    private static int[] sortByOrigin(int n, IntSort.IndexComparator cmp) {
        int[] order = IntSort.identity(n);
        IntSort.sort(order, 0, n, cmp);
        return order;
    }

    /**
     * Loads RPSL dumps (plain, gzip, bzip2 or xz, recognized by content) and ARIN's origin AS JSON export, in the
     * order given. Broken objects are skipped and reported in {@link #problems()}.
     *
     * @throws PolicyDataException if a file is missing, unreadable, or not one of these formats at all
     */
    public static IrrDatabase load(List<Path> dumps) throws PolicyDataException {
        IrrBuilder b = new IrrBuilder();
        for (Path dump : dumps) {
            loadOne(dump, b);
            b.files++;
        }
        return new IrrDatabase(b);
    }

    private static void loadOne(Path dump, IrrBuilder b) throws PolicyDataException {
        String name = dump.toString();
        try (InputStream raw = MrtInput.open(name); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            int first = 0;
            while (first < head.length && (head[first] == ' ' || head[first] == '\t' || head[first] == '\r'
                    || head[first] == '\n' || (head[first] & 0xFF) == 0xEF || (head[first] & 0xFF) == 0xBB
                    || (head[first] & 0xFF) == 0xBF)) {
                first++;
            }
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                throw new PolicyDataException(name + ": a zip archive; unpack it and give the RPSL file inside");
            }
            for (byte h : head) {
                if (h == 0) {
                    throw new PolicyDataException(name + ": binary data, not an RPSL dump or ARIN JSON export");
                }
            }
            if (first < head.length && head[first] == '{') {
                new ArinOriginAsReader(name, b).read(in);
            } else {
                new RpslReader(name, in, b).read();
            }
        } catch (NoSuchFileException e) {
            throw new PolicyDataException(name + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PolicyDataException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (EOFException e) {
            throw new PolicyDataException(name + ": truncated (compressed stream ends early)");
        } catch (IOException e) {
            throw new PolicyDataException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Expands with the default depth limit of {@value #DEFAULT_MAX_DEPTH}. */
    public AsSetExpansion expand(String name) {
        return expand(name, DEFAULT_MAX_DEPTH);
    }

    /**
     * Expands an as-set recursively ("AS-FOO", "RIPE::AS-FOO", "AS123:AS-FOO"), or returns a single AS ("AS123")
     * as its own expansion. {@code maxDepth} 1 takes the root's own members only. Sets are followed breadth first,
     * so each AS's {@link AsSetExpansion#chain} is a shortest one; loops are reported and cut.
     */
    public AsSetExpansion expand(String name, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("depth limit must be at least 1, got " + maxDepth);
        }
        String given = name.strip();
        String upper = given.toUpperCase(Locale.ROOT);
        String restrict = AsSetNames.sourceOf(upper);
        String bare = AsSetNames.nameOf(upper);
        long single = bare.startsWith("AS") ? Asns.parse(bare) : -1;
        if (single >= 0) {
            return new AsSetExpansion(given, new long[] {single}, List.of(), List.of(), false,
                    new AsSetExpansion.Provenance(new String[] {given}, new int[] {-1}, new int[1]));
        }
        AsSetDef root = resolve(upper, null);
        if (root == null) {
            return new AsSetExpansion(given, new long[0], List.of(given), List.of(), false,
                    new AsSetExpansion.Provenance(new String[] {given}, new int[] {-1}, new int[0]));
        }
        List<AsSetDef> reached = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        Map<Integer, Integer> indexOf = new HashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        boolean depthHit = false;
        long[] pairs = new long[64];
        int nPairs = 0;
        reached.add(root);
        parents.add(-1);
        indexOf.put(root.id(), 0);
        int[] depthOf = new int[16];
        depthOf[0] = 1;
        for (int s = 0; s < reached.size(); s++) {
            AsSetDef def = reached.get(s);
            int depth = depthOf[s];
            for (long asn : def.asns()) {
                if (nPairs == pairs.length) {
                    pairs = Arrays.copyOf(pairs, nPairs * 2);
                }
                pairs[nPairs++] = asn << 32 | s;
            }
            for (String ref : def.sets()) {
                AsSetDef child = resolve(ref, restrict);
                if (child == null) {
                    unresolved.add(restrict != null && AsSetNames.sourceOf(ref) == null ? restrict + "::" + ref : ref);
                    continue;
                }
                if (indexOf.containsKey(child.id())) {
                    continue;
                }
                if (depth >= maxDepth) {
                    depthHit = true;
                    continue;
                }
                indexOf.put(child.id(), reached.size());
                if (reached.size() == depthOf.length) {
                    depthOf = Arrays.copyOf(depthOf, depthOf.length * 2);
                }
                depthOf[reached.size()] = depth + 1;
                reached.add(child);
                parents.add(s);
            }
        }
        // Sorting (asn, set) pairs keeps, for each AS, the set reached first: breadth first, so the shallowest.
        Arrays.sort(pairs, 0, nPairs);
        long[] asns = new long[nPairs];
        int[] listedBy = new int[nPairs];
        int n = 0;
        for (int i = 0; i < nPairs; i++) {
            long asn = pairs[i] >>> 32;
            if (n > 0 && asns[n - 1] == asn) {
                continue;
            }
            asns[n] = asn;
            listedBy[n] = (int) pairs[i];
            n++;
        }
        String[] names = new String[reached.size()];
        int[] parent = new int[reached.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = i == 0 ? given : reached.get(i).name();
            parent[i] = parents.get(i);
        }
        List<String> loops = loops(reached, indexOf, restrict);
        return new AsSetExpansion(given, Arrays.copyOf(asns, n), List.copyOf(unresolved), loops, depthHit,
                new AsSetExpansion.Provenance(names, parent, Arrays.copyOf(listedBy, n)));
    }

    /** Cycles among the reached sets, found depth first: each back edge closes one. */
    private List<String> loops(List<AsSetDef> reached, Map<Integer, Integer> indexOf, String restrict) {
        int n = reached.size();
        int[][] edges = new int[n][];
        for (int i = 0; i < n; i++) {
            String[] refs = reached.get(i).sets();
            int[] e = new int[refs.length];
            int k = 0;
            for (String ref : refs) {
                AsSetDef child = resolve(ref, restrict);
                Integer j = child == null ? null : indexOf.get(child.id());
                if (j != null) {
                    e[k++] = j;
                }
            }
            edges[i] = Arrays.copyOf(e, k);
        }
        byte[] color = new byte[n]; // 0 new, 1 on the stack, 2 done
        int[] next = new int[n];
        int[] stack = new int[n];
        Set<String> loops = new LinkedHashSet<>();
        for (int start = 0; start < n; start++) {
            if (color[start] != 0) {
                continue;
            }
            int top = 0;
            stack[0] = start;
            color[start] = 1;
            while (top >= 0) {
                int v = stack[top];
                if (next[v] < edges[v].length) {
                    int w = edges[v][next[v]++];
                    if (color[w] == 0) {
                        color[w] = 1;
                        stack[++top] = w;
                    } else if (color[w] == 1) {
                        StringBuilder sb = new StringBuilder();
                        int from = top;
                        while (stack[from] != w) {
                            from--;
                        }
                        for (int i = from; i <= top; i++) {
                            sb.append(reached.get(stack[i]).name()).append(" > ");
                        }
                        loops.add(sb.append(reached.get(w).name()).toString());
                    }
                } else {
                    color[v] = 2;
                    top--;
                }
            }
        }
        return List.copyOf(loops);
    }

    private AsSetDef resolve(String upperRef, String restrict) {
        String src = AsSetNames.sourceOf(upperRef);
        AsSetDef[] defs = sets.get(AsSetNames.nameOf(upperRef));
        if (defs == null) {
            return null;
        }
        String want = src != null ? src : restrict;
        if (want == null) {
            return defs[0];
        }
        for (AsSetDef d : defs) {
            if (d.source().equals(want)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The route and route6 objects whose origin is in the expansion. If the expansion's root names a source
     * ("RIPE::AS-FOO"), only that source's objects count.
     */
    public PrefixSet routes(AsSetExpansion expansion) {
        String restrict = AsSetNames.sourceOf(expansion.root().strip().toUpperCase(Locale.ROOT));
        int srcId = -1;
        if (restrict != null) {
            srcId = Arrays.asList(sources).indexOf(restrict);
            if (srcId < 0) {
                return PrefixSet.empty();
            }
        }
        PrefixSet.Columns c4 = new PrefixSet.Columns(false);
        PrefixSet.Columns c6 = new PrefixSet.Columns(true);
        for (long asn : expansion.asns()) {
            collect((int) asn, srcId, c4, c6);
        }
        return PrefixSet.of(c4, c6, sources);
    }

    /** The route and route6 objects with this origin, from every source. */
    public PrefixSet routesOf(long originAs) {
        PrefixSet.Columns c4 = new PrefixSet.Columns(false);
        PrefixSet.Columns c6 = new PrefixSet.Columns(true);
        if (originAs >= 0 && originAs <= Asns.MAX) {
            collect((int) originAs, -1, c4, c6);
        }
        return PrefixSet.of(c4, c6, sources);
    }

    private void collect(int asn, int srcId, PrefixSet.Columns c4, PrefixSet.Columns c6) {
        for (int i = lowerBound(origin4, asn); i < origin4.length && origin4[i] == asn; i++) {
            if (srcId < 0 || src4[i] == srcId) {
                c4.add((long) addr4[i] << 32, 0, len4[i], asn, src4[i]);
            }
        }
        for (int i = lowerBound(origin6, asn); i < origin6.length && origin6[i] == asn; i++) {
            if (srcId < 0 || src6[i] == srcId) {
                c6.add(hi6[i], lo6[i], len6[i] & 0xFF, asn, src6[i]);
            }
        }
    }

    private static int lowerBound(int[] sorted, int key) {
        int lowIdx = 0, highIdx = sorted.length;
        while (lowIdx < highIdx) {
            int mid = (lowIdx + highIdx) >>> 1;
            if (Integer.compareUnsigned(sorted[mid], key) < 0) {
                lowIdx = mid + 1;
            } else {
                highIdx = mid;
            }
        }
        return lowIdx;
    }

    /** Distinct route and route6 objects (prefix, origin, source) over all dumps. */
    public int routeCount() {
        return origin4.length + origin6.length;
    }

    /** Distinct as-set definitions (name and source) over all dumps. */
    public int asSetCount() {
        return asSetCount;
    }

    public int autNumCount() {
        return autNums.length;
    }

    /** The as-name of the aut-num object for {@code asn}, or null if no dump has one. */
    public String autNumName(long asn) {
        int i = lowerBound(autNums, (int) asn);
        return i < autNums.length && autNums[i] == (int) asn && asn >= 0 && asn <= Asns.MAX ? autNames[i] : null;
    }

    /** The sources seen, in the order first met. */
    public List<String> sources() {
        return List.of(sources);
    }

    /** Broken objects and questionable values, each "file:line: what", at most the first 1000. */
    public List<String> problems() {
        return problems;
    }

    /** All problems found, also those past the first 1000 that {@link #problems()} keeps. */
    public long problemCount() {
        return problemCount;
    }

    public IrrStats stats() {
        return stats;
    }
}
