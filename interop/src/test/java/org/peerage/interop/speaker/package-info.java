/**
 * peerage's session layer and speaker against the real daemons of {@link org.peerage.interop.daemon}: sessions both
 * ways with every daemon ({@code SessionEstablishesBothWaysTest}, {@code Ipv6TransportSessionTest}), a 2-octet-only
 * peer ({@code TwoOctetAsPeerTest}), a real full table relayed through BIRD, GoBGP, FRR and OpenBGPD
 * ({@code FullTableRelayTest}), communities ({@code CommunitiesPreservedTest}), ADD-PATH ({@code AddPathExchangeTest}),
 * route refresh ({@code RouteRefreshTest}), TCP MD5 ({@code Md5SessionTest}), hold timer expiry
 * ({@code HoldTimerExpiryTest}), shutdown communications ({@code NotificationReasonTest}) and RFC 7607
 * ({@code AsZeroRejectedTest}). Two classes guard bugs these tests found and that are fixed:
 * {@code PassiveAcceptRaceTest} (a peer's early OPEN lost by a passive session on another thread than its listener)
 * and {@code MrtReplayKeepsDiscardedAttributeRoutesTest} (the MRT replay dropped routes with a discardable
 * attribute).
 *
 * <p>The speaker runs in the test JVM ({@link org.peerage.interop.speaker.PeerageSpeaker}); its Adj-RIB-In is read
 * back through {@code Speaker.writeMrt}. Tests that must see single messages (route refresh markers, Down actions,
 * UPDATEs they send) use a bare {@code PeerSession} ({@link org.peerage.interop.speaker.RecordingSession}). Each
 * session's two ends are a {@link org.peerage.interop.speaker.Link}; daemon-specific CLI calls are in
 * {@link org.peerage.interop.speaker.DaemonCommands}.
 *
 * <p>Run the suite (about two minutes, a third of it the full-table relays):
 * <pre>
 * mvn -B -o -pl interop -am test -Dtest='org.peerage.interop.speaker.*Test' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
package org.peerage.interop.speaker;
