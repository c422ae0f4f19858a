package org.peerage.flow.collect;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerage.bgp.wire.InetText;

/** Counters per exporter address. Not synchronized: each receiving thread keeps its own, merged at the end. */
public final class CollectorStats {
    private final Map<InetAddress, ExporterCounters> exporters = new LinkedHashMap<>();

    ExporterCounters of(InetAddress exporter) {
        return exporters.computeIfAbsent(exporter, k -> new ExporterCounters());
    }

    public ExporterCounters get(InetAddress exporter) {
        return exporters.get(exporter);
    }

    public Map<InetAddress, ExporterCounters> exporters() {
        return java.util.Collections.unmodifiableMap(exporters);
    }

    public void add(CollectorStats other) {
        other.exporters.forEach((address, counters) -> of(address).add(counters));
    }

    public ExporterCounters total() {
        ExporterCounters total = new ExporterCounters();
        exporters.values().forEach(total::add);
        return total;
    }

    /** One line per exporter, then the total: the summary printed when a collector or reader stops. */
    public void print(PrintStream out) {
        out.printf("%-40s %10s %12s %10s %9s %7s %9s %s%n", "exporter", "packets", "records", "templates",
                "malformed", "lost", "no-templ", "protocols");
        exporters.entrySet().stream()
                .sorted(Comparator.comparing(e -> InetText.format(e.getKey().getAddress())))
                .forEach(e -> line(out, InetText.format(e.getKey().getAddress()), e.getValue()));
        if (exporters.size() != 1) {
            line(out, "total", total());
        }
    }

    private static void line(PrintStream out, String name, ExporterCounters c) {
        String protocols = c.packetsByProtocol().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().label() + "=" + e.getValue()).collect(Collectors.joining(","));
        String reasons = c.malformedByReason().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.getValue())
                .collect(Collectors.joining(","));
        out.printf("%-40s %10d %12d %10d %9d %7d %9d %s%s%n", name, c.packets(), c.records(), c.templates(),
                c.malformed(), c.lost(), c.waitingTemplate(), protocols.isEmpty() ? "-" : protocols,
                reasons.isEmpty() ? "" : " malformed:" + reasons);
    }
}
