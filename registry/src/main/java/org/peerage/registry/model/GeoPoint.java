package org.peerage.registry.model;

/** A place on the globe in degrees (WGS 84, as PeeringDB gives facility coordinates). */
public record GeoPoint(double latitude, double longitude) {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a coordinate: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle distance (haversine), in kilometres. */
    public double distanceKm(GeoPoint o) {
        double dLat = Math.toRadians(o.latitude - latitude);
        double dLon = Math.toRadians(o.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(o.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
