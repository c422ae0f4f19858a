package org.peerage.bgp.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.open.AddPathCapability;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.bgp.wire.open.BgpRole;
import org.peerage.bgp.wire.open.Capability;
import org.peerage.bgp.wire.open.EnhancedRouteRefreshCapability;
import org.peerage.bgp.wire.open.ExtendedMessageCapability;
import org.peerage.bgp.wire.open.ExtendedNextHopCapability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.GracefulRestartCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RoleCapability;
import org.peerage.bgp.wire.open.RouteRefreshCapability;

/**
 * What this speaker wants from one session: its identity, the peer it expects, timers, and the capabilities it
 * offers (which also decide what it accepts).
 *
 * @param remoteAs        the AS the peer must open with, or 0 to accept any
 * @param holdTime        proposed hold time in seconds (0, or 3 and more)
 * @param passive         wait for the peer to connect, never connect out
 * @param addPath         ADD-PATH mode offered per family (RFC 7911); families absent get none
 * @param role            BGP role to announce (RFC 9234), or null
 * @param strictRole      refuse a peer that announces no role (RFC 9234 §4.2 strict mode)
 * @param extendedNextHop offer IPv4 unicast routes with IPv6 next hops (RFC 8950)
 * @param idleHoldMin     first delay before reconnecting after an error; doubled per failure up to idleHoldMax
 * @param autoRestart     reconnect after errors (false: stay Idle until started again)
 */
public record PeerConfig(long localAs, int routerId, long remoteAs, int holdTime, Duration connectRetry,
                         boolean passive, Set<AddressFamily> families, Map<AddressFamily, AddPathMode> addPath,
                         BgpRole role, boolean strictRole, boolean extendedMessages, boolean extendedNextHop,
                         Duration idleHoldMin,
                         Duration idleHoldMax, boolean autoRestart) {

    /** RFC 4271 §10 suggests 4 minutes for the hold timer while the OPEN is awaited. */
    public static final Duration OPEN_HOLD_TIME = Duration.ofMinutes(4);

    public PeerConfig {
        if (holdTime != 0 && (holdTime < 3 || holdTime > 65535)) {
            throw new IllegalArgumentException("hold time must be 0 or 3..65535 seconds, not " + holdTime);
        }
        if (routerId == 0) {
            throw new IllegalArgumentException("router id must not be 0.0.0.0");
        }
        families = Set.copyOf(families);
        addPath = Map.copyOf(addPath);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one address family");
        }
    }

    /** A config with common defaults: hold 90 s, connect retry 5 s, IPv4 and IPv6 unicast, idle hold 1-60 s. */
    public static PeerConfig of(long localAs, int routerId, long remoteAs) {
        return new PeerConfig(localAs, routerId, remoteAs, 90, Duration.ofSeconds(5), false,
                Set.of(AddressFamily.IPV4_UNICAST, AddressFamily.IPV6_UNICAST), Map.of(), null, false, false, false,
                Duration.ofSeconds(1), Duration.ofSeconds(60), true);
    }

    public PeerConfig withPassive(boolean p) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, p, families, addPath, role,
                strictRole, extendedMessages, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withHoldTime(int seconds) {
        return new PeerConfig(localAs, routerId, remoteAs, seconds, connectRetry, passive, families, addPath, role,
                strictRole, extendedMessages, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withFamilies(Set<AddressFamily> f) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, passive, f, addPath, role,
                strictRole, extendedMessages, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withAddPath(Map<AddressFamily, AddPathMode> modes) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, passive, families, modes, role,
                strictRole, extendedMessages, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withRole(BgpRole r, boolean strict) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, passive, families, addPath, r,
                strict, extendedMessages, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withExtendedMessages(boolean e) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, passive, families, addPath, role,
                strictRole, e, extendedNextHop, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withExtendedNextHop(boolean e) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, connectRetry, passive, families, addPath, role,
                strictRole, extendedMessages, e, idleHoldMin, idleHoldMax, autoRestart);
    }

    public PeerConfig withTimers(Duration retry, Duration idleMin, Duration idleMax, boolean restart) {
        return new PeerConfig(localAs, routerId, remoteAs, holdTime, retry, passive, families, addPath, role,
                strictRole, extendedMessages, extendedNextHop, idleMin, idleMax, restart);
    }

    /** The OPEN this speaker sends: multiprotocol per family, route refresh (plain and enhanced), 4-octet AS, etc. */
    public OpenMessage open() {
        List<Capability> caps = new ArrayList<>();
        families.stream().sorted(java.util.Comparator.comparingInt(AddressFamily::afi)
                        .thenComparingInt(AddressFamily::safi))
                .forEach(f -> caps.add(new MultiprotocolCapability(f, 0)));
        caps.add(new RouteRefreshCapability());
        caps.add(new EnhancedRouteRefreshCapability());
        caps.add(new FourOctetAsCapability(localAs));
        if (!addPath.isEmpty()) {
            caps.add(new AddPathCapability(addPath.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(AddressFamily::afi)
                            .thenComparingInt(AddressFamily::safi)))
                    .map(e -> AddPathCapability.Family.of(e.getKey(), e.getValue())).toList()));
        }
        // Receiving-speaker (helper) side of graceful restart: no restart state of our own, no forwarding kept.
        caps.add(new GracefulRestartCapability(0, 0, List.of()));
        if (extendedMessages) {
            caps.add(new ExtendedMessageCapability());
        }
        if (extendedNextHop) {
            caps.add(new ExtendedNextHopCapability(List.of(new ExtendedNextHopCapability.Tuple(
                    AddressFamily.IPV4_UNICAST, AddressFamily.AFI_IPV6))));
        }
        if (role != null) {
            caps.add(new RoleCapability(role.code()));
        }
        return OpenMessage.of(localAs, holdTime, routerId, caps);
    }
}
