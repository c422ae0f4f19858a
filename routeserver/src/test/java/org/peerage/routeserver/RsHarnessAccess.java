package org.peerage.routeserver;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.peerage.bgp.speaker.RouteTable;
import org.peerage.bgp.speaker.Speaker;

/** {@link RsHarness} for tests in other packages. */
public final class RsHarnessAccess implements AutoCloseable {
    private final RsHarness h;

    public RsHarnessAccess(Path dir, String yaml) throws Exception {
        h = new RsHarness(dir, yaml);
    }

    public RouteServer routeServer() {
        return h.rs;
    }

    /** What the route server logged so far. */
    public List<String> log() {
        synchronized (h.log) {
            return List.copyOf(h.log);
        }
    }

    public Speaker.Spec client(String name, long asn, String address, RouteTable table) throws Exception {
        return h.client(name, asn, address, table);
    }

    public Speaker start(Speaker.Spec... specs) {
        return h.start(specs);
    }

    public static RouteTable table(Object... announcements) {
        return RsHarness.table(announcements);
    }

    public static Object route(String prefix, long... behind) {
        return RsHarness.route(prefix, behind);
    }

    public static Object withCommunities(String prefix, int[] communities, int... large) {
        return RsHarness.withCommunities(prefix, communities, large);
    }

    public static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        RsHarness.waitFor(what, condition);
    }

    @Override
    public void close() {
        h.close();
    }
}
