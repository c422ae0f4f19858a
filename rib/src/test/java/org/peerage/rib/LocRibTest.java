package org.peerage.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

    private int client(long path) {
        return PathSelection.client(path);
    }

    @Test
    void shorterPathWinsThenOriginThenRouterId() {
        rib.announce(a, P, attrs(0, 0, 64601, 1, 2));
        int slot = rib.announce(b, P, attrs(0, 0, 64602, 2));
        assertThat(client(rib.best(slot))).isEqualTo(b);
        rib.announce(c, P, attrs(1, 0, 64603, 2));
        assertThat(client(rib.best(slot))).as("same length, IGP beats EGP").isEqualTo(b);
        rib.announce(c, P, attrs(0, 0, 64603, 2));
        assertThat(client(rib.best(slot))).as("all equal: lowest BGP identifier").isEqualTo(c);
        assertThat(java.util.Arrays.stream(rib.candidates(slot)).mapToInt(this::client).toArray())
                .containsExactly(c, b, a);
    }

    @Test
    void medIsComparedOnlyBetweenPathsFromTheSameNeighbourAs() {
        int slot = rib.announce(a, P, attrs(0, 10, 3356, 1));
        rib.announce(b, P, attrs(0, 5, 3356, 1));
        assertThat(client(rib.best(slot))).as("same neighbour AS 3356: lower MED").isEqualTo(b);
        rib.withdraw(b, P);
        rib.announce(c, P, attrs(0, 5, 174, 1));
        assertThat(client(rib.best(slot))).as("different neighbours: MED ignored, router id decides").isEqualTo(c);
    }

    @Test
    void localPrefOutranksPathLength() {
        int slot = rib.announce(a, P, attributes.intern(List.of(LocalPref.of(200),
                AsPath.of(List.of(AsPathSegment.sequence(1, 2, 3, 4))))));
        rib.announce(b, P, attrs(0, 0, 1));
        assertThat(client(rib.best(slot))).isEqualTo(a);
    }

    @Test
    void eachClientGetsTheBestPathThatIsNotItsOwn() {
        int slot = rib.announce(a, P, attrs(0, 0, 64601));
        rib.announce(b, P, attrs(0, 0, 64602, 1));
        assertThat(client(rib.bestExcluding(slot, a))).isEqualTo(b);
        assertThat(client(rib.bestExcluding(slot, b))).isEqualTo(a);
        assertThat(client(rib.bestExcluding(slot, c))).isEqualTo(a);
        assertThat(rib.bestAllowed(slot, p -> client(p) == c)).as("nothing allowed: no path").isEqualTo(-1);
    }

    @Test
    void replacingAndWithdrawingKeepCountsAndReferencesRight() {
        int first = attrs(0, 0, 64601);
        rib.announce(a, P, first);
        int second = attrs(0, 0, 64601, 9);
        rib.announce(a, P, second);
        assertThat(rib.pathCount()).isEqualTo(1);
        assertThat(attributes.references(second)).isEqualTo(1);
        assertThat(attributes.size()).isEqualTo(1); // the replaced set was released
        rib.announce(b, P, attrs(0, 0, 64602));
        rib.announce(b, Prefix.parse("198.51.100.0/24"), attrs(0, 0, 64602));
        List<Integer> changed = new ArrayList<>();
        rib.withdrawAll(b, changed::add);
        assertThat(changed).hasSize(2);
        assertThat(rib.pathCount()).isEqualTo(1);
        assertThat(rib.withdraw(a, P)).isNotNegative();
        assertThat(rib.pathCount()).isZero();
        assertThat(attributes.size()).isZero();
    }
}
