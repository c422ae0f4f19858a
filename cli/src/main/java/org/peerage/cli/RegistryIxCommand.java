package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peerage.registry.Registry;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.ExchangeDetail;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.Membership;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage registry ix NAME|ID}: an exchange, its LANs, facilities and members. */
@Command(name = "ix", mixinStandardHelpOptions = true,
        description = {"Show an exchange: its peering LAN prefixes, facilities and member ports.",
                "NAME|ID is a PeeringDB ix id, a name, long name or aka (any case), an IX-F export's file name, or "
                        + "part of a name. Exit status 1 when nothing or more than one exchange matches."})
final class RegistryIxCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Parameters(paramLabel = "NAME|ID", description = "The exchange.")
    String query;

    @Option(names = "--json", description = "Print JSON, with every field of the stored object under \"raw\".")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("ix", () -> {
            try (RegistryDatabase database = RegistryDatabase.openForReading(db.path())) {
                Registry registry = new Registry(database);
                Optional<Exchange> x = ExchangeArgument.resolve(registry, query, "ix", System.err);
                if (x.isEmpty()) {
                    return 1;
                }
                ExchangeDetail d = registry.exchangeDetail(x.get().id()).orElseThrow();
                if (json) {
                    RegistryJson.print(System.out, d);
                } else {
                    print(System.out, d);
                }
                return 0;
            }
        });
    }

    private static void print(PrintStream out, ExchangeDetail d) {
        Exchange x = d.exchange();
        out.println(x.name() + "  (ix " + x.id() + "; " + String.join(", ", d.sources()) + ")");
        field(out, "name", x.nameLong());
        String place = join(x.city(), x.country(), x.regionContinent());
        field(out, "location", place);
        field(out, "website", x.website());
        field(out, "prefixes", d.prefixes().isEmpty() ? null : String.join(", ", d.prefixes()));
        out.println();
        out.println("Facilities: " + d.facilities().size());
        if (!d.facilities().isEmpty()) {
            TextTable t = new TextTable("facility", "fac>", "city", "country");
            for (Facility f : d.facilities()) {
                t.add(f.name(), f.id(), f.city(), f.country());
            }
            t.print(out, "  ");
        }
        out.println();
        out.println("Members: " + d.memberCount() + " networks, " + d.members().size() + " ports");
        if (!d.members().isEmpty()) {
            TextTable t = new TextTable("asn>", "network", "ipv4", "ipv6", "speed>", "rs", "source");
            for (Membership m : d.members()) {
                t.add(m.asn(), m.networkName(), m.ipv4(), m.ipv6(), Speeds.format(m.speedMbps()),
                        RegistryNetCommand.yesNo(m.routeServerPeer()), Sources.shortly(m.sources()));
            }
            t.print(out, "  ");
        }
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                b.append(b.isEmpty() ? "" : ", ").append(p);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static void field(PrintStream out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf("  %-10s %s%n", label + ":", value);
        }
    }
}
