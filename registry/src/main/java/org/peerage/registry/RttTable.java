package org.peerage.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.bgp.wire.InetText;

/**
 * Measured round-trip times to exchange addresses, from a CSV file of {@code address,rtt_ms} lines (a header line
 * and {@code #} comments allowed). An address measured several times keeps its lowest RTT, the one closest to
 * the propagation delay.
 */
public final class RttTable {
    private final Map<String, Double> lowest;

    private RttTable(Map<String, Double> lowest) {
        this.lowest = Map.copyOf(lowest);
    }

    public static RttTable of(Map<String, Double> rtts) {
        Map<String, Double> m = new HashMap<>();
        rtts.forEach((address, rtt) -> m.merge(canonical(address), rtt, Math::min));
        return new RttTable(m);
    }

    /** @throws IllegalArgumentException naming the file and line of a bad line */
    public static RttTable read(String file) throws IOException {
        Map<String, Double> m = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(MrtInput.open(file),
                StandardCharsets.UTF_8))) {
            String text;
            long line = 0;
            boolean first = true;
            while ((text = in.readLine()) != null) {
                line++;
                String t = text.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] row = t.split("\\s*,\\s*");
                // A first line that names its columns ("address,rtt_ms") is a header.
                boolean header = first && row[0].matches("[A-Za-z_ ]+");
                first = false;
                if (header) {
                    continue;
                }
                if (row.length < 2) {
                    throw new IllegalArgumentException(file + ": line " + line + ": expected address,rtt_ms");
                }
                String address;
                try {
                    address = canonical(row[0]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": line " + line + ": not an IP address: " + row[0]);
                }
                double rtt;
                try {
                    rtt = Double.parseDouble(row[1]);
                } catch (NumberFormatException e) {
                    rtt = -1;
                }
                if (!(rtt >= 0) || Double.isInfinite(rtt)) {
                    throw new IllegalArgumentException(file + ": line " + line + ": not an RTT in milliseconds: "
                            + row[1]);
                }
                m.merge(address, rtt, Math::min);
            }
        }
        return new RttTable(m);
    }

    public Optional<Double> rttMs(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(lowest.get(canonical(address)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public int size() {
        return lowest.size();
    }

    private static String canonical(String address) {
        return InetText.format(InetText.parseAddress(address.trim()));
    }
}
