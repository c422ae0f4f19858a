package org.peerage.interop.speaker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.Aggregator;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.AtomicAggregate;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.bgp.wire.attr.UnknownAttribute;

/**
 * Compares what a relay session received with the table the announcing session sent: per attribute, how many routes
 * differ and the first few examples. The AS path is expected with the daemon's and the announcer's ASes prepended; the
 * other attributes unchanged, except MED, which is tallied (kept / dropped / changed) because eBGP speakers may drop it.
 */
final class RelayComparison {
    private static final int EXAMPLES = 3;

    private final RouteTable sent;
    private final List<Long> prepended;
    private final Set<Prefix> seen = new HashSet<>();
    private final Map<String, Integer> mismatches = new TreeMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final Set<Prefix> duplicates = new HashSet<>();
    /** Distinct "sent -> received" extended community values among the routes where they differ. */
    private final Map<String, Integer> extChanges = new TreeMap<>();
    private final java.util.function.LongUnaryOperator extRule;
    private int extReordered;
    private int aggregatorAsZeroDiscarded;
    private int extExplained;
    private int medKept;
    private int medDropped;
    private int medChanged;
    private int medAdded;

    /**
     * @param extRule what the daemon is known to make of an extended community value (identity if nothing); a
     *     difference it explains is counted, not reported as a mismatch
     */
    RelayComparison(RouteTable sent, long daemonAs, long announcerAs, java.util.function.LongUnaryOperator extRule) {
        this.sent = sent;
        this.prepended = List.of(daemonAs, announcerAs);
        this.extRule = extRule;
    }

    void accept(Prefix prefix, List<PathAttribute> received) {
        if (!seen.add(prefix)) {
            duplicates.add(prefix);
        }
        List<PathAttribute> original = sent.routes().get(prefix);
        if (original == null) {
            mismatch("unexpected prefix", prefix, "not announced", received.toString());
            return;
        }
        compare("AS_PATH", prefix, expectedPath(original), path(received));
        compare("ORIGIN", prefix, one(original, Origin.class), one(received, Origin.class));
        if (!Arrays.equals(ints(original, Communities.class), ints(received, Communities.class))) {
            mismatch("COMMUNITIES", prefix, values(original, Communities.class), values(received, Communities.class));
        }
        if (!Arrays.equals(ints(original, LargeCommunities.class), ints(received, LargeCommunities.class))) {
            mismatch("LARGE_COMMUNITIES", prefix, values(original, LargeCommunities.class),
                    values(received, LargeCommunities.class));
        }
        List<Long> sentExt = extValues(original);
        List<Long> gotExt = extValues(received);
        if (!sentExt.equals(gotExt) && sorted(sentExt).equals(sorted(gotExt))) {
            extReordered++;
        } else if (!sentExt.equals(gotExt)) {
            List<Long> expected = sentExt.stream().map(extRule::applyAsLong).toList();
            if (sorted(expected).equals(sorted(gotExt))) {
                extExplained++;
            } else {
                extChanges.merge(hex(sentExt) + " -> " + hex(gotExt), 1, Integer::sum);
                mismatch("EXTENDED_COMMUNITIES", prefix, hex(sentExt), hex(gotExt));
            }
        }
        Aggregator sentAggregator = one(original, Aggregator.class);
        if (sentAggregator != null && sentAggregator.asn() == 0 && one(received, Aggregator.class) == null) {
            aggregatorAsZeroDiscarded++;
        } else {
            compare("AGGREGATOR", prefix, aggregator(original), aggregator(received));
        }
        compare("ATOMIC_AGGREGATE", prefix, has(original, AtomicAggregate.class), has(received, AtomicAggregate.class));
        compare("unknown transitive attributes", prefix, unknown(original), unknown(received));
        Long sentMed = original.stream().filter(a -> a instanceof MultiExitDisc).map(a -> ((MultiExitDisc) a).value())
                .findFirst().orElse(null);
        Long gotMed = received.stream().filter(a -> a instanceof MultiExitDisc).map(a -> ((MultiExitDisc) a).value())
                .findFirst().orElse(null);
        if (Objects.equals(sentMed, gotMed)) {
            if (sentMed != null) {
                medKept++;
            }
        } else if (gotMed == null) {
            medDropped++;
        } else if (sentMed == null) {
            medAdded++;
        } else {
            medChanged++;
        }
    }

    /** Prefixes announced but not received. */
    List<Prefix> missing() {
        return sent.routes().keySet().stream().filter(p -> !seen.contains(p)).sorted().toList();
    }

    int received() {
        return seen.size();
    }

    Map<String, Integer> mismatches() {
        Map<String, Integer> m = new TreeMap<>(mismatches);
        if (!duplicates.isEmpty()) {
            m.put("duplicate prefixes", duplicates.size());
        }
        return m;
    }

    /** "kept 577703, dropped 0, changed 0, added 0". */
    String medSummary() {
        return "kept " + medKept + ", dropped " + medDropped + ", changed " + medChanged + ", added " + medAdded;
    }

    int medDropped() {
        return medDropped;
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("received ").append(seen.size()).append(" of ").append(sent.size()).append(" prefixes; MED ")
                .append(medSummary()).append('\n');
        List<Prefix> missing = missing();
        if (!missing.isEmpty()) {
            sb.append("missing ").append(missing.size()).append(", e.g. ");
            missing.stream().limit(10).forEach(p -> sb.append(p).append(" (").append(sent.routes().get(p)).append(") "));
            sb.append('\n');
        }
        sb.append("AGGREGATOR with AS 0 discarded on ").append(aggregatorAsZeroDiscarded).append(" routes\n");
        sb.append("extended communities: reordered on ").append(extReordered).append(" routes, changed as expected of")
                .append(" the daemon on ").append(extExplained).append('\n');
        extChanges.forEach((k, v) -> sb.append("extended communities changed: ").append(k).append(" (").append(v)
                .append(" routes)\n"));
        mismatches().forEach((k, v) -> sb.append(k).append(": ").append(v).append(" routes differ, e.g. ")
                .append(examples.getOrDefault(k, List.of())).append('\n'));
        return sb.toString();
    }

    private void compare(String what, Prefix prefix, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            mismatch(what, prefix, String.valueOf(expected), String.valueOf(actual));
        }
    }

    private void mismatch(String what, Prefix prefix, String expected, String actual) {
        mismatches.merge(what, 1, Integer::sum);
        List<String> e = examples.computeIfAbsent(what, k -> new ArrayList<>());
        if (e.size() < EXAMPLES) {
            e.add(prefix + ": expected " + expected + ", got " + actual);
        }
    }

    /** The sent path behind the two prepended ASes, as text: sequences flattened, sets in braces. */
    private String expectedPath(List<PathAttribute> original) {
        String behind = path(original);
        String front = prepended.stream().map(String::valueOf).collect(Collectors.joining(" "));
        return behind.isEmpty() ? front : front + " " + behind;
    }

    private static String path(List<PathAttribute> attributes) {
        AsPath p = one(attributes, AsPath.class);
        if (p == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (AsPathSegment s : p.segments()) {
            List<String> asns = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                asns.add(String.valueOf(s.asn(i)));
            }
            parts.add(s.type().isSet() ? "{" + String.join(",", asns) + "}" : String.join(" ", asns));
        }
        return String.join(" ", parts).trim();
    }

    private static <T extends PathAttribute> T one(List<PathAttribute> attributes, Class<T> type) {
        return attributes.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static boolean has(List<PathAttribute> attributes, Class<? extends PathAttribute> type) {
        return attributes.stream().anyMatch(type::isInstance);
    }

    private static int[] ints(List<PathAttribute> attributes, Class<? extends PathAttribute> type) {
        return switch (one(attributes, type)) {
            case null -> new int[0];
            case Communities c -> c.values();
            case LargeCommunities l -> l.triples();
            default -> throw new IllegalArgumentException(type.getName());
        };
    }

    private static String values(List<PathAttribute> attributes, Class<? extends PathAttribute> type) {
        PathAttribute a = one(attributes, type);
        return switch (a) {
            case null -> "[]";
            case Communities c -> Arrays.toString(c.values());
            case LargeCommunities l -> Arrays.toString(l.triples());
            case ExtendedCommunities e -> Arrays.toString(e.values());
            default -> a.toString();
        };
    }

    private static List<Long> extValues(List<PathAttribute> attributes) {
        ExtendedCommunities e = one(attributes, ExtendedCommunities.class);
        return e == null ? List.of() : Arrays.stream(e.values()).boxed().toList();
    }

    private static List<Long> sorted(List<Long> values) {
        return values.stream().sorted().toList();
    }

    private static String hex(List<Long> values) {
        return values.stream().map(v -> String.format("%016x", v)).toList().toString();
    }

    /** Routes whose AGGREGATOR with AS 0 the daemon discarded (RFC 7607 with RFC 7606 §7.7). */
    int aggregatorAsZeroDiscarded() {
        return aggregatorAsZeroDiscarded;
    }

    /** Routes of {@code table} with an AGGREGATOR whose AS is 0. */
    static int aggregatorAsZeroRoutes(RouteTable table) {
        return (int) table.routes().values().stream().filter(attributes -> {
            Aggregator g = one(attributes, Aggregator.class);
            return g != null && g.asn() == 0;
        }).count();
    }

    /** Prefixes of {@code table} whose AS_PATH holds AS 0 (RFC 7607: treat-as-withdraw on receipt). */
    static Set<Prefix> asZeroPaths(RouteTable table) {
        Set<Prefix> out = new HashSet<>();
        table.routes().forEach((p, attributes) -> {
            AsPath path = one(attributes, AsPath.class);
            if (path != null && path.segments().stream().anyMatch(s -> {
                for (int i = 0; i < s.size(); i++) {
                    if (s.asn(i) == 0) {
                        return true;
                    }
                }
                return false;
            })) {
                out.add(p);
            }
        });
        return out;
    }

    int extReordered() {
        return extReordered;
    }

    private static String aggregator(List<PathAttribute> attributes) {
        Aggregator g = one(attributes, Aggregator.class);
        return g == null ? null : g.asn() + "@" + g.address();
    }

    /** Unknown optional transitive attributes by type code and value (flags aside: the Partial bit may be set). */
    private static String unknown(List<PathAttribute> attributes) {
        return attributes.stream().filter(a -> a instanceof UnknownAttribute u
                        && org.peerage.bgp.wire.attr.AttributeFlags.isTransitive(u.flags()))
                .map(a -> ((UnknownAttribute) a).typeCode() + "=" + Arrays.toString(((UnknownAttribute) a).value()))
                .sorted().toList().toString();
    }
}
