package org.peerage.interop.speaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peerage.interop.daemon.Bird2;
import org.peerage.interop.daemon.Daemon;
import org.peerage.interop.daemon.Frr;
import org.peerage.interop.daemon.GoBgp;
import org.peerage.interop.daemon.OpenBgpd;

/**
 * Operator commands the harness does not wrap, through each daemon's CLI: ask the neighbour for a route refresh,
 * count the UPDATEs received from it, shut the session down with an RFC 8203/9003 message. BIRD's only session with
 * peerage is its first protocol, {@code peer_0}.
 */
final class DaemonCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BIRD_IMPORT_UPDATES = Pattern.compile("Import updates:\\s+(\\d+)");

    private DaemonCommands() {
    }

    /**
     * Makes the daemon send a ROUTE-REFRESH for IPv4 unicast to the neighbour at {@code peer}. Not GoBGP: its
     * {@code softresetin} re-runs import policy over the Adj-RIB-In it always keeps and sends nothing.
     */
    static void requestRefresh(Daemon daemon, String peer) {
        switch (daemon) {
            case Bird2 b -> b.birdc("reload in peer_0");
            case Frr f -> f.vtysh("clear bgp ipv4 unicast " + peer + " soft in");
            case OpenBgpd o -> o.bgpctl("neighbor", peer, "refresh");
            default -> throw new UnsupportedOperationException(daemon.name() + ": no route refresh command");
        }
    }

    /** UPDATE messages (BIRD: route announcements) received from the neighbour at {@code peer} so far. */
    static long updatesReceived(Daemon daemon, String peer) {
        return switch (daemon) {
            case Bird2 b -> {
                Matcher m = BIRD_IMPORT_UPDATES.matcher(b.birdc("show protocols all peer_0"));
                yield m.find() ? Long.parseLong(m.group(1)) : -1;
            }
            case GoBgp g -> json(g.gobgp("neighbor", peer, "-j")).path("state").path("messages").path("received")
                    .path("update").asLong(-1);
            case Frr f -> json(f.vtysh("show bgp neighbors " + peer + " json")).path(peer).path("messageStats")
                    .path("updatesRecv").asLong(-1);
            case OpenBgpd o -> json(o.bgpctl("-j", "show", "neighbor", peer)).path("neighbors").path(0).path("stats")
                    .path("message").path("received").path("updates").asLong(-1);
            default -> throw new UnsupportedOperationException(daemon.name() + ": no update counter");
        };
    }

    /** Administrative shutdown of the session with {@code peer}, with a shutdown communication. */
    static void shutdown(Daemon daemon, String peer, String message) {
        switch (daemon) {
            case Bird2 b -> b.birdc("disable peer_0 \"" + message + "\"");
            case GoBgp g -> g.gobgp("neighbor", peer, "shutdown", "--reason", message);
            case Frr f -> f.vtysh("configure terminal", "router bgp " + f.peers().getFirst().localAs(),
                    "neighbor " + peer + " shutdown message " + message);
            case OpenBgpd o -> o.bgpctl("neighbor", peer, "down", message);
            default -> throw new UnsupportedOperationException(daemon.name() + ": no shutdown command");
        }
    }

    /** BIRD's log file, for what it says about the session. */
    static String birdLog(Bird2 bird) {
        try {
            return Files.readString(bird.workDir().resolve("bird.log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unparsable JSON: " + text, e);
        }
    }
}
