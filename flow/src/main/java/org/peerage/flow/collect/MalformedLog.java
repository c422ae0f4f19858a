package org.peerage.flow.collect;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.peerage.bgp.wire.InetText;
import org.peerage.flow.PacketResult;

/**
 * Logs malformed datagrams with their exporter's address, at most {@link #PER_MINUTE} lines per exporter and minute
 * so that a broken exporter cannot flood the log; the counters still count every one.
 */
final class MalformedLog {
    static final int PER_MINUTE = 10;

    private final Consumer<String> log;
    private final Map<InetAddress, long[]> windows = new HashMap<>(); // {minute, logged, suppressed}

    MalformedLog(Consumer<String> log) {
        this.log = log;
    }

    void malformed(InetAddress exporter, int port, PacketResult.Malformed m, int length, long nowMillis) {
        long minute = nowMillis / 60_000;
        long[] w = windows.computeIfAbsent(exporter, k -> new long[] {minute, 0, 0});
        if (w[0] != minute) {
            if (w[2] > 0) {
                log.accept("malformed datagrams from " + name(exporter) + ": " + w[2] + " more not logged");
            }
            w[0] = minute;
            w[1] = 0;
            w[2] = 0;
        }
        if (w[1]++ < PER_MINUTE) {
            log.accept("malformed " + (m.protocol() == null ? "datagram" : m.protocol().label() + " datagram")
                    + " from " + name(exporter) + (port > 0 ? " port " + port : "") + " (" + length + " bytes): " + m
                    + (m.records() > 0 ? " (" + m.records() + " records before it kept)" : ""));
        } else {
            w[2]++;
        }
    }

    private static String name(InetAddress a) {
        return InetText.format(a.getAddress());
    }
}
