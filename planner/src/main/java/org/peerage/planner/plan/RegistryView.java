package org.peerage.planner.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerage.registry.Registry;
import org.peerage.registry.model.Exchange;
import org.peerage.registry.model.Facility;
import org.peerage.registry.model.GeoPoint;
import org.peerage.registry.model.Membership;
import org.peerage.registry.model.Network;
import org.peerage.registry.store.RegistryDatabase;

/**
 * What the plan needs from the registry, loaded in bulk (a few queries) and joined in memory: networks, their ports
 * and facilities, and the plan's exchanges resolved to registry exchanges with their facilities.
 */
public final class RegistryView {
    final Map<Long, Network> networks = new HashMap<>();
    final Map<Long, List<Membership>> ports = new HashMap<>();
    final Map<Long, List<Facility>> facilities;
    final Map<Long, List<Facility>> exchangeFacilities;
    /** Plan IXP name -> registry exchange (absent when it could not be resolved). */
    final Map<String, Exchange> resolved = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();
    final String description;

    private RegistryView(Registry r, Plan plan, Path path) throws IOException {
        for (Network n : r.networks()) networks.put(n.asn(), n);
        for (Membership m : r.allMemberships()) {
            if (Boolean.FALSE.equals(m.operational())) continue;
            ports.computeIfAbsent(m.asn(), k -> new ArrayList<>()).add(m);
        }
        facilities = r.facilitiesByNetwork();
        exchangeFacilities = r.facilitiesByExchange();
        for (Plan.Ixp x : plan.ixps()) {
            Optional<Exchange> e;
            if (x.registryId() != null) {
                e = r.exchange(x.registryId());
                if (e.isEmpty()) warnings.add(x.name() + ": no exchange with registry id " + x.registryId());
            } else {
                List<Exchange> found = r.findExchanges(x.registryName());
                e = found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
                if (found.isEmpty()) warnings.add(x.name() + ": no exchange named '" + x.registryName() + "'");
                if (found.size() > 1) {
                    warnings.add(x.name() + ": '" + x.registryName() + "' names " + found.size()
                            + " exchanges; give registry_id (" + found.stream().limit(5)
                            .map(f -> f.id() + " " + f.name()).toList() + ")");
                }
            }
            e.ifPresent(ex -> resolved.put(x.name(), ex));
        }
        description = path + ": " + networks.size() + " networks, " + ports.values().stream().mapToInt(List::size)
                .sum() + " exchange ports, " + exchangeFacilities.size() + " exchanges with facilities";
    }

    public static RegistryView load(Path path, Plan plan) throws IOException {
        try (RegistryDatabase db = RegistryDatabase.openForReading(path)) {
            return new RegistryView(new Registry(db), plan, path);
        }
    }

    Optional<Network> network(long asn) {
        return Optional.ofNullable(networks.get(asn));
    }

    List<Membership> portsOf(long asn) {
        return ports.getOrDefault(asn, List.of());
    }

    List<Facility> facilitiesOf(long asn) {
        return facilities.getOrDefault(asn, List.of());
    }

    List<Facility> facilitiesOfExchange(long id) {
        return exchangeFacilities.getOrDefault(id, List.of());
    }

    /** An exchange's place: the mean of its facilities' coordinates (one metro fabric), if any are known. */
    Optional<GeoPoint> exchangeLocation(long id) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (Facility f : facilitiesOfExchange(id)) {
            Optional<GeoPoint> g = f.location();
            if (g.isPresent()) {
                lat += g.get().latitude();
                lon += g.get().longitude();
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new GeoPoint(lat / n, lon / n));
    }
}
