package org.peerage.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.registry.model.CommonPresence;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.GeoPoint;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.RemotePeeringAssessment;
import org.peerage.registry.model.RemotePeeringReport;
import org.peerage.registry.model.RemoteSignal;
import org.peerage.registry.store.RegistryDatabase;

/** Queries on {@link SmallDump}, whose answers are worked out by hand in its comment. */
class RegistryQueryTest {
    @TempDir
    static Path dir;
    private static RegistryDatabase db;
    private static Registry registry;

    @BeforeAll
    static void load() throws IOException {
        db = RegistryDatabase.openForWriting(dir.resolve("registry.duckdb"));
        Path dump = dir.resolve("dump.json");
        Files.writeString(dump, SmallDump.JSON);
        assertThat(new RegistryImporter(db).importFile(dump.toString())).isInstanceOf(ImportOutcome.Imported.class);
        registry = new Registry(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void networkDetailListsPortsAndFacilities() throws IOException {
        var d = registry.networkDetail(64500).orElseThrow();
        assertThat(d.network().name()).isEqualTo("Alpha");
        assertThat(d.memberships()).extracting(Membership::exchangeName).containsExactly("AMS-X", "FRA-X");
        assertThat(d.memberships().get(1).ipv6()).isEqualTo("2001:db8:1::10");
        assertThat(d.facilities()).extracting(Facility::name).containsExactly("AMS DC", "FRA DC One");
        assertThat(registry.networkDetail(64999)).isEmpty();
    }

    @Test
    void exchangesAreFoundByIdNameOrPartOfIt() throws IOException {
        assertThat(registry.findExchanges("1")).singleElement().satisfies(x -> assertThat(x.name())
                .isEqualTo("FRA-X"));
        assertThat(registry.findExchanges("fra-x")).hasSize(1);
        assertThat(registry.findExchanges("Frankfurt Exchange")).hasSize(1);
        assertThat(registry.findExchanges("-X")).hasSize(2);
        assertThat(registry.findExchanges("nowhere")).isEmpty();
        var d = registry.exchangeDetail(1).orElseThrow();
        assertThat(d.prefixes()).containsExactly("192.0.2.0/24", "2001:db8:1::/64");
        assertThat(d.facilities()).extracting(Facility::id).containsExactly(10L, 11L);
        assertThat(d.members()).extracting(Membership::asn).containsExactly(64500L, 64501L, 64502L, 64503L);
        assertThat(d.memberCount()).isEqualTo(4);
    }

    @Test
    void commonShowsSharedExchangesWithBothSidesAndRouteServerReachability() throws IOException {
        CommonPresence c = registry.common(64500, 64501);
        assertThat(c.firstName()).isEqualTo("Alpha");
        assertThat(c.secondName()).isEqualTo("Beta");
        assertThat(c.exchanges()).hasSize(2);
        var ams = c.exchanges().get(0);
        assertThat(ams.exchange().name()).isEqualTo("AMS-X");
        assertThat(ams.first()).extracting(Membership::ipv4).containsExactly("198.51.100.10");
        assertThat(ams.second()).extracting(Membership::ipv4).containsExactly("198.51.100.11");
        assertThat(ams.second().getFirst().speedMbps()).isEqualTo(500L);
        assertThat(ams.viaRouteServers()).isFalse();
        var fra = c.exchanges().get(1);
        assertThat(fra.exchange().name()).isEqualTo("FRA-X");
        assertThat(fra.viaRouteServers()).isTrue();
        assertThat(c.facilities()).extracting(Facility::id).containsExactly(10L);

        CommonPresence none = registry.common(64502, 64503);
        assertThat(none.exchanges()).singleElement().satisfies(s -> assertThat(s.viaRouteServers()).isFalse());
        assertThat(none.facilities()).isEmpty();
    }

    @Test
    void remotePeersFromFacilitiesAndPortSpeeds() throws IOException {
        RemotePeeringReport fra = registry.remotePeers(1, Optional.empty(), Registry.DEFAULT_RTT_SLACK_MS);
        assertThat(fra.ports()).hasSize(4);
        assertThat(signals(fra, 64500)).isEmpty();
        assertThat(signals(fra, 64501)).isEmpty();
        assertThat(signals(fra, 64502)).containsExactly(RemoteSignal.NO_COMMON_FACILITY);
        // Delta lists no facilities: only its 100 Mbps port speaks.
        assertThat(signals(fra, 64503)).containsExactly(RemoteSignal.FRACTIONAL_PORT);
        RemotePeeringAssessment gamma = port(fra, 64502);
        assertThat(gamma.nearestKm()).isCloseTo(new GeoPoint(40.4168, -3.7038).distanceKm(
                new GeoPoint(50.1109, 8.6821)), within(1e-6));
        assertThat(fra.remote()).hasSize(2);

        RemotePeeringReport ams = registry.remotePeers(2, Optional.empty(), Registry.DEFAULT_RTT_SLACK_MS);
        assertThat(signals(ams, 64501)).containsExactly(RemoteSignal.NO_COMMON_FACILITY,
                RemoteSignal.FRACTIONAL_PORT);
        assertThat(signals(ams, 64500)).isEmpty();
    }

    @Test
    void remotePeersFromRtt() throws IOException {
        RttTable rtt = RttTable.of(Map.of("192.0.2.10", 0.5, "192.0.2.12", 25.0, "192.0.2.13", 9.0,
                "192.0.2.11", 1.9));
        RemotePeeringReport fra = registry.remotePeers(1, Optional.of(rtt), 2.0);
        double span = new GeoPoint(50.1109, 8.6821).distanceKm(new GeoPoint(50.12, 8.75));
        assertThat(port(fra, 64500).allowedRttMs()).isCloseTo(span / 100 + 2.0, within(1e-9));
        assertThat(signals(fra, 64500)).isEmpty();
        assertThat(signals(fra, 64501)).isEmpty();
        // Madrid is some 1,400 km from Frankfurt: up to about 16 ms would fit; 25 ms does not.
        assertThat(port(fra, 64502).allowedRttMs()).isBetween(15.0, 17.0);
        assertThat(signals(fra, 64502)).containsExactly(RemoteSignal.NO_COMMON_FACILITY, RemoteSignal.RTT_TOO_HIGH);
        assertThat(signals(fra, 64503)).containsExactly(RemoteSignal.FRACTIONAL_PORT, RemoteSignal.RTT_TOO_HIGH);
        assertThat(port(fra, 64503).rttMs()).isEqualTo(9.0);
    }

    @Test
    void bulkQueriesGiveEverythingAtOnce() throws IOException {
        assertThat(registry.networks()).extracting(n -> n.asn()).containsExactly(64500L, 64501L, 64502L, 64503L);
        assertThat(registry.exchanges()).extracting(x -> x.name()).containsExactly("AMS-X", "FRA-X");
        assertThat(registry.allMemberships()).extracting(Membership::id)
                .containsExactly(1002L, 1003L, 1000L, 1001L, 1004L, 1005L);
        var byNet = registry.facilitiesByNetwork();
        assertThat(byNet).containsOnlyKeys(64500L, 64501L, 64502L);
        assertThat(byNet.get(64500L)).extracting(Facility::id).containsExactly(20L, 10L);
        var byIx = registry.facilitiesByExchange();
        assertThat(byIx.get(1L)).extracting(Facility::id).containsExactly(10L, 11L);
        assertThat(byIx.get(2L)).extracting(Facility::id).containsExactly(20L);
    }

    @Test
    void distancesAreGreatCircle() {
        // Frankfurt to Amsterdam: about 364 km.
        assertThat(new GeoPoint(50.1109, 8.6821).distanceKm(new GeoPoint(52.3676, 4.9041))).isBetween(360.0, 368.0);
        assertThat(new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180))).isCloseTo(Math.PI * 6371.0088, within(1e-6));
    }

    private static RemotePeeringAssessment port(RemotePeeringReport r, long asn) {
        return r.ports().stream().filter(p -> p.membership().asn() == asn).findFirst().orElseThrow();
    }

    private static java.util.List<RemoteSignal> signals(RemotePeeringReport r, long asn) {
        return port(r, asn).signals();
    }
}
