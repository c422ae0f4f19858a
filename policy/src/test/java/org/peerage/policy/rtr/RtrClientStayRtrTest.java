package org.peerage.policy.rtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.rpki.Vrp;
import org.peerage.policy.rpki.VrpTable;

/** The client against the real StayRTR (0.5.1 in Debian), which serves an rpki-client JSON file the test writes. */
class RtrClientStayRtrTest {
    record Change(VrpTable vrps, Set<Prefix> coverage) {
    }

    @TempDir
    Path dir;

    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private RtrClient client;

    @BeforeAll
    static void stayRtrInstalled() {
        StayRtr.require();
    }

    @AfterEach
    void closeAll() throws Exception {
        if (client != null) {
            client.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private StayRtr stayRtr(String name, String json, String... flags) throws Exception {
        Path file = dir.resolve(name);
        StayRtr.write(file, json);
        StayRtr s = new StayRtr(file, flags);
        open.add(s);
        return s;
    }

    private void start(RtrCache... caches) {
        client = RtrClient.start(List.of(caches), (vrps, coverage) -> changes.add(new Change(vrps, coverage)),
                log::add);
    }

    /** An rpki-client JSON file of "prefix maxLength asn" triples. */
    static String rpkiClientJson(String... vrps) {
        String roas = java.util.Arrays.stream(vrps).map(v -> {
            String[] f = v.split(" ");
            return "{\"asn\": " + f[2] + ", \"prefix\": \"" + f[0] + "\", \"maxLength\": " + f[1]
                    + ", \"ta\": \"test\", \"expires\": 4102444800}";
        }).collect(Collectors.joining(",\n    "));
        return "{\"metadata\": {\"buildtime\": \"2026-01-01T00:00:00Z\", \"vrps\": " + vrps.length + "},\n"
                + "  \"roas\": [\n    " + roas + "]}\n";
    }

    static List<Vrp> vrps(String... vrps) {
        List<Vrp> out = new ArrayList<>();
        for (String v : vrps) {
            String[] f = v.split(" ");
            out.add(new Vrp(Prefix.parse(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), "", 0));
        }
        return VrpTable.of(out).toList();
    }

    /** Changes until the data in use is {@code expected}; their coverages together. */
    private Set<Prefix> changesUntil(List<Vrp> expected) throws InterruptedException {
        Set<Prefix> coverage = new LinkedHashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Change c = changes.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (c == null) {
                throw new AssertionError("the data in use never became " + expected + "; it is "
                        + client.vrps().toList() + "; status " + client.status() + "; log " + log);
            }
            assertThat(c.coverage()).isNotEmpty();
            coverage.addAll(c.coverage());
            if (c.vrps().toList().equals(expected)) {
                return coverage;
            }
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + "; status " + client.status() + "; log " + log);
            }
            Thread.sleep(20);
        }
    }

    private static Set<Prefix> prefixes(String... p) {
        Set<Prefix> out = new LinkedHashSet<>();
        for (String s : p) {
            out.add(Prefix.parse(s));
        }
        return out;
    }

    @Test
    void receivesTheVrpsThenOnlyWhatChanged() throws Exception {
        String[] before = {"192.0.2.0/24 24 64500", "198.51.100.0/22 24 64502", "2001:db8::/32 48 64501",
                "2001:db8:1000::/36 48 64501"};
        StayRtr cache = stayRtr("vrps.json", rpkiClientJson(before));
        Path file = dir.resolve("vrps.json");
        start(cache.cache(1));

        assertThat(changesUntil(vrps(before))).containsExactlyInAnyOrderElementsOf(prefixes("192.0.2.0/24",
                "198.51.100.0/22", "2001:db8::/32", "2001:db8:1000::/36"));
        await("synced", () -> client.status().getFirst().state() == RtrCacheState.SYNCED);
        RtrCacheStatus synced = client.status().getFirst();
        assertThat(synced.version()).isEqualTo(1);
        assertThat(synced.inUse()).isTrue();
        assertThat(synced.vrpCount()).isEqualTo(4);
        assertThat(synced.lastUpdate()).isNotNull();

        // One VRP gone, one new, one with another maxLength, one untouched.
        String[] after = {"192.0.2.0/24 24 64500", "203.0.113.0/24 24 64503", "2001:db8::/32 64 64501",
                "2001:db8:1000::/36 48 64501"};
        StayRtr.write(file, rpkiClientJson(after));
        assertThat(changesUntil(vrps(after))).containsExactlyInAnyOrderElementsOf(prefixes("198.51.100.0/22",
                "203.0.113.0/24", "2001:db8::/32"));
        await("a newer serial", () -> client.status().getFirst().serial() > synced.serial());
        assertThat(client.status().getFirst().sessionId()).isEqualTo(synced.sessionId());
        assertThat(log).noneMatch(l -> l.contains("Error Report") || l.contains("reconnecting"));
    }

    @Test
    void fallsBackToTheSecondCacheWhenThePreferredDiesAndReturnsWhenItIsBack() throws Exception {
        String[] x = {"192.0.2.0/24 24 64500", "2001:db8::/32 48 64501"};
        String[] y = {"192.0.2.0/24 24 64500", "198.51.100.0/24 24 64502"};
        StayRtr preferred = stayRtr("x.json", rpkiClientJson(x));
        StayRtr second = stayRtr("y.json", rpkiClientJson(y));
        start(second.cache(2), preferred.cache(1));
        await("both synced, the preferred in use", () -> client.status().get(1).inUse()
                && client.status().stream().allMatch(s -> s.state() == RtrCacheState.SYNCED));
        assertThat(client.vrps().toList()).isEqualTo(vrps(x));
        changes.clear();

        preferred.kill();
        assertThat(changesUntil(vrps(y))).containsExactlyInAnyOrderElementsOf(prefixes("2001:db8::/32",
                "198.51.100.0/24"));
        await("fallen back", () -> client.status().getFirst().inUse()
                && client.status().get(1).state() == RtrCacheState.FAILED);

        preferred.restart();
        assertThat(changesUntil(vrps(x))).containsExactlyInAnyOrderElementsOf(prefixes("2001:db8::/32",
                "198.51.100.0/24"));
        await("the preferred in use again", () -> client.status().get(1).inUse()
                && client.status().get(1).state() == RtrCacheState.SYNCED);
    }

    @Test
    void aCacheThatSpeaksOnlyVersionZeroIsSpokenToInVersionZero() throws Exception {
        String[] v = {"192.0.2.0/24 24 64500", "2001:db8::/32 48 64501"};
        StayRtr cache = stayRtr("v0.json", rpkiClientJson(v), "-protocol", "0");
        start(cache.cache(1));
        changesUntil(vrps(v));
        await("synced", () -> client.status().getFirst().state() == RtrCacheState.SYNCED);
        assertThat(client.status().getFirst().version()).isZero();
        assertThat(log).contains("RTR cache 127.0.0.1:" + cache.port() + ": the cache answers in version 0: "
                + "reconnecting in version 0");
    }
}
