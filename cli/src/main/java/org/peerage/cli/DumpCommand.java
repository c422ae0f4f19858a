package org.peerage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peerage routeserver dump --out FILE}: an MRT RIB dump of a running route server. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write an MRT TABLE_DUMP_V2 dump of a running route server's accepted paths (bgpdump reads "
                + "it), fetched from its HTTP API (--api, or --config's http.listen, or " + RouteServerApi.DEFAULT
                + "). A name ending in .gz is compressed."})
final class DumpCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the dump.")
    Path out;

    @Option(names = "--api", paramLabel = "URL", description = "The route server's HTTP API.")
    String api;

    @Option(names = "--config", paramLabel = "rs.yaml", description = "Find the API in this configuration.")
    Path config;

    @Override
    public Integer call() throws Exception {
        String base;
        try {
            base = RouteServerApi.base(api, config);
        } catch (IllegalArgumentException e) {
            System.err.println("peerage routeserver dump: " + e.getMessage());
            return 2;
        }
        Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/mrt")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                System.err.println("peerage routeserver dump: " + base + " answered " + r.statusCode());
                return 2;
            }
            try (InputStream in = r.body(); var file = Files.newOutputStream(tmp);
                 var sink = out.toString().endsWith(".gz") ? new java.util.zip.GZIPOutputStream(file, 1 << 16) : file) {
                in.transferTo(sink);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (ConnectException e) {
            System.err.println("peerage routeserver dump: no route server API at " + base);
            return 2;
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            System.err.println("peerage routeserver dump: " + base + ": " + e.getMessage());
            return 2;
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
        return 0;
    }
}
