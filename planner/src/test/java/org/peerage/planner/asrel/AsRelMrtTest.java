package org.peerage.planner.asrel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Inference on the real MRT dumps in ../shared/data/mrt: facts any sound inference must show. */
class AsRelMrtTest {
    static final long[] TIER1 = {174, 3356, 1299, 2914, 3257};

    static String mrt(String name) {
        Path root = Path.of(System.getProperty("peerage.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolveSibling("shared").resolve("data");
        if (!Files.isDirectory(data)) {
            String message = "real data folder " + data + " is missing";
            if (System.getenv("CI") != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return data.resolve("mrt").resolve(name).toString();
    }

    @Test
    void routeViewsRib2014() throws Exception {
        PathSet paths = new PathSet();
        PathSanitizer sanitizer = new PathSanitizer();
        PrefixOrigins.Builder origins = new PrefixOrigins.Builder();
        MrtAsPaths.FileStats stats = new MrtAsPaths(paths, sanitizer, origins)
                .read(mrt("pyasn_rib.20140523.0600_firstMB.bz2"));
        assertThat(stats.damage()).contains("byte offset"); // the file is cut after its first MiB
        assertThat(stats.routes()).isEqualTo(270_005); // every RIB entry bgpdump prints before the cut
        assertThat(sanitizer.count(PathSanitizer.Verdict.KEPT)).isGreaterThan(260_000);
        assertThat(sanitizer.count(PathSanitizer.Verdict.LOOP)).isPositive();
        assertThat(paths.size()).isGreaterThan(50_000);
        assertThat(paths.offered()).isEqualTo(sanitizer.count(PathSanitizer.Verdict.KEPT));

        AsRelInference.Result result = AsRelInference.infer(paths);
        AsRelationships rels = result.relationships();
        assertThat(result.ases()).isGreaterThan(2000);
        assertThat(rels.p2cCount()).isGreaterThan(3000);
        assertThat(rels.p2pCount()).isGreaterThan(1000);
        assertThat(rels.clique().length).isBetween(8, 20);
        for (long t : TIER1) {
            assertThat(rels.inClique(t) || rels.providers(t).length == 0).as("AS%d has no provider", t).isTrue();
        }
        assertThat(rels.clique()).contains(TIER1);
        assertThat(rels.relationship(174, 3356)).isEqualTo(Relationship.P2P);
        // Links seen in the dump: AS7545 (TPG) buys transit from AS174 (Cogent).
        assertThat(rels.relationship(174, 7545)).isEqualTo(Relationship.P2C);

        CustomerCones cones = CustomerCones.providerPeerObserved(paths, rels);
        PrefixOrigins po = origins.build();
        // The 9,072 prefixes bgpdump prints before the cut, less 3 whose every path ends in an AS_SET and 6 whose
        // every path ends in a private AS.
        assertThat(po.size()).isEqualTo(9072 - 3 - 6);
        for (long t : TIER1) {
            assertThat(cones.size(t)).as("cone of AS%d", t).isGreaterThan(100);
            for (long u : TIER1) {
                if (u != t) assertThat(cones.contains(t, u)).as("AS%d in the cone of AS%d", u, t).isFalse();
            }
        }
        assertThat(cones.contains(174, 7545)).isTrue();
        assertThat(cones.prefixes(7545, po)).isNotEmpty();
        assertThat(cones.prefixes(174, po).size()).isGreaterThan(cones.prefixes(7545, po).size());
        CustomerCones recursive = CustomerCones.recursive(rels);
        assertThat(recursive.size(174)).isGreaterThanOrEqualTo(cones.size(174));
    }

    @Test
    void aPlanWithoutAPpdcFileInfersItsConesFromTheRoutingTable() throws Exception {
        var cones = org.peerage.planner.plan.cones.InferredCones.from(Path.of(
                mrt("pyasn_rib.20140523.0600_firstMB.bz2")));
        assertThat(cones.cone(174)).contains(174L, 7545L).hasSizeGreaterThan(100);
        assertThat(cones.cone(7545)).contains(7545L).doesNotContain(174L);
        assertThat(cones.cone(4_200_000_000L)).as("an AS not in the table is its own cone")
                .containsExactly(4_200_000_000L);
        assertThat(cones.description()).contains("inferred from the AS paths of", "270,005 routes");
    }

    @Test
    void risUpdates2024() throws Exception {
        PathSet paths = new PathSet();
        new MrtAsPaths(paths, new PathSanitizer(), null).read(mrt("dnas_rrc01.updates.20241001.0055.gz"));
        AsRelInference.Result result = AsRelInference.infer(paths);
        AsRelationships rels = result.relationships();
        assertThat(result.ases()).isGreaterThan(1000);
        for (long t : TIER1) {
            assertThat(rels.inClique(t) || rels.providers(t).length == 0).as("AS%d has no provider", t).isTrue();
        }
        // Updates are no vantage point's table: the partial-VP step does not apply.
        assertThat(result.linksPerStep().get(AsRelInference.Step.STUB_PARTIAL_VP)).isZero();
        assertThat(rels.p2cCount()).isPositive();
        assertThat(rels.p2pCount()).isPositive();
    }
}
