package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The `peerage rpki rtr` contract against a real StayRTR. */
@Timeout(120)
class RpkiRtrCommandTest {
    private static final String[] VRPS = {"192.0.2.0/24 24 64500", "198.51.100.0/22 24 64502",
        "2001:db8::/32 48 64501"};

    @TempDir
    Path dir;

    @Test
    void printsTheVrpCountAndEveryCache() throws Exception {
        Path file = dir.resolve("vrps.json");
        StayRtrProcess.write(file, VRPS);
        int nobody = StayRtrProcess.freePort();
        try (StayRtrProcess cache = new StayRtrProcess(file)) {
            InProcess.Result r = InProcess.run("rpki", "rtr", "--cache", "127.0.0.1:" + cache.port(),
                    "--cache", "127.0.0.1:" + nobody + ",5");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("VRPs: 3 (2 IPv4, 1 IPv6) from 127.0.0.1:" + cache.port());
            assertThat(lines.get(1)).matches("CACHE +USE +PREF +STATE +VERSION +SESSION +SERIAL +VRPS +LAST UPDATE "
                    + "+LAST ERROR");
            assertThat(lines.get(2)).matches("127\\.0\\.0\\.1:" + cache.port() + " +\\* +1 +synced +1 +\\d+ +\\d+ +3 "
                    + "+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +-");
            assertThat(lines.get(3)).matches("127\\.0\\.0\\.1:" + nobody + " +5 +failed +1 +- +- +0 +- +cannot "
                    + "connect: Connection refused");
            assertThat(r.err()).contains("RTR cache 127.0.0.1:" + cache.port() + ": synced: version 1");
        }
    }

    @Test
    void jsonIsOneObject() throws Exception {
        Path file = dir.resolve("vrps.json");
        StayRtrProcess.write(file, VRPS);
        try (StayRtrProcess cache = new StayRtrProcess(file)) {
            InProcess.Result r = InProcess.run("rpki", "rtr", "--cache", "127.0.0.1:" + cache.port() + ",7",
                    "--json");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("{\"vrps\":3,\"ipv4\":2,\"ipv6\":1,\"in_use\":\"127.0.0.1:" + cache.port()
                    + "\",\"caches\":[{\"cache\":\"127.0.0.1:" + cache.port() + "\",\"preference\":7,\"state\":"
                    + "\"synced\",\"in_use\":true,\"version\":1,\"session_id\":");
            assertThat(r.out()).containsPattern("\"vrps\":3,\"last_update\":\"[0-9T:Z-]+\",\"last_error\":null,"
                    + "\"last_error_at\":null}]}\n$");
            assertThat(r.out().lines()).hasSize(1);
        }
    }

    @Test
    void noCacheWithDataIsExitOne() throws Exception {
        int nobody = StayRtrProcess.freePort();
        InProcess.Result r = InProcess.run("rpki", "rtr", "--cache", "127.0.0.1:" + nobody);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("VRPs: 0 (0 IPv4, 0 IPv6), no cache has sent its data\n");
        assertThat(r.out()).contains("failed");
        assertThat(r.err()).endsWith("peerage rpki rtr: no cache has sent its data\n");
    }

    @Test
    void badOptionsAreExitTwo() {
        InProcess.Result noPort = InProcess.run("rpki", "rtr", "--cache", "rtr.example.net");
        assertThat(noPort.exitCode()).isEqualTo(2);
        assertThat(noPort.err()).isEqualTo("peerage rpki rtr: \"rtr.example.net\" is not HOST:PORT[,PREFERENCE] "
                + "(no port)\n");
        InProcess.Result twice = InProcess.run("rpki", "rtr", "--cache", "127.0.0.1:8282", "--cache",
                "127.0.0.1:8282,2");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("peerage rpki rtr: RTR cache 127.0.0.1:8282 is given twice\n");
        assertThat(InProcess.run("rpki", "rtr").exitCode()).isEqualTo(2);
        assertThat(InProcess.run("rpki", "rtr", "--cache", "127.0.0.1:8282", "--timeout", "0").err())
                .isEqualTo("peerage rpki rtr: --timeout must be at least 1 second\n");
    }

    @Test
    void watchPrintsEveryChangeOfTheDataAndOfTheCaches() throws Exception {
        Path file = dir.resolve("vrps.json");
        StayRtrProcess.write(file, VRPS);
        StayRtrProcess cache = new StayRtrProcess(file);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PeerageCommand.class.getName(), "rpki", "rtr", "--cache",
                "127.0.0.1:" + cache.port(), "--watch").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BlockingQueue<String> out = lines(p);
            next(out, l -> l.startsWith("127.0.0.1:" + cache.port()) && l.contains("synced"));

            StayRtrProcess.write(file, "192.0.2.0/24 24 64500", "203.0.113.0/24 24 64503", "2001:db8::/32 48 64501");
            assertThat(next(out, l -> l.contains(" changed: "))).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "
                    + "changed: 3 VRPs \\(2 IPv4, 1 IPv6\\) from 127\\.0\\.0\\.1:" + cache.port() + "; 2 prefixes "
                    + "changed: 198\\.51\\.100\\.0/22, 203\\.0\\.113\\.0/24");

            cache.close();
            assertThat(next(out, l -> l.contains(" -> "))).endsWith("127.0.0.1:" + cache.port() + ": synced -> "
                    + "failed (the cache closed the connection)");
        } finally {
            p.destroyForcibly();
            cache.close();
        }
    }

    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    q.add(l);
                }
            } catch (IOException e) {
                // The process was stopped.
            }
        });
        return q;
    }

    private static String next(BlockingQueue<String> lines, Predicate<String> wanted) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null) {
                if (wanted.test(l)) {
                    return l;
                }
                seen.add(l);
            }
        }
        throw new AssertionError("the line wanted never came; got " + seen);
    }
}
