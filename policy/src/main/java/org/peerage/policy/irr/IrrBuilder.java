package org.peerage.policy.irr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects what the readers find, in growable primitive columns, until {@link IrrDatabase} freezes it. */
final class IrrBuilder {
    static final int MAX_PROBLEMS_KEPT = 1000;

    final List<String> sources = new ArrayList<>();
    private final Map<String, Short> sourceIds = new HashMap<>();

    int n4;
    int[] addr4 = new int[1024];
    byte[] len4 = new byte[1024];
    int[] origin4 = new int[1024];
    short[] src4 = new short[1024];

    int n6;
    long[] hi6 = new long[256];
    long[] lo6 = new long[256];
    byte[] len6 = new byte[256];
    int[] origin6 = new int[256];
    short[] src6 = new short[256];

    final List<AsSetDef> asSets = new ArrayList<>();
    final Map<String, List<AsSetDef>> asSetsByName = new HashMap<>();

    int nAut;
    int[] autNum = new int[256];
    String[] autName = new String[256];

    final List<String> problems = new ArrayList<>();
    long problemCount;
    long objects;
    long malformed;
    long routes;
    long route6s;
    long asSetObjects;
    long autNumObjects;
    int files;

    short source(String name) {
        return sourceIds.computeIfAbsent(name, s -> {
            if (sources.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " IRR sources");
            }
            sources.add(s);
            return (short) (sources.size() - 1);
        });
    }

    void route4(int addr, int len, long origin, short src) {
        if (n4 == addr4.length) {
            int cap = n4 * 2;
            addr4 = Arrays.copyOf(addr4, cap);
            len4 = Arrays.copyOf(len4, cap);
            origin4 = Arrays.copyOf(origin4, cap);
            src4 = Arrays.copyOf(src4, cap);
        }
        addr4[n4] = addr;
        len4[n4] = (byte) len;
        origin4[n4] = (int) origin;
        src4[n4] = src;
        n4++;
        routes++;
    }

    void route6(long hi, long lo, int len, long origin, short src) {
        if (n6 == hi6.length) {
            int cap = n6 * 2;
            hi6 = Arrays.copyOf(hi6, cap);
            lo6 = Arrays.copyOf(lo6, cap);
            len6 = Arrays.copyOf(len6, cap);
            origin6 = Arrays.copyOf(origin6, cap);
            src6 = Arrays.copyOf(src6, cap);
        }
        hi6[n6] = hi;
        lo6[n6] = lo;
        len6[n6] = (byte) len;
        origin6[n6] = (int) origin;
        src6[n6] = src;
        n6++;
        route6s++;
    }

    /** Keeps the first definition of a name in each source: dumps are given in order of preference. */
    void asSet(String name, String source, long[] asns, String[] sets) {
        asSetObjects++;
        String key = name.toUpperCase(java.util.Locale.ROOT);
        List<AsSetDef> defs = asSetsByName.computeIfAbsent(key, k -> new ArrayList<>(1));
        for (AsSetDef d : defs) {
            if (d.source().equals(source)) {
                return;
            }
        }
        AsSetDef def = new AsSetDef(asSets.size(), name, source, asns, sets);
        asSets.add(def);
        defs.add(def);
    }

    void autNum(long asn, String asName) {
        autNumObjects++;
        if (nAut == autNum.length) {
            autNum = Arrays.copyOf(autNum, nAut * 2);
            autName = Arrays.copyOf(autName, nAut * 2);
        }
        autNum[nAut] = (int) asn;
        autName[nAut] = asName;
        nAut++;
    }

    void problem(String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(message);
        }
    }

    void malformed(String message) {
        malformed++;
        problem(message);
    }
}
