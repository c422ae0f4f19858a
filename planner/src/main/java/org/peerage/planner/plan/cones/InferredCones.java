package org.peerage.planner.plan.cones;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.peerage.planner.asrel.AsRelInference;
import org.peerage.planner.asrel.AsRelationships;
import org.peerage.planner.asrel.MrtAsPaths;
import org.peerage.planner.asrel.PathSanitizer;
import org.peerage.planner.asrel.PathSet;

/**
 * Customer cones inferred from the AS paths of the plan's own routing table (the CAIDA method of
 * org.peerage.planner.asrel, provider/peer observed cones), for a plan without a ppdc file.
 */
public final class InferredCones implements CustomerCones {
    private final org.peerage.planner.asrel.CustomerCones cones;
    private final String description;

    private InferredCones(org.peerage.planner.asrel.CustomerCones cones, String description) {
        this.cones = cones;
        this.description = description;
    }

    /**
     * Infers relationships and cones from an MRT file.
     *
     * @throws IOException naming the file when it cannot be read or holds no usable AS path
     */
    public static InferredCones from(Path mrt) throws IOException {
        PathSet paths = new PathSet();
        MrtAsPaths reader = new MrtAsPaths(paths, new PathSanitizer(Set.of()), null);
        MrtAsPaths.FileStats stats = reader.read(mrt.toString());
        if (paths.size() == 0) throw new IOException(mrt + ": no usable AS path to infer customer cones from");
        AsRelationships rels = AsRelInference.infer(paths, AsRelInference.Options.DEFAULTS).relationships();
        org.peerage.planner.asrel.CustomerCones cones =
                org.peerage.planner.asrel.CustomerCones.providerPeerObserved(paths, rels);
        String description = String.format(Locale.ROOT, "customer cones inferred from the AS paths of %s (%,d routes, "
                + "%,d distinct paths, %,d links: %,d p2c, %,d p2p; provider/peer observed cones): a candidate is "
                + "credited with the traffic whose origin is in its cone", mrt, stats.routes(), paths.size(),
                rels.size(), rels.p2cCount(), rels.p2pCount());
        return new InferredCones(cones, description);
    }

    @Override
    public Set<Long> cone(long candidate) {
        Set<Long> cone = new HashSet<>();
        cone.add(candidate);
        for (long m : cones.members(candidate)) cone.add(m);
        return cone;
    }

    @Override
    public String description() {
        return description;
    }
}
