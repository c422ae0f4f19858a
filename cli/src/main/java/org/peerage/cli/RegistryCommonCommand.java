package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.peerage.registry.Registry;
import org.peerage.registry.model.CommonPresence;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.SharedExchange;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage registry common ASN ASN}: where two networks can interconnect. */
@Command(name = "common", mixinStandardHelpOptions = true,
        description = {"Show where two networks meet: the exchanges both are on, with both sides' addresses and "
                + "speeds and whether both peer with the route servers (routes without a bilateral session), and "
                + "the facilities both are in (private interconnection).",
                "Exit status 1 when the registry knows neither AS."})
final class RegistryCommonCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Parameters(index = "0", paramLabel = "ASN", description = "First AS number.")
    String first;

    @Parameters(index = "1", paramLabel = "ASN", description = "Second AS number.")
    String second;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("common", () -> {
            long a = Asn.parse(first);
            long b = Asn.parse(second);
            try (RegistryDatabase database = RegistryDatabase.openForReading(db.path())) {
                Registry registry = new Registry(database);
                for (long asn : List.of(a, b)) {
                    if (registry.network(asn).isEmpty()) {
                        System.err.println("peerage registry common: AS" + asn + " is not in the registry "
                                + db.path());
                        return 1;
                    }
                }
                CommonPresence c = registry.common(a, b);
                if (json) {
                    RegistryJson.print(System.out, c);
                } else {
                    print(System.out, c);
                }
                return 0;
            }
        });
    }

    private static void print(PrintStream out, CommonPresence c) {
        out.println("AS" + c.firstAsn() + " " + RegistryNetCommand.orDash(c.firstName()) + "  and  AS"
                + c.secondAsn() + " " + RegistryNetCommand.orDash(c.secondName()));
        out.println();
        long viaRs = c.exchanges().stream().filter(SharedExchange::viaRouteServers).count();
        out.println("Shared exchanges: " + c.exchanges().size() + " (" + viaRs + " with both on the route servers)");
        if (!c.exchanges().isEmpty()) {
            TextTable t = new TextTable("exchange", "ix>", "rs path", "asn>", "ipv4", "ipv6", "speed>", "rs");
            for (SharedExchange s : c.exchanges()) {
                boolean firstRow = true;
                for (List<Membership> side : List.of(s.first(), s.second())) {
                    for (Membership m : side) {
                        t.add(firstRow ? s.exchange().name() : "", firstRow ? s.exchange().id() : "",
                                firstRow ? (s.viaRouteServers() ? "yes" : "no") : "", m.asn(), m.ipv4(), m.ipv6(),
                                Speeds.format(m.speedMbps()), RegistryNetCommand.yesNo(m.routeServerPeer()));
                        firstRow = false;
                    }
                }
            }
            t.print(out, "  ");
        }
        out.println();
        out.println("Shared facilities: " + c.facilities().size());
        if (!c.facilities().isEmpty()) {
            TextTable t = new TextTable("facility", "fac>", "city", "country");
            for (Facility f : c.facilities()) {
                t.add(f.name(), f.id(), f.city(), f.country());
            }
            t.print(out, "  ");
        }
    }
}
