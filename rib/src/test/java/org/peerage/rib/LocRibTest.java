package org.peerage.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerage.bgp.wire.Prefix;
import org.peerage.bgp.wire.attr.AsPath;
import org.peerage.bgp.wire.attr.AsPathSegment;
import org.peerage.bgp.wire.attr.LocalPref;
import org.peerage.bgp.wire.attr.MultiExitDisc;
import org.peerage.bgp.wire.attr.Origin;
import org.peerage.bgp.wire.attr.PathAttribute;

class LocRibTest {
    private static final Prefix P = Prefix.parse("203.0.113.0/24");
    private final AttributeTable attributes = new AttributeTable();
    private final Clients clients = new Clients();
    private final LocRib rib = new LocRib(attributes, clients);
    private final int a = clients.add(64601, 0x0A000003, new byte[] {127, 1, 0, 1});
    private final int b = clients.add(64602, 0x0A000002, new byte[] {127, 1, 0, 2});
    private final int c = clients.add(64603, 0x0A000001, new byte[] {127, 1, 0, 3});

    private int attrs(int origin, long med, long... path) {
        List<PathAttribute> l = new ArrayList<>(List.of(Origin.of(origin),
                AsPath.of(List.of(AsPathSegment.sequence(path))), MultiExitDisc.of(med)));
        return attributes.intern(l);
    }

    private int put(int client, int attributeId) {
        return rib.put(P, Paths.of(client, attributeId));
    }

    private int[] order(int slot) {
        return Arrays.stream(rib.candidates(slot)).mapToInt(Paths::client).toArray();
    }

    @Test
    void shorterPathWinsThenOriginThenRouterId() {
        put(a, attrs(0, 0, 64601, 1, 2));
        int slot = put(b, attrs(0, 0, 64602, 2));
        assertThat(Paths.client(rib.best(slot))).isEqualTo(b);
        put(c, attrs(1, 0, 64603, 2));
        assertThat(Paths.client(rib.best(slot))).as("same length, IGP beats EGP").isEqualTo(b);
        put(c, attrs(0, 0, 64603, 2));
        assertThat(Paths.client(rib.best(slot))).as("all equal: lowest BGP identifier").isEqualTo(c);
        assertThat(order(slot)).containsExactly(c, b, a);
    }

    @Test
    void medIsComparedOnlyBetweenPathsFromTheSameNeighbourAs() {
        int slot = put(a, attrs(0, 10, 3356, 1));
        put(b, attrs(0, 5, 3356, 1));
        assertThat(Paths.client(rib.best(slot))).as("same neighbour AS 3356: lower MED").isEqualTo(b);
        rib.remove(b, P);
        put(c, attrs(0, 5, 174, 1));
        assertThat(Paths.client(rib.best(slot))).as("different neighbours: MED ignored, router id decides")
                .isEqualTo(c);
    }

    @Test
    void localPrefFromAClientIsIgnoredButGracefulShutdownLowersAPath() {
        int slot = put(a, attributes.intern(List.of(LocalPref.of(200),
                AsPath.of(List.of(AsPathSegment.sequence(1, 2, 3, 4))))));
        put(b, attrs(0, 0, 1));
        assertThat(Paths.client(rib.best(slot))).as("an external peer's LOCAL_PREF does not count").isEqualTo(b);
        rib.put(P, Paths.of(b, attrs(0, 0, 1), 0, 0, true));
        assertThat(order(slot)).as("graceful shutdown: the longer path is now preferred").containsExactly(a, b);
    }

    @Test
    void refusedPathsAreKeptAfterTheAcceptedOnesAndNeverSelected() {
        int slot = rib.put(P, Paths.of(a, attrs(0, 0, 64601), 2, 0, false));
        assertThat(rib.best(slot)).as("only a refused path: nothing to select").isEqualTo(-1);
        assertThat(rib.candidates(slot)).hasSize(1);
        put(b, attrs(0, 0, 64602, 1, 2, 3));
        assertThat(order(slot)).as("the longer accepted path comes before the refused one").containsExactly(b, a);
        assertThat(rib.bestAllowed(slot, p -> Paths.client(p) == a)).as("a refused path is never allowed")
                .isEqualTo(-1);
        assertThat(Paths.verdict(rib.pathOf(slot, a))).isEqualTo(2);
    }

    @Test
    void eachReceiverGetsTheBestPathItsRuleAllows() {
        int slot = put(a, attrs(0, 0, 64601));
        put(b, attrs(0, 0, 64602, 1));
        assertThat(Paths.client(rib.bestAllowed(slot, p -> Paths.client(p) != a))).isEqualTo(b);
        assertThat(Paths.client(rib.bestAllowed(slot, p -> Paths.client(p) != b))).isEqualTo(a);
        assertThat(rib.bestAllowed(slot, p -> Paths.client(p) == c)).as("nothing allowed: no path").isEqualTo(-1);
    }

    @Test
    void slotsGrowPastTheInitialCapacityWhicheverWayPathsArrive() {
        int id = attrs(0, 0, 64601);
        for (int i = 0; i < 5000; i++) {
            Prefix p = Prefix.parse("10." + (i >> 8) + "." + (i & 0xFF) + ".0/24");
            attributes.retain(id);
            if (i % 2 == 0) rib.put(p, Paths.of(a, id));
            else rib.putInSlot(rib.prefixes().add(p), Paths.of(a, id));
        }
        attributes.release(id);
        assertThat(rib.pathCount()).isEqualTo(5000);
        assertThat(attributes.references(id)).isEqualTo(5000);
    }

    @Test
    void packedFieldsRoundTrip() {
        long p = Paths.of(Paths.MAX_CLIENTS - 1, 0xFFFF_FFFE, 200, 5, true);
        assertThat(Paths.client(p)).isEqualTo(Paths.MAX_CLIENTS - 1);
        assertThat(Paths.attributeId(p)).isEqualTo(0xFFFF_FFFE);
        assertThat(Paths.verdict(p)).isEqualTo(200);
        assertThat(Paths.tags(p)).isEqualTo(5);
        assertThat(Paths.isLowPreference(p)).isTrue();
        assertThat(Paths.isAccepted(p)).isFalse();
    }

    @Test
    void replacingAndWithdrawingKeepCountsAndReferencesRight() {
        int first = attrs(0, 0, 64601);
        put(a, first);
        int second = attrs(0, 0, 64601, 9);
        put(a, second);
        assertThat(rib.pathCount()).isEqualTo(1);
        assertThat(attributes.references(second)).isEqualTo(1);
        assertThat(attributes.size()).isEqualTo(1); // the replaced set was released
        put(b, attrs(0, 0, 64602));
        rib.put(Prefix.parse("198.51.100.0/24"), Paths.of(b, attrs(0, 0, 64602)));
        List<Integer> changed = new ArrayList<>();
        rib.removeAll(b, changed::add);
        assertThat(changed).hasSize(2);
        assertThat(rib.pathCount()).isEqualTo(1);
        assertThat(rib.remove(a, P)).isNotNegative();
        assertThat(rib.pathCount()).isZero();
        assertThat(attributes.size()).isZero();
    }
}
