package org.peerage.routeserver.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

/**
 * The demo IXP's members and what they announce, generated deterministically from a seed: each member holds an
 * allocation in public address space and announces aggregates and more specifics with the DFZ's mix of lengths,
 * its own and its customers' (longer paths, with communities); route objects in an IRR and ROAs cover most of it.
 * Some members misbehave the way real ones do: a leak of private space, RPKI-invalid more specifics and a hijack, a
 * wrong next hop, absurd prepending, a transit leak with a private AS, a route-object gap, too many prefixes. One
 * uses blackholing, one announcement-control communities.
 */
public final class DemoData {
    /** The route server's AS (a documentation AS: the route server's own AS never appears in paths). */
    public static final long RS_AS = 64500;

    /** Public /8s the allocations are carved from (none is bogon or special-use). */
    private static final int[] POOL = {31, 37, 45, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90,
            91, 92, 93, 94, 95, 109, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217};

    /** What a member does wrong, if anything. */
    public enum Misbehaviour {
        NONE("well behaved"),
        BOGONS("leaks private and special-use space"),
        RPKI_INVALID("announces more specifics its ROAs do not allow, and hijacks another member's prefix"),
        FOREIGN_NEXT_HOP("sets another router's address as NEXT_HOP"),
        LONG_PATHS("prepends absurdly: AS paths longer than 32"),
        TRANSIT_LEAK("leaks routes learnt from a transit provider, and a private AS"),
        IRR_GAP("announces prefixes it has no route objects for"),
        TOO_MANY_PREFIXES("announces more prefixes than its max-prefix limit"),
        BLACKHOLING("asks for a /32 of its own to be blackholed (RFC 7999)"),
        CONTROL_COMMUNITIES("steers its routes with announcement-control communities");

        private final String description;

        Misbehaviour(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One member router: its session address, routes, route objects and ROAs. */
    public record Member(String name, long asn, String address, int size, Misbehaviour misbehaviour,
                         RouteTable routes, String nextHop, List<RouteObject> routeObjects, List<Roa> roas,
                         List<Long> customers) {
        public String asSet() {
            return "AS-" + name.toUpperCase(java.util.Locale.ROOT).replace(' ', '-');
        }
    }

    public record RouteObject(Prefix prefix, long origin) {
    }

    public record Roa(Prefix prefix, int maxLength, long asn) {
    }

    private record Plan(String name, long asn, int size, Misbehaviour m) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("Nordic Fibre", 29208, 4200, Misbehaviour.NONE),
            new Plan("Alpine Carrier", 8400, 3100, Misbehaviour.NONE),
            new Plan("Baltic Cloud", 199524, 1800, Misbehaviour.CONTROL_COMMUNITIES),
            new Plan("Rhine Broadband", 34762, 1200, Misbehaviour.NONE),
            new Plan("Leaky Networks", 202117, 300, Misbehaviour.BOGONS),
            new Plan("Hijack Hosting", 210312, 260, Misbehaviour.RPKI_INVALID),
            new Plan("Misconfigured ISP", 48237, 220, Misbehaviour.FOREIGN_NEXT_HOP),
            new Plan("Prepend Telecom", 51088, 180, Misbehaviour.LONG_PATHS),
            new Plan("Leakage Transit", 207841, 160, Misbehaviour.TRANSIT_LEAK),
            new Plan("Forgetful Registry", 57463, 240, Misbehaviour.IRR_GAP),
            new Plan("Greedy Access", 44034, 140, Misbehaviour.TOO_MANY_PREFIXES),
            new Plan("Shielded Gaming", 206479, 90, Misbehaviour.BLACKHOLING),
            new Plan("Campus Net", 680, 70, Misbehaviour.NONE),
            new Plan("City Wireless", 213045, 40, Misbehaviour.NONE));

    /** The max-prefix limit the demo configures for the member that exceeds it. */
    public static final int GREEDY_LIMIT = 100;

    private final List<Member> members = new ArrayList<>();

    public DemoData(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < PLANS.size(); i++) {
            members.add(member(i, PLANS.get(i), random.split()));
        }
        // Multihomed customers: the first members' customers buy transit from the next member too, so the route
        // server sees two paths for their prefixes and best-path selection (and path hiding) has work to do.
        List<List<Long>> ownCustomers = members.stream().map(m -> List.copyOf(m.customers())).toList();
        for (int i = 0; i < 4; i++) {
            Member home = members.get(i);
            Member second = members.get(i + 1);
            for (var e : home.routes().routes().entrySet()) {
                long origin = originOf(e.getValue());
                if (!ownCustomers.get(i).contains(origin)) continue;
                second.routes().put(e.getKey(), attributes(new long[] {origin}, new int[0], new int[0], 10));
                if (!second.customers().contains(origin)) second.customers().add(origin);
            }
        }
        Member hijacker = find(Misbehaviour.RPKI_INVALID);
        Member victim = members.getFirst();
        // The hijack: a victim's /24, originated by the hijacker, covered by the victim's ROA: RPKI invalid.
        Prefix stolen = victim.routes().routes().keySet().stream().filter(p -> p.length() == 24).findFirst()
                .orElseThrow();
        hijacker.routes().put(stolen, attributes(new long[0], new int[0], new int[0], 0));
    }

    private static long originOf(List<PathAttribute> attributes) {
        for (PathAttribute a : attributes) {
            if (a instanceof AsPath p && !p.segments().isEmpty()) {
                AsPathSegment last = p.segments().getLast();
                return last.asn(last.size() - 1);
            }
        }
        return -1;
    }

    public List<Member> members() {
        return members;
    }

    public Member find(Misbehaviour m) {
        return members.stream().filter(x -> x.misbehaviour() == m).findFirst().orElseThrow();
    }

    private static Member member(int index, Plan plan, SplittableRandom r) {
        String address = "127.1.0." + (index + 10);
        int base = POOL[index % POOL.length] << 24 | (index / POOL.length * 16 + 16) << 16;
        List<Long> customers = new ArrayList<>();
        int customerCount = Math.max(1, plan.size() / 400);
        for (int c = 0; c < customerCount; c++) customers.add(200_000L + index * 100L + c);
        RouteTable table = new RouteTable();
        List<RouteObject> objects = new ArrayList<>();
        List<Roa> roas = new ArrayList<>();
        // The allocation (a /12) as a ROA allowing up to /24 for most members; some have none (RPKI not found).
        boolean signed = index % 4 != 3;
        if (signed) roas.add(new Roa(prefix(base, 12), plan.m() == Misbehaviour.RPKI_INVALID ? 20 : 24, plan.asn()));
        Map<Prefix, Long> announced = new LinkedHashMap<>();
        announced.put(prefix(base, 12), plan.asn());
        int n = 1;
        while (n < plan.size()) {
            int length = length(r);
            int offset = r.nextInt(1 << (length - 12)) << (32 - length);
            Prefix p = prefix(base | offset, length);
            if (announced.containsKey(p)) continue;
            long origin = r.nextInt(5) == 0 ? customers.get(r.nextInt(customers.size())) : plan.asn();
            announced.put(p, origin);
            n++;
        }
        for (var e : announced.entrySet()) {
            Prefix p = e.getKey();
            long origin = e.getValue();
            // Customers sign their own space (PA space, delegated ROAs).
            if (signed && origin != plan.asn()) roas.add(new Roa(p, p.length(), origin));
            long[] behind = origin == plan.asn() ? new long[0] : new long[] {origin};
            int[] std = r.nextInt(3) == 0 ? new int[] {(int) (plan.asn() & 0xFFFF) << 16 | 100 + r.nextInt(5)}
                    : new int[0];
            table.put(p, attributes(behind, std, new int[0], r.nextInt(4) == 0 ? r.nextInt(100) : -1));
            boolean gap = plan.m() == Misbehaviour.IRR_GAP && p.length() == 24 && r.nextInt(3) == 0;
            if (!gap) objects.add(new RouteObject(p, origin));
        }
        switch (plan.m()) {
            case BOGONS -> {
                for (String b : List.of("10.0.0.0/8", "192.168.0.0/16", "100.64.0.0/10", "172.16.0.0/12",
                        "198.18.0.0/15", "0.0.0.0/0")) {
                    table.put(Prefix.parse(b), attributes(new long[0], new int[0], new int[0], -1));
                }
            }
            case RPKI_INVALID -> {
                // Its ROA allows up to /20: its /24s are RPKI invalid (length); the route objects are there.
            }
            case LONG_PATHS -> {
                int k = 0;
                for (Prefix p : new ArrayList<>(table.routes().keySet())) {
                    if (k++ % 3 != 0) continue;
                    long[] behind = new long[39];
                    java.util.Arrays.fill(behind, plan.asn());
                    table.put(p, attributes(behind, new int[0], new int[0], -1));
                }
            }
            case TRANSIT_LEAK -> {
                int k = 0;
                for (Prefix p : new ArrayList<>(table.routes().keySet())) {
                    k++;
                    if (k % 4 == 0) table.put(p, attributes(new long[] {3356, 1299, 15169}, new int[0], new int[0],
                            -1));
                    else if (k % 7 == 0) table.put(p, attributes(new long[] {64512}, new int[0], new int[0], -1));
                }
            }
            case BLACKHOLING -> {
                Prefix victimOfDdos = prefix(base | 0x00010203, 32);
                table.put(victimOfDdos, attributes(new long[0], new int[] {Communities.BLACKHOLE}, new int[0], -1));
            }
            case CONTROL_COMMUNITIES -> {
                int k = 0;
                for (Prefix p : new ArrayList<>(table.routes().keySet())) {
                    k++;
                    int[] large = k % 3 == 0 ? new int[] {(int) RS_AS, 0, (int) PLANS.get(1).asn()}
                            : k % 3 == 1 ? new int[] {(int) RS_AS, 102, (int) PLANS.getFirst().asn()} : new int[0];
                    if (large.length > 0) table.put(p, attributes(new long[0], new int[0], large, -1));
                }
            }
            default -> { }
        }
        String nextHop = plan.m() == Misbehaviour.FOREIGN_NEXT_HOP ? "127.1.0.99" : address;
        return new Member(plan.name(), plan.asn(), address, plan.size(), plan.m(), table, nextHop, objects, roas,
                customers);
    }

    /** Prefix lengths with the DFZ's weights: most /24, then /22, /23, /20, /21, /19, /16. */
    private static int length(SplittableRandom r) {
        int x = r.nextInt(100);
        if (x < 58) return 24;
        if (x < 70) return 22;
        if (x < 80) return 23;
        if (x < 86) return 20;
        if (x < 92) return 21;
        if (x < 96) return 19;
        if (x < 98) return 18;
        return 16;
    }

    private static Prefix prefix(int address, int length) {
        int masked = length == 0 ? 0 : address & (-1 << (32 - length));
        byte[] b = {(byte) (masked >>> 24), (byte) (masked >>> 16), (byte) (masked >>> 8), (byte) masked};
        return Prefix.of(false, length, java.util.Arrays.copyOf(b, (length + 7) / 8));
    }

    private static List<PathAttribute> attributes(long[] behind, int[] communities, int[] large, int med) {
        List<PathAttribute> l = new ArrayList<>();
        l.add(Origin.of(Origin.IGP));
        l.add(AsPath.of(behind.length == 0 ? List.of() : List.of(AsPathSegment.sequence(behind))));
        if (med >= 0) l.add(MultiExitDisc.of(med));
        if (communities.length > 0) l.add(Communities.of(communities));
        if (large.length > 0) l.add(LargeCommunities.of(large));
        return l;
    }
}
