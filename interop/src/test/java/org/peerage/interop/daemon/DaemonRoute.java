package org.peerage.interop.daemon;

import java.util.List;
import java.util.Locale;

/**
 * A route a daemon received from one of its peers, normalised across daemons.
 *
 * <ul>
 *   <li>{@code prefix}: "10.0.0.0/24", "2001:db8::/48" (RFC 5952 for IPv6);
 *   <li>{@code asPath}: AS numbers as received, AS_SET members inlined in order;
 *   <li>{@code communities}: "65001:1"; {@code largeCommunities}: "65001:2:3";
 *   <li>{@code extCommunities}: "rt:65001:100", "soo:65001:100" for the two-octet-AS/IPv4/four-octet route target and
 *       site of origin, anything else as the daemon prints it, lower case;
 *   <li>{@code med}, {@code localPref}: null when the attribute is absent (FRR and OpenBGPD print a default MED of 0
 *       and a local preference of 100 for eBGP routes: those values are kept as they print them);
 *   <li>{@code pathId}: the ADD-PATH path identifier when the daemon shows it (GoBGP, FRR, OpenBGPD, ExaBGP); BIRD
 *       2.0 does not print it, so it is null there even with ADD-PATH.
 * </ul>
 *
 * @param peer address of the neighbour the route came from
 */
public record DaemonRoute(
        String peer,
        String prefix,
        List<Long> asPath,
        String nextHop,
        List<String> communities,
        List<String> largeCommunities,
        List<String> extCommunities,
        Long med,
        Long localPref,
        Origin origin,
        Long pathId) {

    public DaemonRoute {
        asPath = List.copyOf(asPath);
        communities = List.copyOf(communities);
        largeCommunities = List.copyOf(largeCommunities);
        extCommunities = List.copyOf(extCommunities);
    }

    public boolean ipv6() {
        return prefix.contains(":");
    }

    /** "rt:65001:100" from the daemons' spellings: "RT:65001:100", "rt 65001:100", "target:65001:100", "(rt, 65001, 100)". */
    static String normaliseExtCommunity(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).replace(" ", "").replaceFirst(",", ":").replace(",", ":");
        }
        s = s.replaceFirst("^(rt|soo|target|origin|ro)[: ]", "$1:");
        s = s.replaceFirst("^target:", "rt:").replaceFirst("^origin:", "soo:").replaceFirst("^ro:", "soo:");
        return s;
    }
}
