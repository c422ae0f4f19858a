package org.peerage.registry;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
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
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.ALLOW_COMMENTS);
        try (InputStream in = MrtInput.open(file);
             MappingIterator<String[]> rows = mapper.readerForArrayOf(String.class).readValues(in)) {
            boolean first = true;
            while (rows.hasNext()) {
                String[] row = rows.next();
                long line = rows.getCurrentLocation().getLineNr();
                // A first line that names its columns ("address,rtt_ms") is a header.
                boolean header = first && row.length >= 1 && row[0].matches("[A-Za-z_ ]+");
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
