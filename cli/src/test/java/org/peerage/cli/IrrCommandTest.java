package org.peerage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `peerage irr expand` contract, from outside, as a user runs it. */
class IrrCommandTest {
    private static final String DUMP = """
            as-set: AS-TOP
            members: AS64500, AS-MID, AS-GONE
            source: TEST

            as-set: AS-MID
            members: AS64501, AS-TOP
            source: TEST

            route: 192.0.2.0/24
            origin: AS64500
            source: TEST

            route: 198.51.100.0/24
            origin: AS64501
            source: TEST

            route6: 2001:db8::/32
            origin: AS64501
            source: TEST

            route: 203.0.113.0/24
            origin: AS64501
            source TEST
            """;

    @Test
    void printsBgpq4StyleListsAndWarnsOnStandardError(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("test.db"), DUMP);
        var r = PeerageProcess.run(null, "irr", "expand", "AS-TOP", "--dump", dump.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("""
                no ip prefix-list NN
                ip prefix-list NN permit 192.0.2.0/24
                ip prefix-list NN permit 198.51.100.0/24
                """);
        assertThat(r.stderr()).contains("AS-TOP: member AS-GONE is defined in none of the dumps")
                .contains("AS-TOP: loop AS-TOP > AS-MID > AS-TOP")
                .contains(dump + ":21: line 23 is not 'attribute: value': 'source TEST'");
        var six = PeerageProcess.run(null, "irr", "expand", "AS-TOP", "--dump", dump.toString(), "-6", "-l", "V6");
        assertThat(six.out()).isEqualTo("no ipv6 prefix-list V6\nipv6 prefix-list V6 permit 2001:db8::/32\n");
    }

    @Test
    void asnsOnePerLine(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("test.db"), DUMP);
        var r = PeerageProcess.run(null, "irr", "expand", "AS-TOP", "--dump", dump.toString(), "--asns");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("AS64500\nAS64501\n");
    }

    @Test
    void unknownSetPrintsTheEmptyListWarnsAndExitsTwo(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("test.db"), DUMP);
        var r = PeerageProcess.run(null, "irr", "expand", "AS-NOPE", "--dump", dump.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("""
                no ip prefix-list NN
                ! generated prefix-list NN is empty
                ip prefix-list NN deny 0.0.0.0/0
                """);
        assertThat(r.stderr()).contains("AS-NOPE: no such as-set in the dumps");
    }

    @Test
    void missingFileIsAClearErrorAndExitTwo(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.db");
        var r = PeerageProcess.run(null, "irr", "expand", "AS-TOP", "--dump", missing.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.stderr()).isEqualTo("peerage irr: " + missing + ": no such file\n");
    }

    @Test
    void realArinData() throws Exception {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path arin = root.resolveSibling("shared").resolve("data/irr/arin-whois-originas.json.bz2");
        if (!Files.exists(arin)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("missing " + arin);
            }
            Assumptions.abort("shared data not present: " + arin);
        }
        var r = PeerageProcess.run(null, "irr", "expand", "AS38895", "--dump", arin.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("no ip prefix-list NN\nip prefix-list NN permit 3.0.0.0/15\n");
        var j = PeerageProcess.run(null, "irr", "expand", "AS7068", "--dump", arin.toString(), "-6", "-j");
        assertThat(j.out()).contains("{ \"prefix\": \"2620:1fd::\\/36\", \"exact\": true }");
    }
}
