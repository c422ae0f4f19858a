package org.peerage.planner.plan;

import java.util.List;
import java.util.Map;
import org.peerage.planner.plan.billing.TransitBill;

/**
 * Every figure of a plan, as the report shows it and as JSON. Money is a month in the plan's currency, rates are
 * Mbps (P95 unless named otherwise); maps keyed by family are {@code all}, {@code IPv4}, {@code IPv6}.
 */
public record PlanResult(Summary summary, List<ProviderBills> transit, List<Candidate> candidates,
        List<Option> options, List<CostCurve> costCurves, Selection selection, List<BitMileBalance> bitMiles,
        List<double[]> totalSeries, List<Assumption> assumptions, List<String> warnings) {

    public record Summary(long asn, String name, String currency, String periodStart, int samples, double days,
            long flows, double transitNow, double transitAfter, double peeringCost, double totalAfter,
            double saving, double linearEstimate, Map<String, Double> totalInMbps, Map<String, Double> totalOutMbps,
            double transitPrice, String cones, int candidatesConsidered, int candidatesPeered, int topCandidates) {
    }

    /** One provider's bill now and after the plan, each for both families and, informatively, per family. */
    public record ProviderBills(String name, long asn, String measure, double pricePerMbps, double commitMbps,
            Double burstPricePerMbps, Map<String, TransitBill> now, Map<String, TransitBill> after,
            double offloadedMbps) {
    }

    /** Where a candidate can be met. */
    public record Meeting(String ixp, long speedMbps, boolean candidateOnRouteServer, boolean routeServerPath,
            boolean remoteMember) {
    }

    public record Candidate(int rank, long asn, String name, String policy, boolean eligible, String reason,
            int coneSize, Map<String, Double> offloadMbps, Map<String, Double> p95InMbps,
            Map<String, Double> p95OutMbps, double transitValue, double effectivePrice, List<Meeting> meetings,
            List<String> sharedFacilities, String bestOption, double bestOptionCost, double netSaving,
            boolean peered, String peeredAt, Double prefixes4, Double prefixes6) {
    }

    public enum OptionKind { PUBLIC, ROUTE_SERVER, PRIVATE, REMOTE }

    /**
     * One way to peer with a candidate at one place: its monthly cost alone (with the place's fixed cost) and
     * incremental (the place already in use), the break-even traffic and the savings at the candidate's traffic.
     */
    public record Option(long asn, String name, String place, OptionKind kind, double offloadMbps,
            double standaloneMonthly, double incrementalMonthly, double breakEvenMbps, double incrementalBreakEvenMbps,
            double savings, double incrementalSavings, Double remoteBeatsDirectBelowMbps, String note) {
    }

    /** Cost against offloaded traffic at one exchange: transit p.O, direct F_d, remote F_r + v.O, PNI. */
    public record CostCurve(String ixp, double transitPrice, double directMonthly, String reseller,
            Double remoteMonthly, Double remotePerMbps, double pniMonthly, double directBreakEvenMbps,
            Double remoteBreakEvenMbps, Double remoteBeatsDirectBelowMbps, double pniBreakEvenMbps) {
    }

    /** A site of the selection; {@code loadMbps} = max(P95 in, P95 out) of its peers' traffic, also per family. */
    public record Site(String name, String kind, String ixp, double fixedMonthly, boolean open, boolean forced,
            List<Long> peers, double loadMbps, Map<String, Double> loadByFamily, double portMbps, int portsNeeded,
            double extraPortMonthly, double sessionsMonthly, double perMbpsMonthly) {
    }

    public record Selection(String method, boolean optimal, long nodes, double transitOnly, double linearCost,
            List<Site> sites, List<String> steps) {
    }

    public record Balance(double outMbps, double inMbps, double bitMilesUs, double bitMilesPeer, double ratio) {
    }

    public record Remedy(String remedy, double ratio, double bitMilesUs, double bitMilesPeer) {
    }

    public record BitMileBalance(long asn, String name, List<String> interconnects, Map<String, Balance> hot,
            String verdict, List<Remedy> remedies, String locations) {
    }

    /** An input a number rests on: what it is, its value, and where it comes from. */
    public record Assumption(String name, String value, String source) {
    }
}
