package org.peerage.planner.plan.billing;

/**
 * One provider's monthly bill: the P95 of each direction (Mbps), the billed rate under the contract's measure,
 * and the amount: fixed + price x max(commit, billed) or, with a burst price, fixed + price x commit + burst x
 * max(0, billed - commit).
 */
public record TransitBill(String provider, long asn, double p95InMbps, double p95OutMbps, double billedMbps,
        double commitMbps, double burstMbps, double amount) {
}
