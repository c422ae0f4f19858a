package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.peerage.registry.Registry;
import org.peerage.registry.RttTable;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.RemotePeeringAssessment;
import org.peerage.registry.model.RemotePeeringReport;
import org.peerage.registry.model.RemoteSignal;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage registry remote-peers IX}: members that look connected from afar. */
@Command(name = "remote-peers", mixinStandardHelpOptions = true,
        description = {"List an exchange's member ports that show remote-peering signals (Nomikos et al., IMC "
                + "2018): no-common-facility (the member lists facilities, none of them the exchange's), "
                + "fractional-port (below 1 Gbps, a reseller's share), and with --rtt, rtt-too-high (the lowest RTT "
                + "to the port is above what the facility distances allow: 1 ms per 100 km, plus the span of the "
                + "exchange's facilities, plus --rtt-slack).",
                "Exit status 1 when no single exchange matches."})
final class RegistryRemotePeersCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Parameters(paramLabel = "IX", description = "The exchange: id or name, as for 'registry ix'.")
    String query;

    @Option(names = "--rtt", paramLabel = "FILE", description = "CSV of address,rtt_ms: RTTs measured to members' "
            + "exchange addresses from inside the exchange (the lowest per address counts).")
    Path rtt;

    @Option(names = "--rtt-slack", paramLabel = "MS", description = "RTT allowed beyond the propagation delay "
            + "(default: ${DEFAULT-VALUE}).")
    double slack = Registry.DEFAULT_RTT_SLACK_MS;

    @Option(names = "--all", description = "List every member port, not only those with a signal.")
    boolean all;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("remote-peers", () -> {
            Optional<RttTable> rtts = rtt == null ? Optional.empty() : Optional.of(RttTable.read(rtt.toString()));
            try (RegistryDatabase database = RegistryDatabase.openForReading(db.path())) {
                Registry registry = new Registry(database);
                Optional<Exchange> x = ExchangeArgument.resolve(registry, query, "remote-peers", System.err);
                if (x.isEmpty()) {
                    return 1;
                }
                RemotePeeringReport report = registry.remotePeers(x.get().id(), rtts, slack);
                if (json) {
                    RegistryJson.print(System.out, report);
                } else {
                    print(System.out, report, all, rtts.isPresent());
                }
                return 0;
            }
        });
    }

    private static void print(PrintStream out, RemotePeeringReport r, boolean all, boolean withRtt) {
        Exchange x = r.exchange();
        long located = r.facilities().stream().filter(f -> f.location().isPresent()).count();
        out.println(x.name() + "  (ix " + x.id() + "): " + r.ports().size() + " member ports, " + r.remote().size()
                + " with remote-peering signals; the exchange lists " + r.facilities().size() + " facilities ("
                + located + " with coordinates)");
        if (r.facilities().isEmpty()) {
            out.println("  (no exchange facilities: the facility signal cannot fire)");
        }
        TextTable t = withRtt
                ? new TextTable("asn>", "network", "ipv4", "ipv6", "speed>", "facilities>", "nearest km>", "rtt ms>",
                        "allowed ms>", "signals")
                : new TextTable("asn>", "network", "ipv4", "ipv6", "speed>", "facilities>", "nearest km>", "signals");
        for (RemotePeeringAssessment a : r.ports()) {
            if (!all && !a.isRemote()) {
                continue;
            }
            Membership m = a.membership();
            String facilities = a.memberFacilities() == 0 ? "unknown" : a.commonFacilities() + "/"
                    + a.memberFacilities();
            String signals = a.signals().isEmpty() ? "none"
                    : a.signals().stream().map(RemoteSignal::label).collect(Collectors.joining(","));
            if (withRtt) {
                t.add(m.asn(), m.networkName(), m.ipv4(), m.ipv6(), Speeds.format(m.speedMbps()), facilities,
                        number(a.nearestKm(), "%.0f"), number(a.rttMs(), "%.2f"), number(a.allowedRttMs(), "%.2f"),
                        signals);
            } else {
                t.add(m.asn(), m.networkName(), m.ipv4(), m.ipv6(), Speeds.format(m.speedMbps()), facilities,
                        number(a.nearestKm(), "%.0f"), signals);
            }
        }
        if (!t.isEmpty()) {
            out.println();
            t.print(out, "  ");
        }
    }

    private static String number(Double v, String format) {
        return v == null ? "-" : String.format(Locale.ROOT, format, v);
    }
}
