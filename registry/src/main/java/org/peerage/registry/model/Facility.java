package org.peerage.registry.model;

import java.util.Optional;

/** A colocation facility (PeeringDB fac). */
public record Facility(long id, String name, String city, String country, Double latitude, Double longitude,
        String clli) {
    /** Where it is, when PeeringDB has usable coordinates. */
    public Optional<GeoPoint> location() {
        if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180
                || latitude == 0 && longitude == 0) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(latitude, longitude));
    }
}
