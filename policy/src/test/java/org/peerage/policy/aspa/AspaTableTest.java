package org.peerage.policy.aspa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AspaTableTest {
    private static Aspa aspa(long customer, long... providers) {
        return new Aspa(customer, providers);
    }

    private static long[] path(long... asns) {
        return asns;
    }

    /** origin 64502 -> its provider 64501 -> its provider 64500, the route server client. */
    private static final AspaTable CHAIN = AspaTable.of(List.of(aspa(64502, 64501), aspa(64501, 64500, 64510)));

    @Test
    void hopCheck() {
        assertThat(CHAIN.hop(64502, 64501)).isEqualTo(AspaTable.Hop.PROVIDER);
        assertThat(CHAIN.hop(64502, 64500)).isEqualTo(AspaTable.Hop.NOT_PROVIDER);
        assertThat(CHAIN.hop(64500, 64501)).isEqualTo(AspaTable.Hop.NO_ATTESTATION);
        assertThat(AspaTable.of(List.of(aspa(1, 0))).hop(1, 0)).as("AS 0 authorizes no one")
                .isEqualTo(AspaTable.Hop.NOT_PROVIDER);
    }

    @Test
    void upstreamCustomerChainIsValid() {
        assertThat(CHAIN.verifyUpstream(path(64500, 64501, 64502))).isEqualTo(AspaState.VALID);
        assertThat(CHAIN.verifyUpstream(path(64500, 64500, 64501, 64501, 64501, 64502))).as("prepends collapse")
                .isEqualTo(AspaState.VALID);
        assertThat(CHAIN.verifyUpstream(path(64501, 64502))).isEqualTo(AspaState.VALID);
        assertThat(CHAIN.verifyUpstream(path(64502))).isEqualTo(AspaState.VALID);
    }

    @Test
    void upstreamWithAHopWithoutAspaIsUnknown() {
        AspaTable t = AspaTable.of(List.of(aspa(64502, 64501)));
        assertThat(t.verifyUpstream(path(64500, 64501, 64502))).isEqualTo(AspaState.UNKNOWN);
        assertThat(AspaTable.empty().verifyUpstream(path(64500, 64501))).isEqualTo(AspaState.UNKNOWN);
    }

    @Test
    void upstreamLeakIsInvalid() {
        // 64501 attests 64500 as its only provider, but the path has it handing the route to 64599 (a leak).
        assertThat(CHAIN.verifyUpstream(path(64599, 64501, 64502))).isEqualTo(AspaState.INVALID);
        // A not-provider hop decides even when another hop has no attestation.
        assertThat(CHAIN.verifyUpstream(path(64700, 64599, 64501, 64502))).isEqualTo(AspaState.INVALID);
    }

    @Test
    void pathsThatCannotBeVerifiedAreInvalid() {
        assertThat(CHAIN.verifyUpstream(null)).isEqualTo(AspaState.INVALID);
        assertThat(CHAIN.verifyDownstream(null)).isEqualTo(AspaState.INVALID);
        assertThat(CHAIN.verifyUpstream(new long[0])).isEqualTo(AspaState.INVALID);
    }

    /**
     * The NIST BRIO example 1 topology: A(65000) -> C(65020) -> F(65050) ~ G(65060) -> E(65040) -> B(65010), path as
     * received by B "E G F C A"; F and E have no ASPA, G attests AS 0. The ramps are 4/2 (max) and 3/1 (min).
     */
    @Test
    void nistBrioExampleOne() {
        AspaTable t = AspaTable.of(List.of(aspa(65000, 65020, 65030), aspa(65010, 65040), aspa(65020, 65050),
                aspa(65030, 65050, 65060), aspa(65060, 0)));
        long[] p = path(65040, 65060, 65050, 65020, 65000);
        assertThat(t.verifyDownstream(p)).isEqualTo(AspaState.UNKNOWN);
        assertThat(t.verifyUpstream(p)).isEqualTo(AspaState.INVALID);
    }

    @Test
    void downstreamUpOverOnePeeringAndDownIsValid() {
        // O -> T1 (provider), T1 peers with T2, T2 -> P1 (P1's provider is T2), P1 sends to us.
        AspaTable t = AspaTable.of(List.of(aspa(10, 20), aspa(20, 0), aspa(30, 0), aspa(40, 30)));
        assertThat(t.verifyDownstream(path(40, 30, 20, 10))).isEqualTo(AspaState.VALID);
        assertThat(t.verifyUpstream(path(40, 30, 20, 10))).isEqualTo(AspaState.INVALID);
        // Two peerings in a row (T2 -> T3 -> T1): a valley no ramps explain.
        AspaTable valley = AspaTable.of(List.of(aspa(10, 20), aspa(20, 0), aspa(25, 0), aspa(30, 0), aspa(40, 30)));
        assertThat(valley.verifyDownstream(path(40, 30, 25, 20, 10))).isEqualTo(AspaState.INVALID);
    }

    @Test
    void downstreamWithGapsIsUnknownAndShortPathsValid() {
        AspaTable t = AspaTable.of(List.of(aspa(10, 20)));
        assertThat(t.verifyDownstream(path(40, 30, 20, 10))).isEqualTo(AspaState.UNKNOWN);
        assertThat(t.verifyDownstream(path(40, 10))).isEqualTo(AspaState.VALID);
        assertThat(AspaTable.empty().verifyDownstream(path(1, 2, 3))).isEqualTo(AspaState.UNKNOWN);
    }

    @Test
    void severalAspasForOneCustomerAreMerged() {
        AspaTable t = AspaTable.of(List.of(aspa(1, 3, 2), aspa(1, 4, 2)));
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.providersOf(1)).containsExactly(2, 3, 4);
        assertThat(t.providersOf(5)).isNull();
    }
}
