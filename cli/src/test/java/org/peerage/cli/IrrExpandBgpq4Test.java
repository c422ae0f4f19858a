package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peerage.policy.irr.IrrDatabase;

/**
 * `peerage irr expand` against the real bgpq4 on the same data: bgpq4 queries a fake IRRd on loopback that serves
 * the dump peerage reads, and both outputs must be identical, byte for byte, for every format and with -A.
 */
class IrrExpandBgpq4Test {
    private static Path dir;
    private static Path dump;
    private static FakeIrrd irrd;

    @BeforeAll
    static void setUp() throws Exception {
        if (!bgpq4Installed()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("bgpq4 is not installed (apt-get install bgpq4)");
            }
            Assumptions.abort("bgpq4 is not installed");
        }
        dir = Files.createTempDirectory("irr-bgpq4");
        dump = dir.resolve("random.db");
        Files.writeString(dump, randomDump(new Random(7)), StandardCharsets.US_ASCII);
        irrd = new FakeIrrd(IrrDatabase.load(List.of(dump)));
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (irrd != null) {
            irrd.close();
        }
    }

    /** Prefixes crowded into a few blocks, so that aggregation finds sibling halves, ranges and "son" entries. */
    static String randomDump(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int asn = 1; asn <= 40; asn++) {
            int routes = 5 + rnd.nextInt(60);
            for (int i = 0; i < routes; i++) {
                int len = 16 + rnd.nextInt(13);
                int addr = (10 << 24) | (rnd.nextInt(4) << 16) | rnd.nextInt(1 << 16);
                addr &= len == 0 ? 0 : -1 << (32 - len);
                sb.append("route: ").append(addr >>> 24).append('.').append(addr >>> 16 & 255).append('.')
                        .append(addr >>> 8 & 255).append('.').append(addr & 255).append('/').append(len)
                        .append("\norigin: AS").append(asn).append("\nsource: TEST\n\n");
                int len6 = 32 + rnd.nextInt(17);
                long hi = (0x2001_0db8L << 32) | ((long) rnd.nextInt(4) << 30) | ((long) rnd.nextInt(1 << 16) << 14);
                hi &= -1L << (64 - len6);
                sb.append("route6: ").append(String.format("%x:%x:%x:%x::/%d", hi >>> 48, hi >>> 32 & 0xFFFF,
                        hi >>> 16 & 0xFFFF, hi & 0xFFFF, len6)).append("\norigin: AS").append(asn)
                        .append("\nsource: TEST\n\n");
            }
        }
        for (int s = 0; s < 8; s++) {
            sb.append("as-set: AS-S").append(s).append("\nmembers: ");
            List<String> m = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                m.add("AS" + (1 + rnd.nextInt(40)));
            }
            if (s > 0) {
                m.add("AS-S" + rnd.nextInt(s));
            }
            sb.append(String.join(", ", m)).append("\nsource: TEST\n\n");
        }
        return sb.toString();
    }

    @Test
    void theCommandAsWrittenMatchesBgpq4() throws Exception {
        String[][] flagSets = {{}, {"-A"}, {"-6", "-A"}, {"-j", "-A"}, {"-b", "-A"}, {"-A", "-l", "CUSTOMERS"}};
        for (String set : List.of("AS-S7", "AS-NOPE")) {
            for (String[] flags : flagSets) {
                List<String> ours = new ArrayList<>(List.of("irr", "expand", set, "--dump", dump.toString()));
                ours.addAll(List.of(flags));
                var r = PeerageProcess.run(null, ours.toArray(String[]::new));
                assertThat(r.out()).as("peerage %s", ours).isEqualTo(bgpq4(irrd, flags, set));
                assertThat(r.exitCode()).isEqualTo(set.equals("AS-NOPE") ? 2 : 0);
            }
        }
    }

    /** Many random dumps, every format, with and without -A: the aggregation rules are where output could differ. */
    @Test
    void everyFormatAndAggregationMatchesBgpq4OnRandomDumps() throws Exception {
        String[][] flagSets = {{}, {"-A"}, {"-6"}, {"-6", "-A"}, {"-j"}, {"-j", "-A"}, {"-b"}, {"-b", "-A"},
                {"-6", "-b", "-A"}, {"-6", "-j", "-A"}, {"-l", "CUSTOMERS"}};
        int compared = 0;
        int aggregatedLines = 0;
        for (int seed = 1; seed <= 6; seed++) {
            Path d = dir.resolve("random-" + seed + ".db");
            Files.writeString(d, randomDump(new Random(seed)), StandardCharsets.US_ASCII);
            try (FakeIrrd server = new FakeIrrd(IrrDatabase.load(List.of(d)))) {
                for (String set : List.of("AS-S0", "AS-S3", "AS-S7", "AS17", "AS-NOPE")) {
                    for (String[] flags : flagSets) {
                        List<String> ours = new ArrayList<>(List.of("irr", "expand", set, "--dump", d.toString()));
                        ours.addAll(List.of(flags));
                        InProcess.Result r = InProcess.run(ours.toArray(String[]::new));
                        assertThat(r.out()).as("peerage %s", ours).isEqualTo(bgpq4(server, flags, set));
                        aggregatedLines += (int) r.out().lines().filter(l -> l.contains(" le ")).count();
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(6 * 5 * 11);
        assertThat(aggregatedLines).as("the random dumps exercise aggregation").isGreaterThan(100);
    }

    /** Real registry data at scale: five large ARIN origins, some 30,000 prefixes, plain and aggregated. */
    @Test
    void realArinDataMatchesBgpq4() throws Exception {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path arin = root.resolveSibling("shared").resolve("data/irr/arin-whois-originas.json.bz2");
        if (!Files.exists(arin)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("missing " + arin);
            }
            Assumptions.abort("shared data not present: " + arin);
        }
        Path sets = dir.resolve("big.db");
        Files.writeString(sets, "as-set: AS-BIG\nmembers: AS577, AS5769, AS209, AS6128, AS852\nsource: TEST\n");
        try (FakeIrrd server = new FakeIrrd(IrrDatabase.load(List.of(sets, arin)))) {
            for (String[] flags : new String[][] {{}, {"-A"}, {"-6", "-A"}, {"-b", "-A"}}) {
                List<String> ours = new ArrayList<>(List.of("irr", "expand", "AS-BIG", "--dump", sets.toString(),
                        arin.toString()));
                ours.addAll(List.of(flags));
                InProcess.Result r = InProcess.run(ours.toArray(String[]::new));
                assertThat(r.out().lines().count()).isGreaterThan(100);
                assertThat(r.out()).as("peerage %s", ours).isEqualTo(bgpq4(server, flags, "AS-BIG"));
            }
        }
    }

    private static String bgpq4(FakeIrrd server, String[] flags, String set) throws Exception {
        List<String> theirs = new ArrayList<>(List.of("bgpq4", "-h", server.hostPort()));
        theirs.addAll(List.of(flags));
        theirs.add(set);
        return run(theirs);
    }

    @Test
    void asListsMatchBgpq4DashT() throws Exception {
        for (String set : List.of("AS-S0", "AS-S7", "AS-NOPE")) {
            for (String flag : List.of("-j", "-b")) {
                var r = PeerageProcess.run(null, "irr", "expand", set, "--dump", dump.toString(), "--asns", flag);
                assertThat(r.out()).isEqualTo(run(List.of("bgpq4", "-h", irrd.hostPort(), "-t", flag, set)));
            }
        }
    }

    static boolean bgpq4Installed() {
        try {
            Process p = new ProcessBuilder("bgpq4", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return out;
    }
}
