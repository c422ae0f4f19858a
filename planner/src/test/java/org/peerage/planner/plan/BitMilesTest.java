package org.peerage.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.planner.plan.bitmiles.BitMiles;
import org.peerage.planner.plan.bitmiles.BitMiles.Carried;
import org.peerage.planner.plan.bitmiles.BitMiles.Place;
import org.peerage.planner.plan.bitmiles.BitMiles.Routing;
import org.peerage.registry.model.GeoPoint;

/**
 * Bit-miles on the equator, where one degree of longitude is 6371.0088 x pi / 180 = 111.19508 km. Our PoP at 0°,
 * the peer's site at 10°, interconnects at 2° and 8°. We send 10 Mbps, the peer sends 5.
 */
class BitMilesTest {
    private static final double DEG = 6371.0088 * Math.PI / 180;
    private static final List<Place> US = List.of(new Place(new GeoPoint(0, 0), 1));
    private static final List<Place> PEER = List.of(new Place(new GeoPoint(0, 10), 1));
    private static final List<GeoPoint> IC = List.of(new GeoPoint(0, 2), new GeoPoint(0, 8));

    @Test
    void hotPotato() {
        // Ours: handed off at 2° (nearest to us): we carry 10 x 2° = 20, the peer 10 x 8° = 80.
        // Theirs: handed off at 8° (nearest to them): the peer carries 5 x 2° = 10, we 5 x 8° = 40.
        // We carry 60°.Mbps, the peer 90: ratio 0.667.
        Carried c = BitMiles.carried(US, PEER, IC, 10, 5, Routing.HOT);
        assertThat(c.us()).isCloseTo(60 * DEG, within(1e-6));
        assertThat(c.peer()).isCloseTo(90 * DEG, within(1e-6));
        assertThat(c.ratio()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void coldPotato() {
        // The peer honours our MEDs: its 5 Mbps go to 2°, it carries 5 x 8° = 40, we 5 x 2° = 10; ours as before
        // (20 us, 80 peer): us 30, peer 120, ratio 0.25.
        Carried peerCold = BitMiles.carried(US, PEER, IC, 10, 5, Routing.PEER_COLD);
        assertThat(peerCold.us()).isCloseTo(30 * DEG, within(1e-6));
        assertThat(peerCold.peer()).isCloseTo(120 * DEG, within(1e-6));
        // We honour the peer's MEDs: our 10 Mbps go to 8°, we carry 80, it 20; theirs as hot (10 peer, 40 us):
        // us 120, peer 30, ratio 4.
        Carried usCold = BitMiles.carried(US, PEER, IC, 10, 5, Routing.US_COLD);
        assertThat(usCold.ratio()).isCloseTo(4, within(1e-9));
    }

    @Test
    void oneInterconnectAndWeights() {
        // A single interconnect at 2°: both hand off there. Ours: us 10 x 2 = 20, peer 10 x 8 = 80; theirs: peer
        // 5 x 8 = 40, us 5 x 2 = 10. us 30, peer 120.
        Carried one = BitMiles.carried(US, PEER, List.of(new GeoPoint(0, 2)), 10, 5, Routing.HOT);
        assertThat(one.us()).isCloseTo(30 * DEG, within(1e-6));
        assertThat(one.peer()).isCloseTo(120 * DEG, within(1e-6));
        // Two PoPs, at 0° (weight 0.5) and 10° (0.5), one interconnect at 10°, the peer at 10°, 10 Mbps each way:
        // the PoP at 0° carries 10 x 0.5 x 10° both ways = 100°.Mbps; the other and the peer carry nothing.
        List<Place> two = List.of(new Place(new GeoPoint(0, 0), 0.5), new Place(new GeoPoint(0, 10), 0.5));
        Carried w = BitMiles.carried(two, PEER, List.of(new GeoPoint(0, 10)), 10, 10, Routing.HOT);
        assertThat(w.us()).isCloseTo(100 * DEG, within(1e-6));
        assertThat(w.peer()).isCloseTo(0, within(1e-9));
    }
}
