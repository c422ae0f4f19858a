package org.peerage.interop.speaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.peerage.bgp.speaker.MrtRouteSource;
import org.peerage.bgp.speaker.RouteTable;

/**
 * The real full table in ../shared/data beside the checkout: AS3856's view after replaying its updates in
 * bgpdump_updates.et-header.2015.gz: 577,699 IPv4 prefixes (577,703 before RFC 7607 withdrew the four whose path
 * holds AS 0), loaded once per JVM. Missing data skips the test, or fails it under CI=true.
 */
final class FullTable {
    static final String FILE = "mrt/bgpdump_updates.et-header.2015.gz";
    /** At least this many prefixes: the table is a full one. */
    static final int AT_LEAST = 577_000;

    private static RouteTable table;

    private FullTable() {
    }

    static synchronized RouteTable get() {
        if (table == null) {
            Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
            Path file = root.resolveSibling("shared").resolve("data").resolve(FILE);
            if (!Files.exists(file)) {
                String message = "full table " + file + " is missing (expected ../shared/data beside the checkout)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(message);
                }
                Assumptions.abort(message);
            }
            try {
                MrtRouteSource.Loaded loaded = MrtRouteSource.load(file.toString(),
                        new MrtRouteSource.PeerSelector("as:3856"));
                Assertions.assertNull(loaded.damage(), "damage in " + file);
                table = loaded.table();
                Assertions.assertTrue(table.size() >= AT_LEAST, "only " + table.size() + " prefixes in " + file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return table;
    }
}
