package org.peerage.interop.speaker;

import java.util.ArrayList;
import java.util.List;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.wire.InetText;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.Communities;
import org.peerage.bgp.wire.attr.ExtendedCommunities;
import org.peerage.bgp.wire.attr.LargeCommunities;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;
import org.peerage.interop.daemon.StaticRoute;

/**
 * Conversions between the harness's text spellings of routes ({@link StaticRoute}, {@link
 * org.peerage.interop.daemon.DaemonRoute}: "65001:1", "65001:2:3", "rt:65001:100") and peerage's attributes.
 */
final class Routes {
    private Routes() {
    }

    /**
     * The table peerage announces for these routes: ORIGIN, AS_PATH (the path behind peerage; the speaker prepends its
     * own AS), MED, communities. Next hops are the speaker session's, not the route's; LOCAL_PREF is not sent on eBGP.
     */
    static RouteTable table(List<StaticRoute> routes) {
        RouteTable t = new RouteTable();
        for (StaticRoute r : routes) {
            t.put(Prefix.parse(r.prefix()), attributes(r));
        }
        return t;
    }

    static List<PathAttribute> attributes(StaticRoute r) {
        List<PathAttribute> a = new ArrayList<>();
        a.add(Origin.of(r.origin().ordinal()));
        a.add(AsPath.of(r.asPath().isEmpty() ? List.of()
                : List.of(AsPathSegment.sequence(r.asPath().stream().mapToLong(Long::longValue).toArray()))));
        if (r.med() != null) {
            a.add(MultiExitDisc.of(r.med()));
        }
        if (!r.communities().isEmpty()) {
            a.add(Communities.of(r.communities().stream().mapToInt(Routes::community).toArray()));
        }
        if (!r.extCommunities().isEmpty()) {
            a.add(ExtendedCommunities.of(r.extCommunities().stream().mapToLong(Routes::extCommunity).toArray()));
        }
        if (!r.largeCommunities().isEmpty()) {
            List<Integer> ints = new ArrayList<>();
            for (String l : r.largeCommunities()) {
                for (String part : l.split(":")) {
                    ints.add((int) Long.parseLong(part));
                }
            }
            a.add(LargeCommunities.of(ints.stream().mapToInt(Integer::intValue).toArray()));
        }
        return a;
    }

    /** "65001:1" as the 32-bit value. */
    static int community(String text) {
        String[] p = text.split(":");
        return Integer.parseInt(p[0]) << 16 | Integer.parseInt(p[1]);
    }

    static String community(int value) {
        return (value >>> 16) + ":" + (value & 0xFFFF);
    }

    /**
     * "rt:65001:100" / "soo:65001:100": route target or site of origin; two-octet-AS specific when the global
     * administrator fits 16 bits, four-octet-AS specific when it does not, IPv4-address specific for a dotted quad.
     */
    static long extCommunity(String text) {
        String[] p = text.split(":");
        int subtype = switch (p[0]) {
            case "rt" -> 0x02;
            case "soo" -> 0x03;
            default -> throw new IllegalArgumentException("rt: or soo: only: " + text);
        };
        long local = Long.parseLong(p[2]);
        if (p[1].contains(".")) {
            byte[] ip = InetText.parseAddress(p[1]);
            long address = (ip[0] & 0xffL) << 24 | (ip[1] & 0xffL) << 16 | (ip[2] & 0xffL) << 8 | (ip[3] & 0xffL);
            return 0x01L << 56 | (long) subtype << 48 | address << 16 | (local & 0xFFFF);
        }
        long global = Long.parseLong(p[1]);
        if (global > 0xFFFF) {
            return 0x02L << 56 | (long) subtype << 48 | global << 16 | (local & 0xFFFF);
        }
        return (long) subtype << 48 | global << 32 | (local & 0xFFFF_FFFFL);
    }

    /** The inverse of {@link #extCommunity(String)}; anything else as 16 hex digits. */
    static String extCommunity(long value) {
        int type = (int) (value >>> 56) & 0xFF;
        int subtype = (int) (value >>> 48) & 0xFF;
        String kind = subtype == 0x02 ? "rt" : subtype == 0x03 ? "soo" : null;
        if (kind != null) {
            switch (type) {
                case 0x00 -> {
                    return kind + ":" + ((value >>> 32) & 0xFFFF) + ":" + (value & 0xFFFF_FFFFL);
                }
                case 0x01 -> {
                    long a = (value >>> 16) & 0xFFFF_FFFFL;
                    return kind + ":" + (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "."
                            + (a & 0xff) + ":" + (value & 0xFFFF);
                }
                case 0x02 -> {
                    return kind + ":" + ((value >>> 16) & 0xFFFF_FFFFL) + ":" + (value & 0xFFFF);
                }
                default -> {
                }
            }
        }
        return String.format("0x%016x", value);
    }
}
