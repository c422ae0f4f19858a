package org.peerage.interop.daemon;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A route a daemon originates, with the attributes its neighbours should see.
 *
 * <p>{@code asPath} is the path <em>behind</em> the daemon: a neighbour receives {@code localAs, asPath...} (every daemon
 * prepends its own AS on eBGP; ExaBGP, which does not, is given the full path). Communities use the {@link DaemonRoute}
 * spellings: {@code "65001:1"}, {@code "65001:2:3"}, {@code "rt:65001:100"} / {@code "soo:65001:100"}.
 *
 * <p>The next hop defaults to a documentation address ({@code 192.0.2.1} or {@code 2001:db8::1}), never the daemon's
 * own loopback address: GoBGP and FRR reject loopback next hops as martians.
 *
 * @param pathId for ADD-PATH senders that can originate several paths for one prefix (GoBGP {@code identifier}, ExaBGP
 *     {@code path-information}; BIRD puts each path id in its own static protocol and picks the wire ids itself); null
 *     for a single path.
 */
public record StaticRoute(
        String prefix,
        String nextHop,
        List<Long> asPath,
        List<String> communities,
        List<String> largeCommunities,
        List<String> extCommunities,
        Long med,
        Long localPref,
        Origin origin,
        Long pathId) {

    public static final String DEFAULT_NEXT_HOP_V4 = "192.0.2.1";
    public static final String DEFAULT_NEXT_HOP_V6 = "2001:db8::1";

    public StaticRoute {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.contains("/")) {
            throw new IllegalArgumentException("prefix needs a length: " + prefix);
        }
        nextHop = nextHop != null ? nextHop : isIpv6(prefix) ? DEFAULT_NEXT_HOP_V6 : DEFAULT_NEXT_HOP_V4;
        asPath = List.copyOf(asPath == null ? List.of() : asPath);
        communities = List.copyOf(communities == null ? List.of() : communities);
        largeCommunities = List.copyOf(largeCommunities == null ? List.of() : largeCommunities);
        extCommunities = List.copyOf(extCommunities == null ? List.of() : extCommunities);
        origin = origin == null ? Origin.IGP : origin;
    }

    /** A route for {@code prefix} with the default next hop, ORIGIN IGP and no other attributes. */
    public static StaticRoute of(String prefix) {
        return new StaticRoute(prefix, null, null, null, null, null, null, null, null, null);
    }

    /**
     * {@code count} consecutive prefixes of the length of {@code first}, e.g. {@code sequence("10.10.0.0/24", 3)} is
     * 10.10.0.0/24, 10.10.1.0/24, 10.10.2.0/24; each one a plain {@link #of(String)} route.
     */
    public static List<StaticRoute> sequence(String first, int count) {
        String[] parts = first.split("/");
        int length = Integer.parseInt(parts[1]);
        try {
            byte[] start = InetAddress.getByName(parts[0]).getAddress();
            int bits = start.length * 8;
            BigInteger step = BigInteger.ONE.shiftLeft(bits - length);
            BigInteger value = new BigInteger(1, start);
            List<StaticRoute> routes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] raw = value.toByteArray();
                byte[] address = new byte[start.length];
                int copy = Math.min(raw.length, address.length);
                System.arraycopy(raw, raw.length - copy, address, address.length - copy, copy);
                String text = InetAddress.getByAddress(address).getHostAddress();
                routes.add(of((start.length == 16 ? compactV6(text) : text) + "/" + length));
                value = value.add(step);
            }
            return routes;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(first, e);
        }
    }

    public boolean ipv6() {
        return isIpv6(prefix);
    }

    public StaticRoute withNextHop(String nextHop) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withAsPath(Long... asPath) {
        return new StaticRoute(prefix, nextHop, Arrays.asList(asPath), communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withCommunities(String... communities) {
        return new StaticRoute(prefix, nextHop, asPath, List.of(communities), largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withLargeCommunities(String... largeCommunities) {
        return new StaticRoute(prefix, nextHop, asPath, communities, List.of(largeCommunities), extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withExtCommunities(String... extCommunities) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, List.of(extCommunities), med, localPref, origin, pathId);
    }

    public StaticRoute withMed(long med) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withLocalPref(long localPref) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withOrigin(Origin origin) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    public StaticRoute withPathId(long pathId) {
        return new StaticRoute(prefix, nextHop, asPath, communities, largeCommunities, extCommunities, med, localPref, origin, pathId);
    }

    static boolean isIpv6(String addressOrPrefix) {
        return addressOrPrefix.contains(":");
    }

    /** RFC 5952 form of an IPv6 address in Java's long form ("2001:db8:0:0:0:0:0:1" -> "2001:db8::1"). */
    static String compactV6(String longForm) {
        String s = longForm.replaceAll("(^|:)0+(?=[0-9a-f])", "$1");
        String best = null;
        for (String run = ":0:0:0:0:0:0:0:0:"; run.length() >= 5; run = run.substring(2)) {
            String padded = ":" + s + ":";
            int at = padded.indexOf(run);
            if (at >= 0) {
                best = (padded.substring(0, at) + "::" + padded.substring(at + run.length())).replaceAll("^:(?!:)", "").replaceAll("(?<!:):$", "");
                break;
            }
        }
        return best != null ? best : s;
    }
}
