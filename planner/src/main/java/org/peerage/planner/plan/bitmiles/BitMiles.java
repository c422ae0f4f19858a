package org.peerage.planner.plan.bitmiles;

import java.util.List;
import org.peerage.registry.model.GeoPoint;

/**
 * Bit-miles of one peering (peering-economics.md, our model): for traffic of volume v from s in A to d in B, A
 * hands it off at i* = argmin over interconnects of d(s, i) (hot potato); A carries v.d(s, i*) and B v.d(i*, d);
 * the reverse direction likewise with B choosing. With cold potato (the sender honours the receiver's MEDs) the
 * hand-off is the interconnect nearest the destination instead. Distances are great-circle kilometres; sources and
 * destinations are weighted points (our PoPs by their traffic share, the peer's facilities equally).
 */
public final class BitMiles {
    private BitMiles() {
    }

    public record Place(GeoPoint at, double weight) {
    }

    /** How each side picks the hand-off point for the traffic it sends. */
    public enum Routing {
        /** Both hot potato. */
        HOT,
        /** The peer honours our MEDs: its traffic to us is carried (by it) to the interconnect nearest our PoP. */
        PEER_COLD,
        /** We honour the peer's MEDs: our traffic to it is carried (by us) to the interconnect nearest its site. */
        US_COLD
    }

    /** Bit-miles (Mbps x km) each side carries. */
    public record Carried(double us, double peer) {
        /** us / peer: above 1 we carry more. */
        public double ratio() {
            if (peer == 0) return us == 0 ? 1 : Double.POSITIVE_INFINITY;
            return us / peer;
        }
    }

    /**
     * @param ours         our PoPs, weights summing to 1
     * @param theirs       the peer's sites, weights summing to 1
     * @param interconnects where we meet
     * @param outMbps      our traffic to the peer
     * @param inMbps       the peer's traffic to us
     */
    public static Carried carried(List<Place> ours, List<Place> theirs, List<GeoPoint> interconnects, double outMbps,
                                  double inMbps, Routing routing) {
        if (interconnects.isEmpty() || ours.isEmpty() || theirs.isEmpty()) return new Carried(0, 0);
        double us = 0;
        double peer = 0;
        for (Place s : ours) {
            for (Place d : theirs) {
                double w = s.weight() * d.weight();
                // A to B: we send; hot potato: nearest to our source; US_COLD: nearest to their destination.
                GeoPoint i = nearest(interconnects, routing == Routing.US_COLD ? d.at() : s.at());
                us += outMbps * w * s.at().distanceKm(i);
                peer += outMbps * w * i.distanceKm(d.at());
                // B to A: they send from d to s; hot potato: nearest to their source; PEER_COLD: nearest to our PoP.
                GeoPoint j = nearest(interconnects, routing == Routing.PEER_COLD ? s.at() : d.at());
                peer += inMbps * w * d.at().distanceKm(j);
                us += inMbps * w * j.distanceKm(s.at());
            }
        }
        return new Carried(us, peer);
    }

    static GeoPoint nearest(List<GeoPoint> points, GeoPoint from) {
        GeoPoint best = null;
        double d = Double.POSITIVE_INFINITY;
        for (GeoPoint p : points) {
            double x = from.distanceKm(p);
            if (x < d) {
                d = x;
                best = p;
            }
        }
        return best;
    }
}
