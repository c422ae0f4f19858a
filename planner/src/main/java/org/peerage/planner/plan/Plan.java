package org.peerage.planner.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A peering plan's inputs as the plan file gives them (docs/plan.md): who we are and where, what transit costs,
 * which exchanges, resellers and private interconnects are on offer, and where the traffic, routes and registry
 * are. Money is per month in the plan's currency; rates are Mbps.
 */
public record Plan(Path file, long asn, String name, String currency, List<Pop> pops, List<Transit> transit,
        List<Ixp> ixps, List<RemoteOffer> remote, PrivateInterconnect pni, Inputs inputs, Settings settings) {
    public Plan {
        pops = List.copyOf(pops);
        transit = List.copyOf(transit);
        ixps = List.copyOf(ixps);
        remote = List.copyOf(remote);
    }

    /** A point of presence; {@code share} of our traffic enters and leaves here; PeeringDB facility ids we are in. */
    public record Pop(String name, double latitude, double longitude, double share, List<Long> facilities,
            int line) {
        public Pop {
            facilities = List.copyOf(facilities);
        }
    }

    /** How a transit bill measures the two directions. */
    public enum Measure {
        /** max(P95 of in, P95 of out): the reference doc's rule and the usual contract. */
        MAX_OF_P95,
        /** P95 of max(in, out) per sample. */
        P95_OF_MAX
    }

    /**
     * A transit contract: bill = fixed + price x max(commit, P95); with a burst price, fixed + price x commit +
     * burst x max(0, P95 - commit).
     */
    public record Transit(String name, long asn, double pricePerMbps, double commitMbps, Double burstPricePerMbps,
            double fixedMonthly, Measure measure, int line) {
    }

    /** A candidate exchange and what a port there costs a month. {@code member}: we are already there. */
    public record Ixp(String name, Long registryId, String registryName, double portMbps, double portMonthly,
            double colocationMonthly, double crossConnectMonthly, double transportMonthly, double equipmentMonthly,
            double sessionMonthly, boolean routeServer, boolean member, int line) {
        /** F_d: everything a direct presence costs a month. */
        public double fixedMonthly() {
            return portMonthly + colocationMonthly + crossConnectMonthly + transportMonthly + equipmentMonthly;
        }
    }

    /** A layer-2 reseller's remote port to some of the exchanges: F_r a month per exchange plus v per Mbps. */
    public record RemoteOffer(String reseller, List<String> ixps, double monthly, double perMbps, double portMbps,
            int line) {
        public RemoteOffer {
            ixps = List.copyOf(ixps);
        }
    }

    /**
     * A private interconnect: a cross-connect and a port on both routers (the reference doc), of which we pay
     * {@code share}.
     */
    public record PrivateInterconnect(double crossConnectMonthly, double portMonthly, double portMbps, double share) {
        public double monthly() {
            return share * (crossConnectMonthly + 2 * portMonthly);
        }
    }

    /**
     * @param customerCones a CAIDA ppdc file of customer cones
     * @param inferCones    infer the cones from the routing table's AS paths instead (customer_cones: infer)
     */
    public record Inputs(Path traffic, Optional<Path> routingTable, Optional<String> routingPeer, Path registry,
            Optional<Path> customerCones, boolean inferCones) {
    }

    /** Peering policies (PeeringDB policy_general, lower case) we expect to get a session from. */
    public record Settings(double portUtilisation, List<String> policies, int topCandidates, int exactLimit) {
        public Settings {
            policies = List.copyOf(policies);
        }
    }

    public Optional<Pop> pop(String name) {
        return pops.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
