package org.peerage.policy.irr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerage.bgp.wire.Prefix;
import org.peerage.policy.PolicyDataException;
import org.peerage.policy.SharedData;

class IrrDatabaseTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.ISO_8859_1);
        return p;
    }

    private IrrDatabase load(String text) throws Exception {
        return IrrDatabase.load(List.of(write("dump.db", text)));
    }

    @Test
    void ripeTestDatabase() throws Exception {
        IrrDatabase db = IrrDatabase.load(List.of(SharedData.path("irr/ripe-whois-TEST.db")));
        assertThat(db.stats()).isEqualTo(new IrrStats(1, 220, 1, 0, 1, 34, 0));
        assertThat(db.problems()).isEmpty();
        assertThat(db.routesOf(101111).routeObjects())
                .containsExactly(new RouteObject(Prefix.parse("10.11.11.0/24"), 101111, "TEST"));
        assertThat(db.autNumName(101)).isEqualTo("Transit-AS");
        assertThat(db.autNumName(64999)).isNull();
        AsSetExpansion e = db.expand("as-set-attendees");
        assertThat(e.asns()).containsExactly(java.util.stream.LongStream.rangeClosed(1, 30).toArray());
        assertThat(e.unresolved()).isEmpty();
        assertThat(e.chain(17)).containsExactly("as-set-attendees");
        assertThat(e.chain(31)).isEmpty();
    }

    @Test
    void ripeGrsDumpsCompressedAndWithBrokenClassNames() throws Exception {
        Path grs = SharedData.path("irr/ripe-whois-grs");
        IrrDatabase db = IrrDatabase.load(List.of(grs.resolve("jpirr.test.gz"), grs.resolve("radb.test.gz"),
                grs.resolve("afrinic.test.gz"), grs.resolve("apnic.test.gz"), grs.resolve("ripe.test.gz"),
                grs.resolve("lacnic.test")));
        // "*xxset:" and "*xxte:" open objects of no known class: read past, neither kept nor malformed.
        assertThat(db.stats()).isEqualTo(new IrrStats(6, 18, 2, 0, 1, 2, 0));
        assertThat(db.sources()).containsExactly("JPIRR", "RADB");
        assertThat(db.routesOf(76).routeObjects())
                .containsExactly(new RouteObject(Prefix.parse("219.23.0.0/16"), 76, "JPIRR"));
        assertThat(db.routesOf(2900).prefixes(false)).containsExactly(Prefix.parse("167.96.0.0/16"));
        assertThat(db.routesOf(22646).size()).isZero();
        assertThat(db.expand("AS-BOGUS").asns()).containsExactly(74);
        assertThat(db.autNumName(1263)).isEqualTo("TEST-AS");
        assertThat(db.autNumName(278)).as("LACNIC writes aut-num without 'AS'").isEqualTo("");
    }

    @Test
    void arinWhoisIsNotRpslButSaysSo() {
        Path arin = SharedData.path("irr/ripe-whois-grs/arin.test.zip"); // outside the lambda: skipped if absent
        assertThatThrownBy(() -> IrrDatabase.load(List.of(arin)))
                .isInstanceOf(PolicyDataException.class).hasMessageContaining("arin.test.zip: a zip archive");
    }

    @Test
    void rpslViaFragmentsAndAutNums() throws Exception {
        Path via = SharedData.path("irr/rpsl-via");
        List<Path> files;
        try (var s = Files.list(via)) {
            files = s.filter(p -> p.toString().endsWith(".rpsl") || p.toString().endsWith(".aut-num")).sorted().toList();
        }
        IrrDatabase db = IrrDatabase.load(files);
        assertThat(files).hasSize(99);
        assertThat(db.stats().files()).isEqualTo(99);
        assertThat(db.stats().autNums()).isEqualTo(3);
        assertThat(db.stats().malformed()).isZero();
        assertThat(db.autNumName(29075)).isEqualTo("IELO");
        assertThat(db.autNumName(15562)).isEqualTo("");
        assertThat(db.routeCount()).isZero();
    }

    @Test
    void arinOriginAsJson() throws Exception {
        IrrDatabase db = IrrDatabase.load(List.of(SharedData.path("irr/arin-whois-originas.json.bz2")));
        assertThat(db.stats().routes()).isEqualTo(107_165);
        assertThat(db.stats().route6s()).isEqualTo(10_338);
        assertThat(db.routeCount()).as("distinct prefix and origin pairs").isEqualTo(116_628);
        assertThat(db.sources()).containsExactly("ARIN-WHOIS");
        assertThat(db.routesOf(38895).covering(Prefix.parse("3.0.4.0/24")))
                .containsExactly(new RouteObject(Prefix.parse("3.0.0.0/15"), 38895, "ARIN-WHOIS"));
        assertThat(db.routesOf(7068).containsExact(Prefix.parse("2620:1fd::/36"))).isTrue();
        assertThat(db.routesOf(577).prefixes(false)).as("13,747 records, 13,736 distinct prefixes").hasSize(13_736);
    }

    @Test
    void attributesContinuationsCommentsAndCase() throws Exception {
        IrrDatabase db = load("""
                # a comment before anything
                % and a RIPE-style one

                AS-SET:   AS-Foo
                descr:    two members lines, continuation lines of all three kinds
                members:  AS1, as2,
                          AS3  # three
                +         AS4
                \tAS5
                Members:  AS-BAR AS6
                source:   test

                route:    192.0.2.0/24
                origin:   as1 # comment
                source:   TEST

                as-set:   AS-BAR
                members:  AS7
                source:   TEST
                """);
        assertThat(db.expand("AS-FOO").asns()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(db.expand("as-foo").chain(7)).containsExactly("as-foo", "AS-BAR");
        assertThat(db.routes(db.expand("AS-FOO")).prefixes(false)).containsExactly(Prefix.parse("192.0.2.0/24"));
        assertThat(db.sources()).containsExactly("TEST");
    }

    @Test
    void nestedSetsWithLoopsTerminateAndAreReported() throws Exception {
        IrrDatabase db = load("""
                as-set: AS-A
                members: AS1, AS-B, AS-C
                source: T

                as-set: AS-B
                members: AS2, AS-C
                source: T

                as-set: AS-C
                members: AS3, AS-A, AS-C, AS-MISSING
                source: T
                """);
        AsSetExpansion e = db.expand("AS-A");
        assertThat(e.asns()).containsExactly(1, 2, 3);
        assertThat(e.loops()).containsExactlyInAnyOrder("AS-A > AS-B > AS-C > AS-A", "AS-C > AS-C");
        assertThat(e.unresolved()).containsExactly("AS-MISSING");
        assertThat(e.chain(3)).as("a shortest chain").containsExactly("AS-A", "AS-C");
        assertThat(e.depthLimitHit()).isFalse();
    }

    @Test
    void depthLimit() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            sb.append("as-set: AS-L").append(i).append("\nmembers: AS").append(i)
                    .append(i < 40 ? ", AS-L" + (i + 1) : "").append("\nsource: T\n\n");
        }
        IrrDatabase db = load(sb.toString());
        AsSetExpansion deep = db.expand("AS-L1");
        assertThat(deep.asns()).hasSize(32);
        assertThat(deep.depthLimitHit()).isTrue();
        assertThat(deep.chain(32)).hasSize(32).startsWith("AS-L1", "AS-L2").endsWith("AS-L32");
        assertThat(db.expand("AS-L1", 1).asns()).containsExactly(1);
        assertThat(db.expand("AS-L1", 40).depthLimitHit()).isFalse();
        assertThat(db.expand("AS-L1", 40).asns()).hasSize(40);
    }

    @Test
    void sourcesQualifyAndTheFirstDumpWins() throws Exception {
        Path radb = write("radb.db", """
                as-set: AS-X
                members: AS10, AS-Y
                source: RADB

                as-set: AS-Y
                members: AS11
                source: RADB

                route: 198.51.100.0/24
                origin: AS10
                source: RADB
                """);
        Path ripe = write("ripe.db", """
                as-set: AS-X
                members: AS20, RADB::AS-Y, AS-Z
                source: RIPE

                as-set: AS-Z
                members: AS21
                source: RIPE

                route: 192.0.2.0/24
                origin: AS20
                source: RIPE

                route: 203.0.113.0/24
                origin: AS10
                source: RIPE
                """);
        IrrDatabase db = IrrDatabase.load(List.of(ripe, radb));
        assertThat(db.asSetCount()).isEqualTo(4);
        assertThat(db.expand("AS-X").asns()).as("RIPE's, given first").containsExactly(11, 20, 21);
        assertThat(db.expand("RADB::AS-X").asns()).containsExactly(10, 11);
        AsSetExpansion ripeX = db.expand("RIPE::AS-X");
        assertThat(ripeX.asns()).containsExactly(11, 20, 21);
        assertThat(ripeX.chain(11)).containsExactly("RIPE::AS-X", "AS-Y");
        assertThat(db.routes(db.expand("RADB::AS-X")).prefixes(false)).as("RADB's route objects only")
                .containsExactly(Prefix.parse("198.51.100.0/24"));
        assertThat(db.routes(db.expand("AS-X")).prefixes(false)).containsExactly(Prefix.parse("192.0.2.0/24"));
        assertThat(db.routes(db.expand("AS10")).routeObjects()).extracting(RouteObject::source)
                .containsExactly("RADB", "RIPE");
        assertThat(db.expand("ARIN::AS-X").unresolved()).containsExactly("ARIN::AS-X");
        assertThat(db.expand("RADB::AS-Z").unresolved()).containsExactly("RADB::AS-Z");
        AsSetExpansion radbOnly = IrrDatabase.load(List.of(radb, ripe)).expand("RADB::AS-X");
        assertThat(radbOnly.asns()).containsExactly(10, 11);
    }

    @Test
    void hierarchicalNamesAndSingleAses() throws Exception {
        IrrDatabase db = load("""
                as-set: AS64500:AS-CUSTOMERS
                members: AS64501, AS64500:AS-CUSTOMERS:AS-EU, AS1.10
                source: T

                as-set: AS64500:AS-CUSTOMERS:AS-EU
                members: AS64502
                source: T
                """);
        assertThat(db.expand("AS64500:AS-CUSTOMERS").asns()).containsExactly(64501, 64502, 65546);
        AsSetExpansion single = db.expand("AS64500");
        assertThat(single.asns()).containsExactly(64500);
        assertThat(single.chain(64500)).containsExactly("AS64500");
        assertThat(single.unresolved()).isEmpty();
        AsSetExpansion unknown = db.expand("AS-NOPE");
        assertThat(unknown.asns()).isEmpty();
        assertThat(unknown.unresolved()).containsExactly("AS-NOPE");
    }

    @Test
    void brokenObjectsAreCountedWithFileAndLineAndTheRestIsKept() throws Exception {
        Path p = write("broken.db", """
                route: 192.0.2.0/24
                origin: AS1
                source: T

                route: 192.0.2.0/33
                origin: AS1
                source: T

                route: 198.51.100.0/24
                source: T

                route6: 192.0.2.0/24
                origin: AS1
                source: T

                route: 203.0.113.0/24
                origin: ASX
                source: T

                this line has no colon
                origin: AS1

                as-set: FOO
                members: AS1

                as-set: AS-OK
                members: AS1, RS-FOO, AS2
                source: T

                route: 203.0.113.7/24
                origin: AS3
                source: T
                """);
        IrrDatabase db = IrrDatabase.load(List.of(p));
        assertThat(db.stats().malformed()).isEqualTo(6);
        assertThat(db.problems()).containsExactly(
                p + ":5: route '192.0.2.0/33' is not a prefix (length over /32); object skipped",
                p + ":9: route 198.51.100.0/24: no origin:; object skipped",
                p + ":12: route6 192.0.2.0/24: an IPv4 prefix in a route6 object; object skipped",
                p + ":16: route 203.0.113.0/24: origin 'ASX' is not an AS number; object skipped",
                p + ":20: line 20 is not 'attribute: value': 'this line has no colon'; object skipped",
                p + ":23: as-set name 'FOO' is not an as-set name (AS-..., or AS123:AS-...); object skipped",
                p + ":26: as-set AS-OK: member 'RS-FOO' is neither an AS number nor an as-set; member ignored",
                p + ":30: route 203.0.113.7/24: host bits set; kept as 203.0.113.0/24");
        assertThat(db.routeCount()).isEqualTo(2);
        assertThat(db.routesOf(3).prefixes(false)).containsExactly(Prefix.parse("203.0.113.0/24"));
        assertThat(db.expand("AS-OK").asns()).containsExactly(1, 2);
    }

    @Test
    void filesThatAreNotRpslAtAllAreRefused() throws Exception {
        Path text = write("notes.txt", "Dear operator,\nplease find attached\n");
        assertThatThrownBy(() -> IrrDatabase.load(List.of(text))).isInstanceOf(PolicyDataException.class)
                .hasMessage(text + ":1: not an RPSL dump (expected 'attribute: value'): 'Dear operator,'");
        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[] {1, 2, 0, 4});
        assertThatThrownBy(() -> IrrDatabase.load(List.of(bin))).hasMessage(bin + ": binary data, not an RPSL dump "
                + "or ARIN JSON export");
        Path json = write("other.json", "{\"data\": []}");
        assertThatThrownBy(() -> IrrDatabase.load(List.of(json))).hasMessageContaining("not ARIN's origin AS export");
        assertThatThrownBy(() -> IrrDatabase.load(List.of(dir.resolve("missing.db"))))
                .hasMessage(dir.resolve("missing.db") + ": no such file");
    }

    @Test
    void aTruncatedCompressedDumpIsAnError() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            for (int i = 0; i < 2000; i++) {
                gz.write(("route: 10." + (i / 256) + "." + (i % 256) + ".0/24\norigin: AS" + i + "\nsource: T\n\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] all = b.toByteArray();
        Path cut = dir.resolve("cut.db.gz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> IrrDatabase.load(List.of(cut))).isInstanceOf(PolicyDataException.class)
                .hasMessageStartingWith(cut.toString());
        Path whole = dir.resolve("whole.db.gz");
        Files.write(whole, all);
        assertThat(IrrDatabase.load(List.of(whole)).routeCount()).isEqualTo(2000);
    }
}
