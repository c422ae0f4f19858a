package org.peerage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.peerage.routeserver.config.ArouteserverImport;
import org.peerage.routeserver.config.ConfigException;
import org.peerage.routeserver.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code peerage routeserver import-arouteserver general.yml clients.yml}: an arouteserver setup as rs.yaml. */
@Command(name = "import-arouteserver", mixinStandardHelpOptions = true,
        description = {"Convert an arouteserver configuration (general.yml and clients.yml) into a peerage route "
                + "server configuration, written to standard output or --out. Warnings name what peerage does "
                + "differently; the result is checked as ./peerage routeserver --config would check it."})
final class ImportArouteserverCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "general.yml")
    Path general;

    @Parameters(index = "1", paramLabel = "clients.yml")
    Path clients;

    @Option(names = "--out", paramLabel = "rs.yaml", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--irr-dump", paramLabel = "FILE", description = "RPSL dump(s) for the IRR checks.")
    List<Path> irrDumps = new ArrayList<>();

    @Option(names = "--vrp-file", paramLabel = "FILE", description = "VRP file(s) for RPKI origin validation.")
    List<Path> vrpFiles = new ArrayList<>();

    @Option(names = "--peeringdb", paramLabel = "FILE", description = "PeeringDB net records (API JSON).")
    Path peeringDb;

    @Option(names = "--listen", paramLabel = "ADDRESS:PORT", description = "Where to accept sessions (default: "
            + "0.0.0.0:179 and [::]:179).")
    List<String> listen = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ArouteserverImport.Result r;
        try {
            r = ArouteserverImport.convert(general, clients, abs(irrDumps), abs(vrpFiles),
                    peeringDb == null ? null : peeringDb.toAbsolutePath(),
                    listen.isEmpty() ? List.of("0.0.0.0:179", "[::]:179") : listen);
        } catch (ConfigException e) {
            e.errors().forEach(l -> System.err.println("peerage routeserver import-arouteserver: " + l));
            return 2;
        }
        r.warnings().forEach(w -> System.err.println("peerage routeserver import-arouteserver: warning: " + w));
        if (out != null) Files.writeString(out, r.yaml());
        else System.out.print(r.yaml());
        try {
            ConfigLoader.parse(out == null ? "converted configuration" : out.toString(), r.yaml(),
                    Path.of("").toAbsolutePath(), out);
        } catch (ConfigException e) {
            System.err.println("peerage routeserver import-arouteserver: the converted configuration does not load"
                    + " yet:");
            e.errors().forEach(l -> System.err.println("  " + l));
            return 1;
        }
        return 0;
    }

    private static List<Path> abs(List<Path> paths) {
        return paths.stream().map(Path::toAbsolutePath).toList();
    }
}
