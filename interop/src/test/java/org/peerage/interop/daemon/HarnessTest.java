package org.peerage.interop.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The harness's own pieces that need no daemon: ports, addresses, availability, route and peer helpers, parsers. */
class HarnessTest {

    @Test
    void loopbackAddressesAreDistinctAndPortsFreeOnEveryAddressAsked() {
        List<String> addresses = Ports.loopbackAddresses(300);
        assertThat(Set.copyOf(addresses)).hasSize(300);
        assertThat(addresses).allMatch(a -> a.startsWith("127.") && !a.endsWith(".0") && !a.endsWith(".1"));
        int port = Ports.freePort(addresses.getFirst(), "::1");
        assertThat(port).isGreaterThan(1024);
        assertThat(Ports.freePort(addresses.getFirst(), "::1")).isNotEqualTo(port);
    }

    @Test
    void missingBinarySkipsOrFailsUnderCi() {
        Path missing = Path.of("/nonexistent/peerage-daemon");
        Class<? extends Throwable> expected = "true".equalsIgnoreCase(System.getenv("CI"))
                ? AssertionError.class : TestAbortedException.class;
        assertThatThrownBy(() -> DaemonAvailability.require("peerage-daemon", missing))
                .isInstanceOf(expected).hasMessageContaining("apt-get install peerage-daemon");
        DaemonAvailability.require("bash", Path.of("/bin/sh"));
    }

    @Test
    void staticRouteSequencesAndDefaults() {
        assertThat(StaticRoute.sequence("10.10.254.0/24", 3)).extracting(StaticRoute::prefix)
                .containsExactly("10.10.254.0/24", "10.10.255.0/24", "10.11.0.0/24");
        assertThat(StaticRoute.sequence("2001:db8:ffff::/48", 2)).extracting(StaticRoute::prefix)
                .containsExactly("2001:db8:ffff::/48", "2001:db9::/48");
        assertThat(StaticRoute.of("10.0.0.0/8").nextHop()).isEqualTo("192.0.2.1");
        assertThat(StaticRoute.of("2001:db8::/32").nextHop()).isEqualTo("2001:db8::1");
        assertThat(StaticRoute.compactV6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(StaticRoute.compactV6("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(StaticRoute.compactV6("2001:db8:0:1:0:0:0:0")).isEqualTo("2001:db8:0:1::");
    }

    @Test
    void mirroredPeerSwapsEndsAndAddPathDirection() {
        DaemonPeer peer = DaemonPeer.builder().local(65001, "127.0.0.2", 1791).remote(64601, "127.0.0.1", 1790)
                .passive(true).addPath(AddPath.SEND).md5Password("pw").ipv6(true)
                .route(StaticRoute.of("10.0.0.0/24")).build();
        DaemonPeer other = peer.mirrored();
        assertThat(other.localAs()).isEqualTo(64601);
        assertThat(other.localAddress()).isEqualTo("127.0.0.1");
        assertThat(other.localPort()).isEqualTo(1790);
        assertThat(other.remotePort()).isEqualTo(1791);
        assertThat(other.routerId()).isEqualTo("127.0.0.1");
        assertThat(other.passive()).isFalse();
        assertThat(other.addPath()).isEqualTo(AddPath.RECEIVE);
        assertThat(other.md5Password()).isEqualTo("pw");
        assertThat(other.families()).containsExactly("ipv4", "ipv6");
        assertThat(other.routes()).isEmpty();
        assertThat(DaemonPeer.builder().local(1, "::1", 2000).remote(2, "::1", 2001).build().families())
                .containsExactly("ipv6");
    }

    @Test
    void extendedCommunitySpellingsAreNormalised() {
        assertThat(List.of("RT:65001:100", "rt 65001:100", "target:65001:100", "(rt, 65001, 100)"))
                .allMatch(s -> DaemonRoute.normaliseExtCommunity(s).equals("rt:65001:100"));
        assertThat(List.of("SoO:1:2", "soo 1:2", "origin:1:2", "(ro, 1, 2)"))
                .allMatch(s -> DaemonRoute.normaliseExtCommunity(s).equals("soo:1:2"));
    }

    @Test
    void birdRouteListingIsParsed() {
        String output = """
                BIRD 2.0.12 ready.
                Table master4:
                10.1.0.0/24          blackhole [static4_0 07:35:18.522] * (200)
                \tType: static univ
                10.2.0.0/24          unreachable [peer_0 07:35:20.532 from 127.0.0.1] * (100) [AS64601?]
                \tType: BGP univ
                \tBGP.origin: Incomplete
                \tBGP.as_path: 64601
                \tBGP.next_hop: 192.0.2.2
                \tBGP.local_pref: 100
                \tBGP.community: (64601,1)
                                     unreachable [peer_0 07:35:20.538 from 127.0.0.1] (100) [AS65444?]
                \tType: BGP univ
                \tBGP.origin: EGP
                \tBGP.as_path: 64601 {65444 65445}
                \tBGP.next_hop: 192.0.2.3
                \tBGP.med: 7
                \tBGP.large_community: (64601, 1, 2)
                \tBGP.ext_community: (rt, 65001, 100) (ro, 1, 2)

                Table master6:
                2001:db8:2::/48      unreachable [peer_0 07:35:20.532 from 127.0.0.1] * (100) [AS64601i]
                \tBGP.origin: IGP
                \tBGP.as_path: 64601
                \tBGP.next_hop: 2001:db8::2 fe80::1
                """;
        List<DaemonRoute> routes = Bird2.parseRoutes(output, java.util.Map.of("peer_0", "127.0.0.1"));
        assertThat(routes).hasSize(3);
        assertThat(routes.get(0)).isEqualTo(new DaemonRoute("127.0.0.1", "10.2.0.0/24", List.of(64601L), "192.0.2.2",
                List.of("64601:1"), List.of(), List.of(), null, 100L, Origin.INCOMPLETE, null));
        assertThat(routes.get(1)).isEqualTo(new DaemonRoute("127.0.0.1", "10.2.0.0/24", List.of(64601L, 65444L, 65445L),
                "192.0.2.3", List.of(), List.of("64601:1:2"), List.of("rt:65001:100", "soo:1:2"), 7L, null, Origin.EGP,
                null));
        assertThat(routes.get(2).nextHop()).isEqualTo("2001:db8::2");
    }
}
