package org.peerage.planner.plan.cones;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Customer cones from a CAIDA ppdc file: one line per AS, {@code cone-as cust-1 ... cust-N}, {@code #} comments.
 * A candidate not in the file has its own AS as cone.
 */
public final class PpdcCones implements CustomerCones {
    private final Map<Long, Set<Long>> cones;
    private final String source;

    public PpdcCones(Map<Long, Set<Long>> cones, String source) {
        this.cones = cones;
        this.source = source;
    }

    public static PpdcCones read(Path file) throws IOException {
        Map<Long, Set<Long>> cones = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+");
                try {
                    long as = Long.parseLong(f[0]);
                    Set<Long> cone = new HashSet<>();
                    cone.add(as);
                    for (int i = 1; i < f.length; i++) cone.add(Long.parseLong(f[i]));
                    cones.put(as, cone);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + n + ": expected AS numbers, got '" + line + "'");
                }
            }
        }
        return new PpdcCones(cones, file.toString());
    }

    @Override
    public Set<Long> cone(long candidate) {
        return cones.getOrDefault(candidate, Set.of(candidate));
    }

    @Override
    public String description() {
        return "customer cones from " + source + " (" + cones.size() + " ASes): a candidate is credited with the "
                + "traffic whose origin is in its cone";
    }
}
