/**
 * Real BGP daemons from Debian as peers and oracles for interop tests.
 *
 * <pre>{@code
 * @ExtendWith(DaemonExtension.class)          // logs on failure, stops leftovers
 * @Timeout(60)
 * class MyInteropTest {
 *     @Test
 *     void birdLearnsOurRoutes() {
 *         String birdAddress = Ports.loopbackAddress(), ourAddress = Ports.loopbackAddress();
 *         int ourPort = Ports.freePort(ourAddress);
 *         DaemonPeer peer = DaemonPeer.builder()
 *                 .local(65001, birdAddress, Ports.freePort(birdAddress))
 *                 .remote(64601, ourAddress, ourPort)
 *                 .passive(true).md5Password("secret").addPath(AddPath.BOTH).ipv6(true)
 *                 .routes(StaticRoute.sequence("10.10.0.0/24", 100))
 *                 .build();
 *         try (Daemon bird = new Bird2(peer).start()) {
 *             // ... start peerage at ourAddress:ourPort, AS 64601, peering with birdAddress ...
 *             bird.waitEstablished(ourAddress, Duration.ofSeconds(30));
 *             List<DaemonRoute> routes = bird.awaitReceivedRoutes(5, Duration.ofSeconds(30));
 *             bird.announce(List.of(StaticRoute.of("10.99.0.0/24").withCommunities("65001:1")));
 *         }
 *     }
 * }
 * }</pre>
 *
 * Implementations: {@link org.peerage.interop.daemon.Bird2}, {@link org.peerage.interop.daemon.GoBgp},
 * {@link org.peerage.interop.daemon.Frr}, {@link org.peerage.interop.daemon.OpenBgpd},
 * {@link org.peerage.interop.daemon.ExaBgp}; each class documents the quirks its configuration works around.
 */
package org.peerage.interop.daemon;
