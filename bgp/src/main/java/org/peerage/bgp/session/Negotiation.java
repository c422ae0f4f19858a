package org.peerage.bgp.session;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.peerage.bgp.wire.AddressFamily;
import org.peerage.bgp.wire.Malformation;
import org.peerage.bgp.wire.OpenErrorSubcode;
import org.peerage.bgp.wire.OpenMessage;
import org.peerage.bgp.wire.WireWriter;
import org.peerage.bgp.wire.open.AddPathCapability;
import org.peerage.bgp.wire.open.AddPathMode;
import org.peerage.bgp.wire.open.BgpRole;
import org.peerage.bgp.wire.open.CapabilityCode;
import org.peerage.bgp.wire.open.EnhancedRouteRefreshCapability;
import org.peerage.bgp.wire.open.ExtendedMessageCapability;
import org.peerage.bgp.wire.open.ExtendedNextHopCapability;
import org.peerage.bgp.wire.open.FourOctetAsCapability;
import org.peerage.bgp.wire.open.GracefulRestartCapability;
import org.peerage.bgp.wire.open.MultiprotocolCapability;
import org.peerage.bgp.wire.open.RoleCapability;
import org.peerage.bgp.wire.open.RouteRefreshCapability;

/** Checks a received OPEN against the local config and works out the session's parameters. Pure. */
public final class Negotiation {

    /** The agreed parameters, or the OPEN error to send. */
    public sealed interface Result {
        record Agreed(Negotiated negotiated) implements Result {
        }

        record Refused(Malformation error) implements Result {
        }
    }

    private Negotiation() {
    }

    public static Result negotiate(PeerConfig config, OpenMessage sent, OpenMessage received) {
        long peerAs = received.effectiveAs();
        if (config.remoteAs() != 0 && peerAs != config.remoteAs()) {
            return refuse(OpenErrorSubcode.BAD_PEER_AS, asBytes(received.myAs()), "peer opened with AS " + peerAs
                    + ", configured AS " + config.remoteAs());
        }
        if (peerAs == config.localAs() && received.bgpIdentifier() == config.routerId()) {
            return refuse(OpenErrorSubcode.BAD_BGP_IDENTIFIER, null, "iBGP peer uses our own BGP identifier "
                    + received.bgpIdentifierText());
        }
        int holdTime = Math.min(config.holdTime(), received.holdTime());
        boolean fourOctet = received.capability(FourOctetAsCapability.class).isPresent();

        Set<AddressFamily> peerFamilies = new HashSet<>();
        for (MultiprotocolCapability mp : received.capabilities(MultiprotocolCapability.class)) {
            peerFamilies.add(mp.family());
        }
        if (received.capabilities(MultiprotocolCapability.class).isEmpty()) {
            peerFamilies.add(AddressFamily.IPV4_UNICAST); // RFC 4760 §8: no capability means IPv4 unicast only
        }
        Set<AddressFamily> families = new HashSet<>(config.families());
        families.retainAll(peerFamilies);
        if (families.isEmpty()) {
            return refuse(OpenErrorSubcode.UNSUPPORTED_CAPABILITY, null, "no address family in common: we offer "
                    + config.families() + ", the peer " + peerFamilies);
        }

        Set<AddressFamily> addPathReceive = new HashSet<>();
        Set<AddressFamily> addPathSend = new HashSet<>();
        for (AddPathCapability cap : received.capabilities(AddPathCapability.class)) {
            for (AddPathCapability.Family f : cap.families()) {
                AddPathMode theirs = f.mode();
                AddPathMode ours = config.addPath().get(f.family());
                if (theirs == null || ours == null || !families.contains(f.family())) {
                    continue;
                }
                if (ours.canReceive() && theirs.canSend()) addPathReceive.add(f.family());
                if (ours.canSend() && theirs.canReceive()) addPathSend.add(f.family());
            }
        }

        BgpRole peerRole = received.capability(RoleCapability.class).map(r -> BgpRole.of(r.roleCode())).orElse(null);
        if (config.role() != null) {
            Optional<RoleCapability> theirs = received.capability(RoleCapability.class);
            if (theirs.isEmpty() && config.strictRole()) {
                return refuse(OpenErrorSubcode.ROLE_MISMATCH, null, "strict role: the peer announced no BGP role");
            }
            if (theirs.isPresent() && !rolesMatch(config.role(), peerRole)) {
                return refuse(OpenErrorSubcode.ROLE_MISMATCH, null, "our role " + config.role().label()
                        + " does not match the peer's " + (peerRole == null ? "code " + theirs.get().roleCode()
                        : peerRole.label()));
            }
        }

        boolean extended = config.extendedMessages()
                && received.capability(ExtendedMessageCapability.class).isPresent();
        boolean routeRefresh = received.capability(RouteRefreshCapability.class).isPresent()
                || received.capabilities().stream().anyMatch(c -> c.code() == CapabilityCode.CISCO_ROUTE_REFRESH.code());
        boolean enhanced = received.capability(EnhancedRouteRefreshCapability.class).isPresent();
        GracefulRestartCapability gr = received.capability(GracefulRestartCapability.class).orElse(null);
        boolean extendedNextHop = config.extendedNextHop() && received.capabilities(ExtendedNextHopCapability.class)
                .stream().flatMap(c -> c.tuples().stream()).anyMatch(t -> t.nlri().equals(AddressFamily.IPV4_UNICAST)
                        && t.nextHopAfi() == AddressFamily.AFI_IPV6);
        return new Result.Agreed(new Negotiated(sent, received, peerAs, received.bgpIdentifier(), holdTime, fourOctet,
                families, addPathReceive, addPathSend, extended, routeRefresh, enhanced, gr, peerRole,
                extendedNextHop));
    }

    /** RFC 9234 §4.2: the allowed pairs. */
    static boolean rolesMatch(BgpRole ours, BgpRole theirs) {
        if (theirs == null) return false;
        return switch (ours) {
            case PROVIDER -> theirs == BgpRole.CUSTOMER;
            case CUSTOMER -> theirs == BgpRole.PROVIDER;
            case ROUTE_SERVER -> theirs == BgpRole.ROUTE_SERVER_CLIENT;
            case ROUTE_SERVER_CLIENT -> theirs == BgpRole.ROUTE_SERVER;
            case PEER -> theirs == BgpRole.PEER;
        };
    }

    private static byte[] asBytes(int myAs) {
        return new WireWriter(2).u16(myAs).toByteArray();
    }

    private static Result refuse(OpenErrorSubcode subcode, byte[] data, String reason) {
        return new Result.Refused(subcode.malformation(data, 0, reason));
    }
}
