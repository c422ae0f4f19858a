package org.peerage.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peerage.registry.Registry;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.Network;
import org.peerage.registry.model.NetworkDetail;
import org.peerage.registry.store.RegistryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage registry net ASN}: a network, its exchange ports and facilities. */
@Command(name = "net", mixinStandardHelpOptions = true,
        description = "Show a network: its PeeringDB record (or what IX-F exports say of it), its ports at "
                + "exchanges and its facilities. Exit status 1 when the registry does not know the AS.")
final class RegistryNetCommand implements Callable<Integer> {
    @Mixin
    RegistryDbOption db;

    @Parameters(paramLabel = "ASN", description = "AS number (3333 or AS3333).")
    String asn;

    @Option(names = "--json", description = "Print JSON, with every field of the stored object under \"raw\".")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return RegistryErrors.guarded("net", () -> {
            long number = Asn.parse(asn);
            try (RegistryDatabase database = RegistryDatabase.openForReading(db.path())) {
                Optional<NetworkDetail> detail = new Registry(database).networkDetail(number);
                if (detail.isEmpty()) {
                    System.err.println("peerage registry net: AS" + number + " is not in the registry " + db.path());
                    return 1;
                }
                if (json) {
                    RegistryJson.print(System.out, detail.get());
                } else {
                    print(System.out, detail.get());
                }
                return 0;
            }
        });
    }

    private static void print(PrintStream out, NetworkDetail d) {
        Network n = d.network();
        out.println("AS" + n.asn() + "  " + orDash(n.name()) + "  (" + n.source() + ", net " + n.id() + ")");
        field(out, "aka", n.aka());
        field(out, "website", n.website());
        field(out, "IRR as-set", n.irrAsSet());
        field(out, "prefixes", (n.prefixes4() == null ? "-" : n.prefixes4()) + " IPv4, "
                + (n.prefixes6() == null ? "-" : n.prefixes6()) + " IPv6 (max-prefix)");
        field(out, "type", n.type());
        field(out, "scope", n.scope());
        field(out, "traffic", n.traffic());
        field(out, "ratio", n.ratio());
        field(out, "policy", n.policyGeneral() == null ? null : n.policyGeneral() + "  (locations: "
                + orDash(n.policyLocations()) + ", ratio: " + yesNo(n.policyRatio()) + ", contracts: "
                + orDash(n.policyContracts()) + ")");
        field(out, "route servers", n.neverViaRouteServers() == null ? null
                : n.neverViaRouteServers() ? "never via route servers" : "may be reached via route servers");
        field(out, "updated", n.updated());
        long exchanges = d.memberships().stream().mapToLong(Membership::exchangeId).distinct().count();
        out.println();
        out.println("Exchanges: " + exchanges + " (" + d.memberships().size() + " ports)");
        if (!d.memberships().isEmpty()) {
            TextTable t = new TextTable("exchange", "ix>", "ipv4", "ipv6", "speed>", "rs", "source");
            for (Membership m : d.memberships()) {
                t.add(m.exchangeName(), m.exchangeId(), m.ipv4(), m.ipv6(), Speeds.format(m.speedMbps()),
                        yesNo(m.routeServerPeer()), Sources.shortly(m.sources()));
            }
            t.print(out, "  ");
        }
        out.println();
        out.println("Facilities: " + d.facilities().size());
        if (!d.facilities().isEmpty()) {
            TextTable t = new TextTable("facility", "fac>", "city", "country");
            for (Facility f : d.facilities()) {
                t.add(f.name(), f.id(), f.city(), f.country());
            }
            t.print(out, "  ");
        }
    }

    private static void field(PrintStream out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.printf("  %-14s %s%n", label + ":", value);
        }
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    static String yesNo(Boolean b) {
        return b == null ? "-" : b ? "yes" : "no";
    }
}
